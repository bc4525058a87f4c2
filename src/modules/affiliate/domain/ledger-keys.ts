import { LedgerEntryType } from "../../../types/enums"

/**
 * The idempotency keys of the ledger, one per cause of an entry: whatever delivers a cause
 * twice (an event, a job, a retried request) computes the same key, and the ledger keeps one
 * entry per key.
 */
export const ledgerKeys = {
  /** The sale of an order: one per order, ever. */
  sale: (orderId: string) => `sale:${orderId}`,
  /** A correction following one money state of an order (its fingerprint). */
  correction: (type: Exclude<LedgerEntryType, "sale" | "adjustment">, orderId: string, fingerprint: string) =>
    `${type}:${orderId}:${fingerprint}`,
  /** The reversal an admin's decline of a held sale books: one per sale, however often declined. */
  reviewDecline: (saleId: string) => `review-decline:${saleId}`,
  /** A manual adjustment, keyed by the admin request's Idempotency-Key (or a fresh id). */
  adjustment: (requestKey: string) => `adjustment:${requestKey}`,
}
