import { MiddlewareRoute, validateAndTransformQuery } from "@medusajs/framework/http"
import { AdminGetOrderAffiliateParams } from "./validators"

export const adminOrderAffiliateRoutesMiddlewares: MiddlewareRoute[] = [
  {
    method: ["GET"],
    matcher: "/admin/orders/:id/affiliate",
    middlewares: [validateAndTransformQuery(AdminGetOrderAffiliateParams, {})],
  },
]
