import { MiddlewareRoute, validateAndTransformBody } from "@medusajs/framework/http"
import { StoreAttachCartReferral } from "./validators"

export const storeCartRoutesMiddlewares: MiddlewareRoute[] = [
  {
    method: ["POST"],
    matcher: "/store/carts/:id/affiliate",
    middlewares: [validateAndTransformBody(StoreAttachCartReferral)],
  },
]
