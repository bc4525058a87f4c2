import { AuthenticatedMedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { markAffiliatePayoutPaidWorkflow } from "../../../../../workflows/payouts/workflows/mark-affiliate-payout-paid"
import { refetchPayout } from "../../query-config"
import { AdminMarkPayoutPaidType } from "../../validators"

/** The transfer went out: the payout and its entries are paid. 400 unless it is `requested`. */
export const POST = async (req: AuthenticatedMedusaRequest<AdminMarkPayoutPaidType>, res: MedusaResponse) => {
  await markAffiliatePayoutPaidWorkflow(req.scope).run({
    input: { id: req.params.id, reference: req.validatedBody.reference },
  })
  res.json({ affiliate_payout: await refetchPayout(req.scope, req.params.id) })
}
