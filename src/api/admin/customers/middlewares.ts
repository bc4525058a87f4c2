import { MiddlewareRoute } from "@medusajs/framework/http"

export const adminCustomerAffiliateRoutesMiddlewares: MiddlewareRoute[] = []
