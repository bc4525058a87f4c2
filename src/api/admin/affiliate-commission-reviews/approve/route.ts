import { AuthenticatedMedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { decideCommissionReviewsWorkflow } from "../../../../workflows/reviews/workflows/decide-commission-reviews"
import { refetchReviews } from "../query-config"
import { AdminApproveCommissionReviewsType } from "../validators"

/** Approves held sales (all or none): each releases at its hold's end, at once when that has passed. */
export const POST = async (req: AuthenticatedMedusaRequest<AdminApproveCommissionReviewsType>, res: MedusaResponse) => {
  const { ids, reason } = req.validatedBody
  await decideCommissionReviewsWorkflow(req.scope).run({
    input: { ids, decision: "approve", reason: reason ?? null, decided_by: req.auth_context?.actor_id ?? null },
  })
  res.json({ affiliate_commission_reviews: await refetchReviews(req.scope, [...new Set(ids)]) })
}
