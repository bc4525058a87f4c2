import { MiddlewareRoute } from "@medusajs/framework/http"

export const storePortalPayoutRoutesMiddlewares: MiddlewareRoute[] = []
