import { AuthenticatedMedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { MathBN } from "@medusajs/framework/utils"
import { AFFILIATE_MODULE } from "../../../../modules/affiliate"
import type AffiliateModuleService from "../../../../modules/affiliate/service"
import { AdminPreviewPayoutsType } from "../validators"

// Money as numbers, as every other payout response carries it.
const money = (value: string) => MathBN.convert(value).toNumber()

/**
 * Who `POST /admin/affiliate-payouts` with the same body would pay now, how many and how
 * much; nothing is requested or locked.
 */
export const GET = async (req: AuthenticatedMedusaRequest<unknown, AdminPreviewPayoutsType>, res: MedusaResponse) => {
  const service = req.scope.resolve<AffiliateModuleService>(AFFILIATE_MODULE)
  const { currency_code, count, total, affiliates } = await service.previewPayouts(req.validatedQuery)
  res.json({
    preview: {
      currency_code,
      count,
      total: money(total),
      affiliates: affiliates.map((a) => ({ ...a, amount: money(a.amount) })),
    },
  })
}
