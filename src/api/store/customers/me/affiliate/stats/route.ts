import { AuthenticatedMedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { AFFILIATE_MODULE } from "../../../../../../modules/affiliate"
import type AffiliateModuleService from "../../../../../../modules/affiliate/service"
import { portalAffiliate } from "../../../../../utils/portal-affiliate"
import { StorePortalStatsParamsType } from "../validators"

/** The caller's clicks, credited orders, revenue and net commission over time. */
export const GET = async (req: AuthenticatedMedusaRequest<unknown, StorePortalStatsParamsType>, res: MedusaResponse) => {
  const affiliate = await portalAffiliate(req)
  const { from, to, interval } = req.validatedQuery
  const { totals, series } = await req.scope
    .resolve<AffiliateModuleService>(AFFILIATE_MODULE)
    .getActivityReport({ affiliate_id: affiliate.id, from, to, interval })
  res.json({ stats: totals, series, from, to, interval })
}
