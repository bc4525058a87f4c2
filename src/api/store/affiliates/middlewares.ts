import { MiddlewareRoute, validateAndTransformBody } from "@medusajs/framework/http"
import { StoreRecordClick } from "./validators"

export const storeAffiliateRoutesMiddlewares: MiddlewareRoute[] = [
  {
    method: ["POST"],
    matcher: "/store/affiliates/:code/clicks",
    middlewares: [validateAndTransformBody(StoreRecordClick)],
  },
]
