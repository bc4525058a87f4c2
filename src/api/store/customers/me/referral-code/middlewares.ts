import { MiddlewareRoute, validateAndTransformBody } from "@medusajs/framework/http"
import { StoreJoinCustomerReferrals } from "./validators"

// Medusa's own `/store/customers/me*` middleware requires the logged-in customer.
export const storeReferralCodeRoutesMiddlewares: MiddlewareRoute[] = [
  {
    method: ["POST"],
    matcher: "/store/customers/me/referral-code",
    middlewares: [validateAndTransformBody(StoreJoinCustomerReferrals)],
  },
]
