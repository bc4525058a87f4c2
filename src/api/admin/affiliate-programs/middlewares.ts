import { MiddlewareRoute } from "@medusajs/framework/http"

export const adminAffiliateProgramRoutesMiddlewares: MiddlewareRoute[] = []
