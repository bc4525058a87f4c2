import { defineMiddlewares } from "@medusajs/framework/http"
import { storeAffiliateRoutesMiddlewares } from "./store/affiliates/middlewares"
import { storeCartRoutesMiddlewares } from "./store/carts/middlewares"

export default defineMiddlewares({
  routes: [...storeAffiliateRoutesMiddlewares, ...storeCartRoutesMiddlewares],
})
