import { MedusaError } from "@medusajs/framework/utils"
import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import { AFFILIATE_MODULE } from "../../../modules/affiliate"
import { isValidAffiliateCode } from "../../../modules/affiliate/domain/affiliate-code"
import type AffiliateModuleService from "../../../modules/affiliate/service"

export type CartReferral = { affiliate_code: string; affiliate_click_id: string | null }

/** Turns `{ code }` or `{ click_id }` into what the cart carries; unknown or inactive is 404. */
export const resolveCartReferralStep = createStep(
  "resolve-affiliate-cart-referral",
  async (input: { code?: string; click_id?: string }, { container }) => {
    const service = container.resolve<AffiliateModuleService>(AFFILIATE_MODULE)
    if (input.click_id) {
      const [click] = await service.listAffiliateClicks({ id: input.click_id }, { take: 1, relations: ["affiliate"] })
      if (!click || click.affiliate?.status !== "active") {
        throw new MedusaError(MedusaError.Types.NOT_FOUND, `Affiliate click with id: ${input.click_id} was not found`)
      }
      return new StepResponse<CartReferral>({ affiliate_code: click.affiliate.code, affiliate_click_id: click.id })
    }
    const code = input.code ?? ""
    const affiliate = isValidAffiliateCode(code) ? await service.retrieveAffiliateByCode(code).catch(() => null) : null
    if (!affiliate || affiliate.status !== "active") {
      throw new MedusaError(MedusaError.Types.NOT_FOUND, `Affiliate with code: ${code} was not found`)
    }
    return new StepResponse<CartReferral>({ affiliate_code: affiliate.code, affiliate_click_id: null })
  }
)
