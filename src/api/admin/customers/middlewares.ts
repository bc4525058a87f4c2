import { MiddlewareRoute, validateAndTransformBody, validateAndTransformQuery } from "@medusajs/framework/http"
import { NoQueryParams } from "../../utils/validators"
import { AdminReassignCustomerAffiliate } from "./validators"

export const adminCustomerAffiliateRoutesMiddlewares: MiddlewareRoute[] = [
  {
    method: ["GET"],
    matcher: "/admin/customers/:id/affiliate",
    middlewares: [validateAndTransformQuery(NoQueryParams, {})],
  },
  {
    method: ["POST"],
    matcher: "/admin/customers/:id/affiliate",
    middlewares: [validateAndTransformBody(AdminReassignCustomerAffiliate)],
  },
]
