import { ContainerRegistrationKeys, MedusaError } from "@medusajs/framework/utils"
import type { MedusaContainer } from "@medusajs/framework/types"
import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import { AFFILIATE_MODULE } from "../../../modules/affiliate"
import { isValidAffiliateCode } from "../../../modules/affiliate/domain/affiliate-code"
import type AffiliateModuleService from "../../../modules/affiliate/service"

/** `link_discount_code`: the affiliate's link discount, when it is an active promotion of theirs. */
export type CartReferral = { affiliate_code: string; affiliate_click_id: string | null; link_discount_code: string | null }

async function linkDiscountCode(container: MedusaContainer, affiliateId: string): Promise<string | null> {
  const { data: [affiliate] } = await container.resolve(ContainerRegistrationKeys.QUERY).graph({
    entity: "affiliate",
    fields: ["link_promotion_id", "promotions.id", "promotions.code", "promotions.status"],
    filters: { id: affiliateId },
  })
  const promotion = (affiliate?.promotions ?? []).find((p: any) => p && p.id === affiliate.link_promotion_id && p.status === "active")
  return promotion?.code ?? null
}

/**
 * Turns `{ code }` or `{ click_id }` into what the cart carries, with the affiliate's link
 * discount; unknown or inactive is 404.
 */
export const resolveCartReferralStep = createStep(
  "resolve-affiliate-cart-referral",
  async (input: { code?: string; click_id?: string }, { container }) => {
    const service = container.resolve<AffiliateModuleService>(AFFILIATE_MODULE)
    if (input.click_id) {
      const [click] = await service.listAffiliateClicks({ id: input.click_id }, { take: 1, relations: ["affiliate"] })
      if (!click || click.affiliate?.status !== "active") {
        throw new MedusaError(MedusaError.Types.NOT_FOUND, `Affiliate click with id: ${input.click_id} was not found`)
      }
      return new StepResponse<CartReferral>({
        affiliate_code: click.affiliate.code,
        affiliate_click_id: click.id,
        link_discount_code: await linkDiscountCode(container, click.affiliate.id),
      })
    }
    const code = input.code ?? ""
    const affiliate = isValidAffiliateCode(code) ? await service.retrieveAffiliateByCode(code).catch(() => null) : null
    if (!affiliate || affiliate.status !== "active") {
      throw new MedusaError(MedusaError.Types.NOT_FOUND, `Affiliate with code: ${code} was not found`)
    }
    return new StepResponse<CartReferral>({
      affiliate_code: affiliate.code,
      affiliate_click_id: null,
      link_discount_code: await linkDiscountCode(container, affiliate.id),
    })
  }
)
