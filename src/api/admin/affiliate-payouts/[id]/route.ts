import { AuthenticatedMedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { ContainerRegistrationKeys } from "@medusajs/framework/utils"
import { COMMISSION_FIELDS } from "../../affiliate-commissions/query-config"
import { refetchPayout } from "../query-config"

/** A payout with its affiliate and the ledger entries it pays, oldest first; 404 unknown. */
export const GET = async (req: AuthenticatedMedusaRequest, res: MedusaResponse) => {
  const payout = await refetchPayout(req.scope, req.params.id)
  const query = req.scope.resolve(ContainerRegistrationKeys.QUERY)
  const { data: entries } = await query.graph({
    entity: "affiliate_commission",
    fields: COMMISSION_FIELDS,
    filters: { payout_id: payout.id },
    pagination: { order: { created_at: "ASC", id: "ASC" } },
  })
  res.json({ affiliate_payout: { ...payout, entries } })
}
