import { MiddlewareRoute, validateAndTransformBody, validateAndTransformQuery } from "@medusajs/framework/http"
import { StatementParams } from "../../../../utils/statement"
import { PORTAL_COMMISSION_FIELDS } from "../../../../utils/portal-responses"
import { PORTAL_PROFILE_FIELDS } from "./profile-fields"
import { StoreApplyForAffiliate, StorePortalCommissionsParams, StorePortalProfileParams, StorePortalStatsParams } from "./validators"

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
    middlewares: [validateAndTransformQuery(StorePortalProfileParams, { defaults: PORTAL_PROFILE_FIELDS, allowed: PORTAL_PROFILE_FIELDS })],
  },
  {
    method: ["GET"],
    matcher: "/store/customers/me/affiliate/commissions",
    middlewares: [validateAndTransformQuery(StorePortalCommissionsParams, {
        defaults: PORTAL_COMMISSION_FIELDS,
        allowed: PORTAL_COMMISSION_FIELDS,
        isList: true,
      })],
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
