import { AuthenticatedMedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { ContainerRegistrationKeys } from "@medusajs/framework/utils"
import { markAffiliatePayoutFailedWorkflow } from "../../../../../workflows/payouts/workflows/mark-affiliate-payout-failed"
import { PAYOUT_FIELDS } from "../../query-config"
import { AdminMarkPayoutFailedType } from "../../validators"

/** The transfer failed: the payout is failed and its entries are available again. 400 unless it is `requested`. */
export const POST = async (req: AuthenticatedMedusaRequest<AdminMarkPayoutFailedType>, res: MedusaResponse) => {
  await markAffiliatePayoutFailedWorkflow(req.scope).run({
    input: { id: req.params.id, reason: req.validatedBody.reason },
  })
  const query = req.scope.resolve(ContainerRegistrationKeys.QUERY)
  const { data: [affiliate_payout] } = await query.graph({
    entity: "affiliate_payout",
    fields: PAYOUT_FIELDS,
    filters: { id: req.params.id },
  })
  res.json({ affiliate_payout })
}
