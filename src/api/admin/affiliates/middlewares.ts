import { MiddlewareRoute } from "@medusajs/framework/http"

export const adminAffiliateRoutesMiddlewares: MiddlewareRoute[] = []
