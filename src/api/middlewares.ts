import { defineMiddlewares } from "@medusajs/framework/http"
import { adminAffiliateCommissionReviewRoutesMiddlewares } from "./admin/affiliate-commission-reviews/middlewares"
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
import { trackingLinkRoutesMiddlewares } from "./ref/middlewares"
import { storeReferralCodeRoutesMiddlewares } from "./store/customers/me/referral-code/middlewares"
import { refuseNulCharacters } from "./utils/refuse-nul-characters"
import { refusePrototypeQueryKeys } from "./utils/refuse-prototype-keys"

/**
 * Every route of the plugin, for what applies to all of them: the wildcards cover bodies and
 * queries, and each route with a path parameter is listed so that the parameter has its name
 * (docs/API.md's test keeps this list complete).
 */
export const PLUGIN_ROUTE_MATCHERS = [
  "/store/affiliates*",
  "/store/customers/me/affiliate*",
  "/store/customers/me/referral-code",
  "/admin/affiliate*",
  "/store/affiliates/:code",
  "/store/affiliates/:code/clicks",
  "/store/carts/:id/affiliate",
  "/admin/affiliates/:id",
  "/admin/affiliates/:id/promotions",
  "/admin/affiliates/:id/statement",
  "/admin/affiliate-programs/:id",
  "/admin/affiliate-payouts/:id",
  "/admin/affiliate-payouts/:id/paid",
  "/admin/affiliate-payouts/:id/failed",
  "/admin/customers/:id/affiliate",
  "/admin/orders/:id/affiliate",
  "/ref/:code",
]

export default defineMiddlewares({
  routes: [
    // First, so no validator or query sees such a value (or misses a parameter the query
    // parser dropped).
    ...PLUGIN_ROUTE_MATCHERS.map((matcher) => ({ matcher, middlewares: [refuseNulCharacters, refusePrototypeQueryKeys] })),
    ...storeAffiliateRoutesMiddlewares,
    ...trackingLinkRoutesMiddlewares,
    ...storeCartRoutesMiddlewares,
    ...storePortalRoutesMiddlewares,
    ...storePortalPayoutRoutesMiddlewares,
    ...storeReferralCodeRoutesMiddlewares,
    ...adminAffiliateRoutesMiddlewares,
    ...adminAffiliateProgramRoutesMiddlewares,
    ...adminAffiliateCommissionRoutesMiddlewares,
    ...adminAffiliateCommissionReviewRoutesMiddlewares,
    ...adminAffiliatePayoutRoutesMiddlewares,
    ...adminAffiliateReportRoutesMiddlewares,
    ...adminOrderAffiliateRoutesMiddlewares,
    ...adminCustomerAffiliateRoutesMiddlewares,
  ],
})
