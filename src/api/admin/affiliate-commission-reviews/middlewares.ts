import { MiddlewareRoute, validateAndTransformBody, validateAndTransformQuery } from "@medusajs/framework/http"
import { listReviewsQueryConfig } from "./query-config"
import { AdminApproveCommissionReviews, AdminDeclineCommissionReviews, AdminListCommissionReviews } from "./validators"

export const adminAffiliateCommissionReviewRoutesMiddlewares: MiddlewareRoute[] = [
  {
    method: ["GET"],
    matcher: "/admin/affiliate-commission-reviews",
    middlewares: [validateAndTransformQuery(AdminListCommissionReviews, listReviewsQueryConfig)],
  },
  {
    method: ["POST"],
    matcher: "/admin/affiliate-commission-reviews/approve",
    middlewares: [validateAndTransformBody(AdminApproveCommissionReviews)],
  },
  {
    method: ["POST"],
    matcher: "/admin/affiliate-commission-reviews/decline",
    middlewares: [validateAndTransformBody(AdminDeclineCommissionReviews)],
  },
]
