import { MiddlewareRoute, validateAndTransformBody, validateAndTransformQuery } from "@medusajs/framework/http"
import { listPayoutsQueryConfig } from "./query-config"
import { AdminListPayouts, AdminMarkPayoutFailed, AdminMarkPayoutPaid, AdminRequestPayouts } from "./validators"

export const adminAffiliatePayoutRoutesMiddlewares: MiddlewareRoute[] = [
  {
    method: ["GET"],
    matcher: "/admin/affiliate-payouts",
    middlewares: [validateAndTransformQuery(AdminListPayouts, listPayoutsQueryConfig)],
  },
  {
    method: ["POST"],
    matcher: "/admin/affiliate-payouts",
    middlewares: [validateAndTransformBody(AdminRequestPayouts)],
  },
  {
    method: ["POST"],
    matcher: "/admin/affiliate-payouts/:id/paid",
    middlewares: [validateAndTransformBody(AdminMarkPayoutPaid)],
  },
  {
    method: ["POST"],
    matcher: "/admin/affiliate-payouts/:id/failed",
    middlewares: [validateAndTransformBody(AdminMarkPayoutFailed)],
  },
]
