// The plugin's vocabulary as value lists, shared by the module (models, domain rules), the
// API validators and the admin, so no part reaches into another for its words.

export const AFFILIATE_STATUSES = ["pending", "active", "suspended", "rejected"] as const
export type AffiliateStatus = (typeof AFFILIATE_STATUSES)[number]

export const COMMISSION_TYPES = ["percentage", "flat"] as const
export type CommissionType = (typeof COMMISSION_TYPES)[number]

/** `customer`: the store's refer-a-friend program, any customer joins with a personal code (at most one). */
export const PROGRAM_KINDS = ["affiliate", "customer"] as const
export type ProgramKind = (typeof PROGRAM_KINDS)[number]

/** How a program's payouts are paid: `manual` (bank, PayPal, ...) or as the loyalty plugin's store credit. */
export const PAYOUT_METHODS = ["manual", "store_credit"] as const
export type PayoutMethod = (typeof PAYOUT_METHODS)[number]

export const PROGRAM_RULE_TARGETS = ["product", "collection"] as const
export type ProgramRuleTarget = (typeof PROGRAM_RULE_TARGETS)[number]

export const LEDGER_ENTRY_TYPES = ["sale", "reversal", "clawback", "adjustment"] as const
export type LedgerEntryType = (typeof LEDGER_ENTRY_TYPES)[number]

export const LEDGER_ENTRY_STATUSES = ["pending", "available", "requested", "paid"] as const
export type LedgerEntryStatus = (typeof LEDGER_ENTRY_STATUSES)[number]

/** A held sale's review: `required` until an admin approves it or declines it. */
export const COMMISSION_REVIEW_STATUSES = ["required", "approved", "declined"] as const
export type CommissionReviewStatus = (typeof COMMISSION_REVIEW_STATUSES)[number]

export const PAYOUT_STATUSES = ["requested", "paid", "failed", "canceled"] as const
export type PayoutStatus = (typeof PAYOUT_STATUSES)[number]

export const ATTRIBUTION_SOURCES = ["link", "code", "manual"] as const
export type AttributionSource = (typeof ATTRIBUTION_SOURCES)[number]

/** Where the credited affiliate of an order came from (the receipt's `source`). */
export const ORDER_ATTRIBUTION_SOURCES = ["attribution", "code", "link", "manual"] as const
export type OrderAttributionSource = (typeof ORDER_ATTRIBUTION_SOURCES)[number]

export const ORDER_ATTRIBUTION_OUTCOMES = [
  "credited",
  "no_referral",
  "self_referral",
  "affiliate_inactive",
  "referral_expired",
  "not_first_order",
  "code_without_click",
] as const
export type OrderAttributionOutcome = (typeof ORDER_ATTRIBUTION_OUTCOMES)[number]
