import { MiddlewareRoute, validateAndTransformBody, validateAndTransformQuery } from "@medusajs/framework/http"
import { StoreListPayouts, StoreRequestPayout } from "./validators"

export const storePortalPayoutRoutesMiddlewares: MiddlewareRoute[] = [
  {
    method: ["GET"],
    matcher: "/store/customers/me/affiliate/payouts",
    middlewares: [validateAndTransformQuery(StoreListPayouts, { isList: true })],
  },
  {
    method: ["POST"],
    matcher: "/store/customers/me/affiliate/payouts",
    middlewares: [validateAndTransformBody(StoreRequestPayout)],
  },
]
