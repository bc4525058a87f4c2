import { ContainerRegistrationKeys, MedusaError } from "@medusajs/framework/utils"
import type { MedusaContainer } from "@medusajs/framework/types"
import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import { AFFILIATE_MODULE } from "../../../modules/affiliate"
import { isValidAffiliateCode } from "../../../modules/affiliate/domain/affiliate-code"
import type AffiliateModuleService from "../../../modules/affiliate/service"

/** `link_discount_code`: the affiliate's link discount, when it is an active promotion of theirs. */
export type CartReferral = { affiliate_code: string; affiliate_click_id: string | null; link_discount_code: string | null }

/** The affiliate's own link discount, else their program's (e.g. a refer-a-friend discount), when active. */
async function linkDiscountCode(container: MedusaContainer, affiliateId: string): Promise<string | null> {
  const query = container.resolve(ContainerRegistrationKeys.QUERY)
  const { data: [affiliate] } = await query.graph({
    entity: "affiliate",
    fields: ["link_promotion_id", "program.link_promotion_id", "promotions.id", "promotions.code", "promotions.status"],
    filters: { id: affiliateId },
  })
  const own = (affiliate?.promotions ?? []).find((p: any) => p && p.id === affiliate.link_promotion_id && p.status === "active")
  if (own) {
    return own.code
  }
  const programPromotionId = affiliate?.program?.link_promotion_id
  if (!programPromotionId) {
    return null
  }
  const { data: [promotion] } = await query.graph({ entity: "promotion", fields: ["code", "status"], filters: { id: programPromotionId } })
  return promotion?.status === "active" ? promotion.code : null
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
