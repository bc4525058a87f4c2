import { MiddlewareRoute, validateAndTransformBody, validateAndTransformQuery } from "@medusajs/framework/http"
import { listCommissionsQueryConfig } from "./query-config"
import { AdminCreateAdjustment, AdminListCommissions } from "./validators"

export const adminAffiliateCommissionRoutesMiddlewares: MiddlewareRoute[] = [
  {
    method: ["GET"],
    matcher: "/admin/affiliate-commissions",
    middlewares: [validateAndTransformQuery(AdminListCommissions, listCommissionsQueryConfig)],
  },
  {
    method: ["POST"],
    matcher: "/admin/affiliate-commissions",
    middlewares: [validateAndTransformBody(AdminCreateAdjustment)],
  },
]
