import { MiddlewareRoute, validateAndTransformBody, validateAndTransformQuery } from "@medusajs/framework/http"
import { NoQueryParams } from "../../utils/validators"
import { StoreRecordClick } from "./validators"

export const storeAffiliateRoutesMiddlewares: MiddlewareRoute[] = [
  {
    // The landing page takes no parameters: an unknown one is a 400 like on every other route.
    method: ["GET"],
    matcher: "/store/affiliates/:code",
    middlewares: [validateAndTransformQuery(NoQueryParams, {})],
  },
  {
    method: ["POST"],
    matcher: "/store/affiliates/:code/clicks",
    middlewares: [validateAndTransformBody(StoreRecordClick)],
  },
]
