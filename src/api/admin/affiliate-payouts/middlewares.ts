import { MiddlewareRoute } from "@medusajs/framework/http"

export const adminAffiliatePayoutRoutesMiddlewares: MiddlewareRoute[] = []
