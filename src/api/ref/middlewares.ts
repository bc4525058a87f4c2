import { MedusaNextFunction, MedusaRequest, MedusaResponse, MiddlewareRoute } from "@medusajs/framework/http"
import { MedusaError } from "@medusajs/framework/utils"
import { TrackingLinkParams } from "./validators"

/**
 * Reads the tracking link's own parameters and leaves the rest alone: Medusa's
 * validateAndTransformQuery refuses unknown keys, and a shared link comes back with tags
 * such as `utm_source` and `fbclid`.
 */
function readTrackingLinkQuery(req: MedusaRequest, _res: MedusaResponse, next: MedusaNextFunction) {
  const { to, sub_id } = req.query
  const parsed = TrackingLinkParams.safeParse({ to, sub_id })
  if (!parsed.success) {
    const [issue] = parsed.error.issues
    return next(new MedusaError(MedusaError.Types.INVALID_DATA, `${issue.path.join(".")}: ${issue.message}`))
  }
  req.validatedQuery = parsed.data
  next()
}

export const trackingLinkRoutesMiddlewares: MiddlewareRoute[] = [
  {
    method: ["GET"],
    matcher: "/ref/:code",
    middlewares: [readTrackingLinkQuery],
  },
]
