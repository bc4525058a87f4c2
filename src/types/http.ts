// The HTTP contract (docs/API.md) as clients read it: the admin dashboard's pages, and any
// storefront or script. The words come from ./enums, as the module's and the API's do.
import type {
  AffiliateStatus,
  AttributionSource,
  CommissionType,
  LedgerEntryStatus,
  LedgerEntryType,
  OrderAttributionOutcome,
  OrderAttributionSource,
  CommissionReviewStatus,
  PayoutMethod,
  PayoutStatus,
  ProgramKind,
  ProgramRuleTarget,
} from "./enums"
import type { AppliedHold, RiskRules } from "../modules/affiliate/domain/risk/rules"
import type { RiskSignal } from "../modules/affiliate/domain/risk/signal"
import type { PromotionCodeLeak } from "../modules/affiliate/types/service"

export type {
  AffiliateStatus,
  AttributionSource,
  CommissionType,
  LedgerEntryStatus,
  LedgerEntryType,
  OrderAttributionOutcome,
  OrderAttributionSource,
  CommissionReviewStatus,
  PayoutMethod,
  PayoutStatus,
  ProgramKind,
  ProgramRuleTarget,
  RiskSignal,
  PromotionCodeLeak,
}

/** Money as the API sends it: a number in the currency's main unit (a decimal string is tolerated). */
export type MoneyValue = number | string

export type MoneyByCurrency = { currency_code: string; amount: MoneyValue }[]

export type ListParams = {
  limit?: number
  offset?: number
  order?: string
  q?: string
  fields?: string
}

export type ListResponse = { count: number; offset: number; limit: number }

export type LinkedPromotion = {
  id: string
  code: string
  status?: string | null
  is_automatic?: boolean
}

export type AffiliateProgramRule = {
  id?: string
  target_type: ProgramRuleTarget
  target_id: string
  /** null = the program's own commission type. */
  commission_type: CommissionType | null
  commission_value: MoneyValue | null
  excluded: boolean
}

export type AffiliateProgram = {
  id: string
  name: string
  is_default: boolean
  commission_type: CommissionType
  commission_value: MoneyValue
  hold_days: number
  cookie_days: number
  /** null = the attribution lasts forever. */
  trailing_months: number | null
  first_order_only: boolean
  min_payout_amount: MoneyValue
  auto_approve: boolean
  /** `customer`: the store's refer-a-friend program (at most one). */
  kind: ProgramKind
  /** `store_credit`: payouts are credited to the affiliate's customer account (loyalty plugin). */
  payout_method: PayoutMethod
  /** The promotion the program's referrals apply to a visitor's cart (a code of no affiliate). */
  link_promotion_id: string | null
  /** The fraud rules in full, the defaults filled in. */
  risk_rules: RiskRules
  rules?: AffiliateProgramRule[]
  created_at: string
  updated_at?: string
}

export type Affiliate = {
  id: string
  code: string
  name: string
  email: string
  status: AffiliateStatus
  program_id: string | null
  program?: Pick<AffiliateProgram, "id" | "name"> | null
  /** Percent override of the program's rate; null = the program's terms. */
  commission_rate: MoneyValue | null
  customer_id: string | null
  payout_email?: string | null
  /** The promotion the affiliate's referral applies to a cart by itself (the link discount). */
  link_promotion_id?: string | null
  metadata?: Record<string, unknown> | null
  promotions?: LinkedPromotion[]
  created_at: string
  updated_at?: string
}

/** The parts of an affiliate a row or a link needs; nested objects may carry only these. */
export type AffiliateSummary = Pick<Affiliate, "id" | "code" | "name"> &
  Partial<Pick<Affiliate, "status" | "email">>

export type AffiliateBalance = {
  currency_code: string
  pending: MoneyValue
  available: MoneyValue
  requested: MoneyValue
  paid: MoneyValue
}

