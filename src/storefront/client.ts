// The plugin's store and portal routes over the js-sdk's `client.fetch`: the storefront's
// publishable key, its customer's session or token and its error type (FetchError, with the
// HTTP status) come from the sdk the storefront already has.
import type Medusa from "@medusajs/js-sdk"
import type { ClientHeaders, FetchArgs } from "@medusajs/js-sdk"
import type {
  PortalApplyBody,
  PortalApplyResponse,
  PortalReferralCodeBody,
  PortalCommissionsQuery,
  PortalCommissionsResponse,
  PortalPayoutsQuery,
  PortalPayoutsResponse,
  PortalProfileQuery,
  PortalProfileResponse,
  PortalRequestPayoutBody,
  PortalRequestPayoutResponse,
  PortalStatementQuery,
  PortalStatementResponse,
  PortalStatsQuery,
  PortalStatsResponse,
  StoreAffiliateResponse,
  StoreAttachReferralBody,
  StoreAttachReferralResponse,
  StoreRecordClickBody,
  StoreRecordClickResponse,
} from "./types"

/** What the kit needs of a js-sdk instance (`new Medusa({ ... })`): its client. */
export type MedusaSdk = Pick<Medusa, "client">

const PORTAL = "/store/customers/me/affiliate"
const segment = (value: string) => encodeURIComponent(value)

/**
 * The plugin's storefront API. Every function takes the js-sdk's optional `headers` last,
 * as the sdk's own store functions do; a storefront server recording a click passes the
 * shopper's `x-forwarded-for` and `user-agent` there, or every visitor hash is its own.
 */
export function affiliateStorefront(sdk: MedusaSdk) {
  const fetch = <T>(path: string, init?: FetchArgs) => sdk.client.fetch<T>(path, init)
  return {
    /** An active affiliate's public facts for a landing page (404 for an unknown code). */
    retrieve: (code: string, headers?: ClientHeaders) =>
      fetch<StoreAffiliateResponse>(`/store/affiliates/${segment(code)}`, { headers }),

    /** Records a visit through the affiliate's link; the session's first click is kept. */
    recordClick: (code: string, body: StoreRecordClickBody = {}, headers?: ClientHeaders) =>
      fetch<StoreRecordClickResponse>(`/store/affiliates/${segment(code)}/clicks`, { method: "POST", body, headers }),

    /** Puts a referral (a code, or a recorded click) on the cart; the order carries it on. */
    attachToCart: (cartId: string, body: StoreAttachReferralBody, headers?: ClientHeaders) =>
      fetch<StoreAttachReferralResponse>(`/store/carts/${segment(cartId)}/affiliate`, { method: "POST", body, headers }),

    /** The logged-in customer's own affiliate account. */
    portal: {
      apply: (body: PortalApplyBody = {}, headers?: ClientHeaders) =>
        fetch<PortalApplyResponse>(PORTAL, { method: "POST", body, headers }),

      /** The customer's personal refer-a-friend code (joins the store's customer referral program once). */
      referralCode: (body: PortalReferralCodeBody = {}, headers?: ClientHeaders) =>
        fetch<PortalApplyResponse>("/store/customers/me/referral-code", { method: "POST", body, headers }),

      retrieve: (query?: PortalProfileQuery, headers?: ClientHeaders) =>
        fetch<PortalProfileResponse>(PORTAL, { query, headers }),

      listCommissions: (query?: PortalCommissionsQuery, headers?: ClientHeaders) =>
        fetch<PortalCommissionsResponse>(`${PORTAL}/commissions`, { query, headers }),

      stats: (query?: PortalStatsQuery, headers?: ClientHeaders) =>
        fetch<PortalStatsResponse>(`${PORTAL}/stats`, { query, headers }),

      listPayouts: (query?: PortalPayoutsQuery, headers?: ClientHeaders) =>
        fetch<PortalPayoutsResponse>(`${PORTAL}/payouts`, { query, headers }),

      requestPayout: (body: PortalRequestPayoutBody, headers?: ClientHeaders) =>
        fetch<PortalRequestPayoutResponse>(`${PORTAL}/payouts`, { method: "POST", body, headers }),

      statement: (query: PortalStatementQuery, headers?: ClientHeaders) =>
        fetch<PortalStatementResponse>(`${PORTAL}/statement`, { query, headers }),

      /**
       * The statement as the CSV file the route sends. The sdk parses a response as JSON only
       * when it asked for JSON, so this asks for text/csv and reads the raw response.
       */
      statementCsv: async (query: PortalStatementQuery, headers?: ClientHeaders): Promise<string> => {
        const response = await fetch<Response>(`${PORTAL}/statement`, {
          query: { ...query, format: "csv" },
          headers: { accept: "text/csv", ...headers },
        })
        return await response.text()
      },
    },
  }
}

export type AffiliateStorefront = ReturnType<typeof affiliateStorefront>
