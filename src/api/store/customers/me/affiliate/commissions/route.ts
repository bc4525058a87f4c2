import { AuthenticatedMedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { AFFILIATE_MODULE } from "../../../../../../modules/affiliate"
import type AffiliateModuleService from "../../../../../../modules/affiliate/service"
import { portalAffiliate } from "../../../../../utils/portal-affiliate"
import { commissionResponse } from "../../../../../utils/portal-responses"
import { StorePortalCommissionsParamsType } from "../validators"

/** The caller's own ledger entries, newest first. */
export const GET = async (
  req: AuthenticatedMedusaRequest<unknown, StorePortalCommissionsParamsType>,
  res: MedusaResponse
) => {
  const affiliate = await portalAffiliate(req)
  const { status, type, currency_code, limit, offset } = req.validatedQuery
  const filters: Record<string, unknown> = { affiliate_id: affiliate.id }
  if (status) filters.status = status
  if (type) filters.type = type
  if (currency_code) filters.currency_code = currency_code

  const [commissions, count] = await req.scope
    .resolve<AffiliateModuleService>(AFFILIATE_MODULE)
    .listAndCountAffiliateCommissions(filters, { skip: offset, take: limit, order: { created_at: "DESC", id: "DESC" } })
  res.json({ commissions: commissions.map(commissionResponse), count, offset, limit })
}
