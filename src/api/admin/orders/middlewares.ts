import { MiddlewareRoute } from "@medusajs/framework/http"

export const adminOrderAffiliateRoutesMiddlewares: MiddlewareRoute[] = []
