import { AuthenticatedMedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { AFFILIATE_MODULE } from "../../../../modules/affiliate"
import type AffiliateModuleService from "../../../../modules/affiliate/service"
import { AdminPromotionCodeLeakParamsType } from "../validators"

/**
 * The coupon-leak report: per affiliate promotion code used in the period, its orders, the
 * share placed without the affiliate's traffic, and the distinct devices; most used first.
 */
export const GET = async (req: AuthenticatedMedusaRequest<unknown, AdminPromotionCodeLeakParamsType>, res: MedusaResponse) => {
  const { from, to, affiliate_id, code, limit } = req.validatedQuery
  const service = req.scope.resolve<AffiliateModuleService>(AFFILIATE_MODULE)
  const promotion_codes = await service.getPromotionCodeLeaks({ from, to, affiliate_ids: affiliate_id, codes: code, limit })
  res.json({ from, to, promotion_codes })
}
