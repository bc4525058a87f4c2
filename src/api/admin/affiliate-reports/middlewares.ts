import { MiddlewareRoute } from "@medusajs/framework/http"

export const adminAffiliateReportRoutesMiddlewares: MiddlewareRoute[] = []
