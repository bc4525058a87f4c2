import { AuthenticatedMedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { markAffiliatePayoutFailedWorkflow } from "../../../../../workflows/payouts/workflows/mark-affiliate-payout-failed"
import { refetchPayout } from "../../query-config"
import { AdminMarkPayoutFailedType } from "../../validators"

/** The transfer failed: the payout is failed and its entries are available again. 400 unless it is `requested`. */
export const POST = async (req: AuthenticatedMedusaRequest<AdminMarkPayoutFailedType>, res: MedusaResponse) => {
  await markAffiliatePayoutFailedWorkflow(req.scope).run({
    input: { id: req.params.id, reason: req.validatedBody.reason },
  })
  res.json({ affiliate_payout: await refetchPayout(req.scope, req.params.id) })
}
