import { MiddlewareRoute, validateAndTransformBody, validateAndTransformQuery } from "@medusajs/framework/http"
import { AdminGetCustomerAffiliateParams, AdminReassignCustomerAffiliate } from "./validators"

export const adminCustomerAffiliateRoutesMiddlewares: MiddlewareRoute[] = [
  {
    method: ["GET"],
    matcher: "/admin/customers/:id/affiliate",
    middlewares: [validateAndTransformQuery(AdminGetCustomerAffiliateParams, {})],
  },
  {
    method: ["POST"],
    matcher: "/admin/customers/:id/affiliate",
    middlewares: [validateAndTransformBody(AdminReassignCustomerAffiliate)],
  },
]
