import { MiddlewareRoute, validateAndTransformBody, validateAndTransformQuery } from "@medusajs/framework/http"
import { StatementParams } from "../../utils/statement"
import { NoQueryParams } from "../../utils/validators"
import { listAffiliatesQueryConfig } from "./query-config"
import {
  AdminCreateAffiliate,
  AdminGetAffiliatesParams,
  AdminUpdateAffiliate,
  AdminUpdateAffiliatePromotions,
} from "./validators"

export const adminAffiliateRoutesMiddlewares: MiddlewareRoute[] = [
  {
    method: ["GET"],
    matcher: "/admin/affiliates",
    middlewares: [validateAndTransformQuery(AdminGetAffiliatesParams, listAffiliatesQueryConfig)],
  },
  {
    method: ["POST"],
    matcher: "/admin/affiliates",
    middlewares: [validateAndTransformBody(AdminCreateAffiliate)],
  },
  {
    method: ["GET", "DELETE"],
    matcher: "/admin/affiliates/:id",
    middlewares: [validateAndTransformQuery(NoQueryParams, {})],
  },
  {
    method: ["POST"],
    matcher: "/admin/affiliates/:id",
    middlewares: [validateAndTransformBody(AdminUpdateAffiliate)],
  },
  {
    method: ["POST"],
    matcher: "/admin/affiliates/:id/promotions",
    middlewares: [validateAndTransformBody(AdminUpdateAffiliatePromotions)],
  },
  {
    method: ["GET"],
    matcher: "/admin/affiliates/:id/statement",
    middlewares: [validateAndTransformQuery(StatementParams, {})],
  },
]
