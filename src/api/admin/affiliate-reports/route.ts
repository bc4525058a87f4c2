import { AuthenticatedMedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { AFFILIATE_MODULE } from "../../../modules/affiliate"
import type AffiliateModuleService from "../../../modules/affiliate/service"
import { AdminAffiliateReportParamsType } from "./validators"

/**
 * Clicks, credited orders, revenue and net commission per interval and in total; program-wide
 * also the top affiliates by commission. With `affiliate_id`, that affiliate's (404 unknown).
 */
export const GET = async (req: AuthenticatedMedusaRequest<unknown, AdminAffiliateReportParamsType>, res: MedusaResponse) => {
  const { from, to, interval, affiliate_id, top } = req.validatedQuery
  const service = req.scope.resolve<AffiliateModuleService>(AFFILIATE_MODULE)
  if (affiliate_id) {
    await service.retrieveAffiliate(affiliate_id, { select: ["id"] })
  }
  const report = await service.getActivityReport({ affiliate_id, from, to, interval, top })
  res.json({ report: { from, to, interval, ...report } })
}
