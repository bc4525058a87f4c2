import { MiddlewareRoute } from "@medusajs/framework/http"

export const storePortalRoutesMiddlewares: MiddlewareRoute[] = []
