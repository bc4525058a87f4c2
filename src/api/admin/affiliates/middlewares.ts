import { MiddlewareRoute, validateAndTransformBody, validateAndTransformQuery } from "@medusajs/framework/http"
import { listAffiliatesQueryConfig } from "./query-config"
import {
  AdminCreateAffiliate,
  AdminGetAffiliateParams,
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
    middlewares: [validateAndTransformQuery(AdminGetAffiliateParams, {})],
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
]
