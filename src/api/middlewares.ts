import { defineMiddlewares } from "@medusajs/framework/http"
import { adminAffiliateCommissionRoutesMiddlewares } from "./admin/affiliate-commissions/middlewares"
import { adminAffiliatePayoutRoutesMiddlewares } from "./admin/affiliate-payouts/middlewares"
import { adminAffiliateProgramRoutesMiddlewares } from "./admin/affiliate-programs/middlewares"
import { adminAffiliateReportRoutesMiddlewares } from "./admin/affiliate-reports/middlewares"
import { adminAffiliateRoutesMiddlewares } from "./admin/affiliates/middlewares"
import { adminCustomerAffiliateRoutesMiddlewares } from "./admin/customers/middlewares"
import { adminOrderAffiliateRoutesMiddlewares } from "./admin/orders/middlewares"
import { storeAffiliateRoutesMiddlewares } from "./store/affiliates/middlewares"
import { storeCartRoutesMiddlewares } from "./store/carts/middlewares"
import { storePortalRoutesMiddlewares } from "./store/customers/me/affiliate/middlewares"
import { storePortalPayoutRoutesMiddlewares } from "./store/customers/me/affiliate/payouts/middlewares"

export default defineMiddlewares({
  routes: [
    ...storeAffiliateRoutesMiddlewares,
    ...storeCartRoutesMiddlewares,
    ...storePortalRoutesMiddlewares,
    ...storePortalPayoutRoutesMiddlewares,
    ...adminAffiliateRoutesMiddlewares,
    ...adminAffiliateProgramRoutesMiddlewares,
    ...adminAffiliateCommissionRoutesMiddlewares,
    ...adminAffiliatePayoutRoutesMiddlewares,
    ...adminAffiliateReportRoutesMiddlewares,
    ...adminOrderAffiliateRoutesMiddlewares,
    ...adminCustomerAffiliateRoutesMiddlewares,
  ],
})
