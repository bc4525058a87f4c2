import { InferTypeOf } from "@medusajs/framework/types"
import { NewLedgerEntry } from "../domain/ledger-entry"
import { ReportPoint, TopAffiliate } from "../domain/report-series"
import { StatementFigures } from "../domain/statement"
import {
  Affiliate,
  AffiliateAttribution,
  AffiliateCommission,
  AffiliatePayout,
  AffiliateProgram,
} from "../models"
import { AttributionInput, ReceiptInput } from "../repositories/tracking"

// What the module service takes and returns, beside the generated CRUD.

export type AffiliateDTO = InferTypeOf<typeof Affiliate>
export type AffiliateCommissionDTO = InferTypeOf<typeof AffiliateCommission>
export type AffiliateProgramDTO = InferTypeOf<typeof AffiliateProgram>
export type AffiliatePayoutDTO = InferTypeOf<typeof AffiliatePayout>
export type AffiliateAttributionDTO = InferTypeOf<typeof AffiliateAttribution>

/** Fields a caller may set when creating or updating an affiliate. */
export type AffiliateInput = Partial<
  Pick<AffiliateDTO, "code" | "name" | "email" | "status" | "customer_id" | "payout_email" | "payout_details" | "metadata">
> & {
  id?: string
  program_id?: string
  commission_rate?: number | string | null
}

export type AppendedLedgerEntry = {
  entry: AffiliateCommissionDTO
  /** false when an entry with the same idempotency key already existed. */
  created: boolean
}

export type LedgerStatement = StatementFigures & {
  affiliate_id: string
  currency_code: string
  from: Date
  to: Date
  entries: AffiliateCommissionDTO[]
}

export type RecordedClick = {
  click: { id: string; affiliate_id: string; affiliate_code: string; created_at: Date }
  /** true when this session had clicked this affiliate's link before: the first click is returned. */
  deduplicated: boolean
}

export type OrderAttributionRecord = {
  receipt: ReceiptInput
  /** Bind the customer to the affiliate, retiring an expired attribution first. */
  attribution?: (AttributionInput & { order_id: string; replaces_id: string | null }) | null
  sale?: NewLedgerEntry | null
  /** Hold the sale for an admin's review, naming the signals that call for it. */
  review?: { because: string[] } | null
}

export type ReviewDecisionInput = {
  ids: string[]
  decision: "approve" | "decline"
  reason?: string | null
  decided_by?: string | null
  now?: Date
}

export type DecidedReview = {
  id: string
  status: "approved" | "declined"
  commission_id: string
  affiliate_id: string
  order_id: string
  /** The reversal a decline booked; null on approval, or when refunds had reversed it all already. */
  reversal_id: string | null
}

export type ReviewDecisionResult = {
  reviews: DecidedReview[]
  /** Entries released at once per affiliate (those whose hold had ended). */
  released: { affiliate_id: string; count: number }[]
  entries: AppendedLedgerEntry[]
}

export type ReleaseResult = {
  released: number
  batches: number
  /** Entries released per affiliate, for the `affiliate_commission.released` events. */
  by_affiliate: { affiliate_id: string; count: number }[]
}

export type ActivityReport = {
  totals: Omit<ReportPoint, "date">
  series: ReportPoint[]
  /** Program-wide reports only: the affiliates that earned the most in the range. */
  top_affiliates?: TopAffiliate[]
}

/** One affiliate promotion code in the coupon-leak report. */
export type PromotionCodeLeak = {
  code: string
  affiliate_id: string
  /** Orders that carried the code, credited or not. */
  orders: number
  /** Of those, placed without the affiliate's referral on the cart. */
  orders_without_click: number
  /** orders_without_click / orders in percent, two decimals ("62.5"); "0" without orders. */
  share_without_click: string
  /** Distinct visitor hashes (devices) among the orders that had one. */
  visitors: number
}
