import { MiddlewareRoute, validateAndTransformBody, validateAndTransformQuery } from "@medusajs/framework/http"
import { portalPayoutsQueryConfig } from "./query-config"
import { StoreListPayouts, StoreRequestPayout } from "./validators"

export const storePortalPayoutRoutesMiddlewares: MiddlewareRoute[] = [
  {
    method: ["GET"],
    matcher: "/store/customers/me/affiliate/payouts",
    middlewares: [validateAndTransformQuery(StoreListPayouts, portalPayoutsQueryConfig)],
  },
  {
    method: ["POST"],
    matcher: "/store/customers/me/affiliate/payouts",
    middlewares: [validateAndTransformBody(StoreRequestPayout)],
  },
]