export type AffiliateCommission = {
  id: string
  affiliate_id: string
  type: LedgerEntryType
  status: LedgerEntryStatus
  amount: MoneyValue
  currency_code: string
  /** The percent applied (10 = 10 %); null for a flat or manual entry. */
  rate: MoneyValue | null
  base_amount: MoneyValue | null
  order_id: string | null
  available_at: string | null
  /** A sale's hold and why (on the order's affiliate route). */
  hold?: AppliedHold | null
  payout_id: string | null
  note?: string | null
  reference?: string | null
  created_at: string
}

export type AffiliatePayout = {
  id: string
  affiliate_id: string
  affiliate?: AffiliateSummary | null
  amount: MoneyValue
  currency_code: string
  status: PayoutStatus
  reference: string | null
  failure_reason?: string | null
  method?: string | null
  created_at: string
  paid_at: string | null
  failed_at?: string | null
}

/** A payout with the ledger entries it pays (`GET /admin/affiliate-payouts/:id`). */
export type AffiliatePayoutDetail = AffiliatePayout & {
  requested_by?: string | null
  canceled_at?: string | null
  entries: AffiliateCommission[]
}

/** Who a payout batch in one currency would pay now (`GET /admin/affiliate-payouts/preview`). */
export type PayoutPreview = {
  currency_code: string
  count: number
  total: MoneyValue
  affiliates: { affiliate_id: string; code: string; name: string; amount: MoneyValue; entries: number }[]
}

export type AffiliateStatement = {
  currency_code: string
  from: string
  to: string
  opening: MoneyValue
  earned: MoneyValue
  reversed: MoneyValue
  clawed_back: MoneyValue
  adjustments: MoneyValue
  paid: MoneyValue
  closing: MoneyValue
  entries?: AffiliateCommission[]
}

export type ReportInterval = "day" | "week" | "month"

export type ReportPoint = {
  /** Start of the interval, ISO. */
  date: string
  clicks: number
  orders: number
  revenue: MoneyByCurrency
  commission: MoneyByCurrency
}

export type ActivityReport = {
  totals: Omit<ReportPoint, "date">
  series: ReportPoint[]
  top_affiliates?: {
    affiliate_id: string
    code: string
    name: string
    orders: number
    commission: MoneyByCurrency
  }[]
}

export type AttributionCandidate = {
  source: OrderAttributionSource
  affiliate_id: string | null
  code: string | null
  reference: string | null
  /** A link's discount code, applied automatically with the referral. */
  promotion_code?: string | null
  won: boolean
  reason: string
}

/** The receipt: which affiliate an order credited, and why. */
export type OrderAttribution = {
  id: string
  order_id: string
  affiliate_id: string | null
  affiliate?: AffiliateSummary | null
  outcome: OrderAttributionOutcome
  source: OrderAttributionSource | null
  reason: string | null
  candidates: AttributionCandidate[]
  /** A credited order's fraud review: its signals with their evidence, the hold its sale got and why, and what held it for review. */
  risk?: { signals?: RiskSignal[]; hold: AppliedHold; review?: { because: string[] } | null } | null
  /** The review its sale was held for, with the decision once made. */
  review?: { id: string; status: CommissionReviewStatus; because: string[]; reason: string | null; decided_at: string | null } | null
  created_at?: string
}

/** The binding of a customer to an affiliate. */
export type CustomerAttribution = {
  id: string
  customer_id: string
  affiliate_id: string
  affiliate?: AffiliateSummary | null
  source: AttributionSource
  click_id?: string | null
  promotion_code?: string | null
  order_id?: string | null
  expires_at: string | null
  created_at: string
}

/** A sale held for review: the decision, the held sale, its affiliate and the receipt's signals. */
export type AffiliateCommissionReview = {
  id: string
  status: CommissionReviewStatus
  order_id: string
  /** The signals that held it. */
  because: string[]
  reason: string | null
  decided_by: string | null
  decided_at: string | null
  reversal_id: string | null
  created_at: string
  commission: { id: string; amount: MoneyValue; currency_code: string; status: LedgerEntryStatus; available_at: string | null; hold?: AppliedHold | null }
  affiliate: AffiliateSummary
  order_attribution: { id: string; source: OrderAttributionSource | null; risk: OrderAttribution["risk"] }
}
