import { AuthenticatedMedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { listPage } from "../../utils/list-query"
import { AdminListCommissionReviewsType } from "./validators"

/** The review queue: held sales with their signals and evidence (`status=required` for what awaits a decision). */
export const GET = async (req: AuthenticatedMedusaRequest<unknown, AdminListCommissionReviewsType>, res: MedusaResponse) => {
  const { data: affiliate_commission_reviews, ...page } = await listPage(req, "affiliate_commission_review", { breakTiesById: true })
  res.json({ affiliate_commission_reviews, ...page })
}
