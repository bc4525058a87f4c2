import { MiddlewareRoute, validateAndTransformQuery } from "@medusajs/framework/http"
import { NoQueryParams } from "../../utils/validators"

export const adminOrderAffiliateRoutesMiddlewares: MiddlewareRoute[] = [
  {
    method: ["GET"],
    matcher: "/admin/orders/:id/affiliate",
    middlewares: [validateAndTransformQuery(NoQueryParams, {})],
  },
]
