/**
 * Every event the plugin emits, by name. Store code subscribes with these
 * (`import { AffiliateEvents } from "medusa-affiliates/events"`); the README's event table
 * lists the same names (a unit test keeps the two equal).
 */
export const AffiliateEvents = {
  /** `{ id }`: an affiliate was created (by an admin or a portal application). */
  CREATED: "affiliate.created",
  /** `{ id, affiliate_id, from, to }`: an affiliate's status changed. */
  STATUS_CHANGED: "affiliate.status_changed",
  /** `{ id, affiliate_id }`: one per new ledger entry. */
  COMMISSION_CREATED: "affiliate_commission.created",
  /** `{ id, affiliate_id, count }`: one per affiliate per release run (`id` is the affiliate's). */
  COMMISSIONS_RELEASED: "affiliate_commission.released",
  /** `{ id, commission_id, affiliate_id, order_id, because }`: a sale was held for an admin's review (`id` is the review's). */
  COMMISSION_REVIEW_REQUIRED: "affiliate_commission.review_required",
  /** `{ id, commission_id, affiliate_id, order_id, reason }`: an admin approved a held sale. */
  COMMISSION_APPROVED: "affiliate_commission.approved",
  /** `{ id, commission_id, affiliate_id, order_id, reason, reversal_id }`: an admin declined a held sale; the reversal carries the reason. */
  COMMISSION_DECLINED: "affiliate_commission.declined",
  /** `{ id, affiliate_id }` */
  PAYOUT_REQUESTED: "affiliate_payout.requested",
  /** `{ id, affiliate_id }` */
  PAYOUT_PAID: "affiliate_payout.paid",
  /** `{ id, affiliate_id }` */
  PAYOUT_FAILED: "affiliate_payout.failed",
} as const

export type AffiliateEventName = (typeof AffiliateEvents)[keyof typeof AffiliateEvents]
