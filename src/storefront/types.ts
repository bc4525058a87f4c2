// The store and portal routes' requests and responses (docs/API.md), as a storefront reads
// them. Type-only imports of dependency-free files: a storefront installs the plugin's
// package for this kit, never the framework.
import type {
  AffiliateStatus,
  CommissionType,
  LedgerEntryStatus,
  LedgerEntryType,
  PayoutMethod,
  PayoutStatus,
  ProgramKind,
} from "../types/enums"

export type { AffiliateStatus, CommissionType, LedgerEntryStatus, LedgerEntryType, PayoutMethod, PayoutStatus, ProgramKind }

export type ReportInterval = "day" | "week" | "month"

/** An amount per currency, in the currency's main unit (as Medusa's order totals). */
export type MoneyByCurrency = { currency_code: string; amount: number }[]

/** Medusa's list conventions: `order` is a column, `-` first for descending; `fields` picks. */
export type PortalListQuery = {
  limit?: number
  offset?: number
  order?: string
  fields?: string
}

export type PortalListResponse = { count: number; offset: number; limit: number }

// --- Public storefront routes ----------------------------------------------------------

/** `GET /store/affiliates/:code`: what a landing page may show; nothing private. */
export type StoreAffiliate = {
  code: string
  name: string
  promotion_codes: string[]
  /** The code the affiliate's referral applies to the cart by itself, if they have one. */
  link_discount_code: string | null
}
export type StoreAffiliateResponse = { affiliate: StoreAffiliate }

/** `POST /store/affiliates/:code/clicks` */
export type StoreRecordClickBody = {
  /** The shopper's session: one click per affiliate and session is recorded. */
  session_id?: string
  /** The affiliate's own campaign tag. */
  sub_id?: string
  landing_url?: string
  referrer?: string
}
export type StoreClick = { id: string; affiliate_code: string; created_at: string }
export type StoreRecordClickResponse = { click: StoreClick; deduplicated: boolean }

/** `POST /store/carts/:id/affiliate`: an affiliate code, or the id of a recorded click. */
export type StoreAttachReferralBody = { code: string } | { click_id: string }
export type StoreAttachReferralResponse = {
  cart: { id: string; metadata: (Record<string, unknown> & { affiliate_code?: string; affiliate_click_id?: string }) | null }
}

// --- Affiliate portal (the logged-in customer) -----------------------------------------

/** The public terms of the affiliate's program. */
export type PortalProgram = {
  id: string
  name: string
  commission_type: CommissionType
  /** A percent (10 = 10 %) or a flat amount per order, by commission_type. */
  commission_value: number
  hold_days: number
  cookie_days: number
  trailing_months: number | null
  first_order_only: boolean
  /** The least a payout may be, in each payout currency. */
  min_payout_amount: number
  /** `customer`: the store's refer-a-friend program. */
  kind: ProgramKind
  /** `store_credit`: payouts are paid as store credit on the customer's account. */
  payout_method: PayoutMethod
}

export type PortalAffiliate = {
  id: string
  code: string
  name: string
  email: string
  status: AffiliateStatus
  program_id: string
  customer_id: string | null
  /** The affiliate's own percent; null = the program's terms. */
  commission_rate: number | null
  payout_email: string | null
  metadata: Record<string, unknown> | null
  created_at: string
  updated_at: string
  program: PortalProgram
}

export type PortalBalance = {
  currency_code: string
  pending: number
  available: number
  requested: number
  paid: number
  /** The program's minimum payout, in this balance's currency: `available` must reach it. */
  min_payout_amount: number
}

/** `POST /store/customers/me/affiliate` */
export type PortalApplyBody = {
  code?: string
  name?: string
  payout_email?: string
  metadata?: Record<string, unknown>
}
export type PortalApplyResponse = { affiliate: PortalAffiliate }

/** `POST /store/customers/me/referral-code`: 201 the first time, 200 with the code they have after. */
export type PortalReferralCodeBody = { code?: string }

/** `GET /store/customers/me/affiliate`; `fields` narrows the affiliate (balances always come). */
export type PortalProfileQuery = { fields?: string }
export type PortalProfileResponse = { affiliate: PortalAffiliate; balances: PortalBalance[] }

export type PortalCommission = {
  id: string
  affiliate_id: string
  type: LedgerEntryType
  status: LedgerEntryStatus
  /** Signed: reversals and clawbacks are negative. */
  amount: number
  currency_code: string
  /** The percent applied; null for a flat or manual entry. */
  rate: number | null
  base_amount: number | null
  order_id: string | null
  available_at: string | null
  released_at: string | null
  requested_at: string | null
  paid_at: string | null
  payout_id: string | null
  reference: string | null
  note: string | null
  created_at: string
}

/** `GET /store/customers/me/affiliate/commissions` */
export type PortalCommissionsQuery = PortalListQuery & {
  status?: LedgerEntryStatus | LedgerEntryStatus[]
  type?: LedgerEntryType | LedgerEntryType[]
  currency_code?: string
}
export type PortalCommissionsResponse = PortalListResponse & { commissions: PortalCommission[] }

/** `GET /store/customers/me/affiliate/stats`: `from` and `to` are ISO dates. */
export type PortalStatsQuery = { from?: string; to?: string; interval?: ReportInterval }
export type PortalStatsTotals = { clicks: number; orders: number; revenue: MoneyByCurrency; commission: MoneyByCurrency }
export type PortalStatsPoint = PortalStatsTotals & { /** Start of the interval, ISO. */ date: string }
export type PortalStatsResponse = {
  stats: PortalStatsTotals
  series: PortalStatsPoint[]
  from: string
  to: string
  interval: ReportInterval
}

export type PortalPayout = {
  id: string
  affiliate_id: string
  amount: number
  currency_code: string
  status: PayoutStatus
  method: string | null
  reference: string | null
  failure_reason: string | null
  created_at: string
  paid_at: string | null
  failed_at: string | null
  canceled_at: string | null
}

/** `GET /store/customers/me/affiliate/payouts` */
export type PortalPayoutsQuery = PortalListQuery
export type PortalPayoutsResponse = PortalListResponse & { payouts: PortalPayout[] }

/** `POST /store/customers/me/affiliate/payouts`: everything available in one currency. */
export type PortalRequestPayoutBody = { currency_code: string }
export type PortalRequestPayoutResponse = { payout: PortalPayout }

/** `GET /store/customers/me/affiliate/statement`: one currency over [from, to). */
export type PortalStatementQuery = { currency_code: string; from?: string; to?: string }
export type PortalStatement = {
  currency_code: string
  from: string
  to: string
  /** opening + earned - reversed - clawed_back + adjustments - paid = closing */
  opening: number
  earned: number
  reversed: number
  clawed_back: number
  adjustments: number
  paid: number
  closing: number
  entries: PortalCommission[]
}
export type PortalStatementResponse = { statement: PortalStatement }
