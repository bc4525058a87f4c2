import { MiddlewareRoute } from "@medusajs/framework/http"

export const adminAffiliateCommissionRoutesMiddlewares: MiddlewareRoute[] = []
