import { AuthenticatedMedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { listPage } from "../../../../../utils/list-query"
import { portalAffiliate } from "../../../../../utils/portal-affiliate"
import { StorePortalCommissionsParamsType } from "../validators"

/** The caller's own ledger entries, newest first unless `order` says otherwise. */
export const GET = async (
  req: AuthenticatedMedusaRequest<unknown, StorePortalCommissionsParamsType>,
  res: MedusaResponse
) => {
  const affiliate = await portalAffiliate(req)
  const { status, type, currency_code } = req.validatedQuery
  const filters: Record<string, unknown> = { affiliate_id: affiliate.id }
  if (status) filters.status = status
  if (type) filters.type = type
  if (currency_code) filters.currency_code = currency_code
  const { data: commissions, ...page } = await listPage(req, "affiliate_commission", { filters, breakTiesById: true })
  res.json({ commissions, ...page })
}
