import { MiddlewareRoute, validateAndTransformBody, validateAndTransformQuery } from "@medusajs/framework/http"
import { NoQueryParams } from "../../utils/validators"
import { listPayoutsQueryConfig } from "./query-config"
import {
  AdminListPayouts,
  AdminMarkPayoutFailed,
  AdminMarkPayoutPaid,
  AdminPreviewPayouts,
  AdminRequestPayouts,
} from "./validators"

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
    method: ["GET"],
    matcher: "/admin/affiliate-payouts/preview",
    middlewares: [validateAndTransformQuery(AdminPreviewPayouts, {})],
  },
  {
    method: ["GET"],
    matcher: "/admin/affiliate-payouts/:id",
    middlewares: [validateAndTransformQuery(NoQueryParams, {})],
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
