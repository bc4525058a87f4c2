import { MiddlewareRoute, validateAndTransformBody, validateAndTransformQuery } from "@medusajs/framework/http"
import { StatementParams } from "../../../../utils/statement"
import { NoQueryParams } from "../../../../utils/validators"
import { StoreApplyForAffiliate, StorePortalCommissionsParams, StorePortalStatsParams } from "./validators"

// A logged-in customer is required by Medusa's own `/store/customers/me*` middleware
// (session or bearer, else 401); every route then resolves the caller's affiliate itself.
// Each entry names its method, so none reaches into `payouts/`.
export const storePortalRoutesMiddlewares: MiddlewareRoute[] = [
  {
    method: ["POST"],
    matcher: "/store/customers/me/affiliate",
    middlewares: [validateAndTransformBody(StoreApplyForAffiliate)],
  },
  {
    method: ["GET"],
    matcher: "/store/customers/me/affiliate",
    middlewares: [validateAndTransformQuery(NoQueryParams, {})],
  },
  {
    method: ["GET"],
    matcher: "/store/customers/me/affiliate/commissions",
    middlewares: [validateAndTransformQuery(StorePortalCommissionsParams, {})],
  },
  {
    method: ["GET"],
    matcher: "/store/customers/me/affiliate/stats",
    middlewares: [validateAndTransformQuery(StorePortalStatsParams, {})],
  },
  {
    method: ["GET"],
    matcher: "/store/customers/me/affiliate/statement",
    middlewares: [validateAndTransformQuery(StatementParams, {})],
  },
]
