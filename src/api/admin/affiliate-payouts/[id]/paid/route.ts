import { AuthenticatedMedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { ContainerRegistrationKeys } from "@medusajs/framework/utils"
import { markAffiliatePayoutPaidWorkflow } from "../../../../../workflows/payouts/workflows/mark-affiliate-payout-paid"
import { PAYOUT_FIELDS } from "../../query-config"
import { AdminMarkPayoutPaidType } from "../../validators"

/** The transfer went out: the payout and its entries are paid. 400 unless it is `requested`. */
export const POST = async (req: AuthenticatedMedusaRequest<AdminMarkPayoutPaidType>, res: MedusaResponse) => {
  await markAffiliatePayoutPaidWorkflow(req.scope).run({
    input: { id: req.params.id, reference: req.validatedBody.reference },
  })
  const query = req.scope.resolve(ContainerRegistrationKeys.QUERY)
  const { data: [affiliate_payout] } = await query.graph({
    entity: "affiliate_payout",
    fields: PAYOUT_FIELDS,
    filters: { id: req.params.id },
  })
  res.json({ affiliate_payout })
}
