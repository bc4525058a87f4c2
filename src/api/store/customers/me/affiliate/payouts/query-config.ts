/**
 * What an affiliate sees of their payouts: the contract's fields and why one failed, not
 * who asked for it or the admin's metadata.
 */
export const PORTAL_PAYOUT_FIELDS = [
  "id",
  "affiliate_id",
  "amount",
  "currency_code",
  "status",
  "method",
  "reference",
  "failure_reason",
  "created_at",
  "paid_at",
  "failed_at",
  "canceled_at",
]

/** `fields` picks among PORTAL_PAYOUT_FIELDS only: anything else is left out, as Medusa's store routes do. */
export const portalPayoutsQueryConfig = {
  defaults: PORTAL_PAYOUT_FIELDS,
  allowed: PORTAL_PAYOUT_FIELDS,
  isList: true,
}
