import type { AffiliateStatus, CommissionReviewStatus, LedgerEntryStatus, OrderAttributionOutcome, PayoutStatus } from "../../types/http"

export type BadgeColor = "green" | "red" | "blue" | "orange" | "grey" | "purple"

/** The colour of every status word the plugin shows, by vocabulary. */
export const STATUS_COLORS = {
  affiliate: {
    pending: "orange",
    active: "green",
    suspended: "red",
    rejected: "grey",
  } satisfies Record<AffiliateStatus, BadgeColor>,
  entry: {
    pending: "orange",
    available: "green",
    requested: "blue",
    paid: "grey",
  } satisfies Record<LedgerEntryStatus, BadgeColor>,
  payout: {
    requested: "blue",
    paid: "green",
    failed: "red",
    canceled: "grey",
  } satisfies Record<PayoutStatus, BadgeColor>,
  outcome: {
    credited: "green",
    no_referral: "grey",
    self_referral: "orange",
    affiliate_inactive: "orange",
    referral_expired: "grey",
    not_first_order: "grey",
    code_without_click: "orange",
  } satisfies Record<OrderAttributionOutcome, BadgeColor>,
  review: {
    required: "orange",
    approved: "green",
    declined: "red",
  } satisfies Record<CommissionReviewStatus, BadgeColor>,
} as const

export type StatusKind = keyof typeof STATUS_COLORS
