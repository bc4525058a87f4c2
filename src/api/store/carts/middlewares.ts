import { authenticate, MiddlewareRoute, validateAndTransformBody } from "@medusajs/framework/http"
import { noteCheckoutVisitor } from "./note-checkout-visitor"
import { StoreAttachCartReferral } from "./validators"

export const storeCartRoutesMiddlewares: MiddlewareRoute[] = [
  {
    method: ["POST"],
    matcher: "/store/carts/:id/affiliate",
    middlewares: [
      // Optional: a logged-in customer may change the referral of their own cart.
      authenticate("customer", ["session", "bearer"], { allowUnauthenticated: true }),
      validateAndTransformBody(StoreAttachCartReferral),
    ],
  },
  {
    // Medusa's own checkout completion: the device that completes it is the buyer's.
    method: ["POST"],
    matcher: "/store/carts/:id/complete",
    middlewares: [noteCheckoutVisitor],
  },
]
