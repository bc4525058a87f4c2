import { MiddlewareRoute, validateAndTransformQuery } from "@medusajs/framework/http"
import { AdminAffiliateReportParams, AdminPromotionCodeLeakParams } from "./validators"

// Medusa's own `/admin/*` middleware requires an admin user (401 otherwise).
export const adminAffiliateReportRoutesMiddlewares: MiddlewareRoute[] = [
  {
    method: ["GET"],
    matcher: "/admin/affiliate-reports",
    middlewares: [validateAndTransformQuery(AdminAffiliateReportParams, {})],
  },
  {
    method: ["GET"],
    matcher: "/admin/affiliate-reports/promotion-codes",
    middlewares: [validateAndTransformQuery(AdminPromotionCodeLeakParams, {})],
  },
]
