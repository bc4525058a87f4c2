import { AuthenticatedMedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { decideCommissionReviewsWorkflow } from "../../../../workflows/reviews/workflows/decide-commission-reviews"
import { refetchReviews } from "../query-config"
import { AdminDeclineCommissionReviewsType } from "../validators"

/** Declines held sales (all or none): a reversal with the reason zeroes what each order had booked. */
export const POST = async (req: AuthenticatedMedusaRequest<AdminDeclineCommissionReviewsType>, res: MedusaResponse) => {
  const { ids, reason } = req.validatedBody
  await decideCommissionReviewsWorkflow(req.scope).run({
    input: { ids, decision: "decline", reason: reason ?? null, decided_by: req.auth_context?.actor_id ?? null },
  })
  res.json({ affiliate_commission_reviews: await refetchReviews(req.scope, [...new Set(ids)]) })
}
