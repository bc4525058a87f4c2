import { MiddlewareRoute, validateAndTransformQuery } from "@medusajs/framework/http"
import { StatementParams } from "../../store/customers/me/affiliate/validators"
import { AdminAffiliateReportParams } from "./validators"

// Medusa's own `/admin/*` middleware requires an admin user (401 otherwise).
export const adminAffiliateReportRoutesMiddlewares: MiddlewareRoute[] = [
  {
    method: ["GET"],
    matcher: "/admin/affiliate-reports",
    middlewares: [validateAndTransformQuery(AdminAffiliateReportParams, {})],
  },
  {
    method: ["GET"],
    matcher: "/admin/affiliates/:id/statement",
    middlewares: [validateAndTransformQuery(StatementParams, {})],
  },
]
