/** The job cursor of the reconcile workflow: where its scan of placed orders stands. */
export const RECONCILE_CURSOR = "reconcile-orders"
/** Where its scan of money changes (cancels, refunds, returns, edits, claims, exchanges) stands. */
export const RECONCILE_MONEY_CURSOR = "reconcile-order-money"
/** Orders read per query. */
export const RECONCILE_PAGE = 200
/** First run: look back this far for orders never attributed. */
const FIRST_RUN_LOOKBACK_MS = 30 * 86_400_000
/**
 * Rescan a little before the cursor: rows committed late by a slow transaction, and stamps
 * written by a server whose clock runs behind.
 */
const CURSOR_OVERLAP_MS = 15 * 60_000
/**
 * Orders placed this recently are left to their own `order.placed`: completing a cart writes
 * the order, then its links (promotions, cart) in later steps, so an order read mid-way
 * looks unreferred; the reconcile job racing a checkout wrote such orders a permanent
 * "no_referral" receipt (seen in the cluster test, 2 of 100). A lost event's redelivery
 * comes within about a minute.
 */
export const PLACED_SETTLE_MS = 10 * 60_000
const since = (startedAt: Date, cursor: Date | null) =>
  new Date((cursor ?? new Date(startedAt.getTime() - FIRST_RUN_LOOKBACK_MS)).getTime() - CURSOR_OVERLAP_MS)

/** Which placed orders (settled ones, placed in [placedSince, placedBefore)) a run started at `startedAt` checks for receipts. */
export function reconcileWindow(startedAt: Date, cursor: Date | null): { placedSince: Date; placedBefore: Date } {
  return {
    placedSince: since(startedAt, cursor),
    placedBefore: new Date(startedAt.getTime() - PLACED_SETTLE_MS),
  }
}

/**
 * Which money changes (stamped in [changedSince, changedBefore)) a run started at
 * `startedAt` follows: those since its cursor, so its cost is the orders that changed.
 */
export function moneyChangeWindow(startedAt: Date, cursor: Date | null): { changedSince: Date; changedBefore: Date } {
  return { changedSince: since(startedAt, cursor), changedBefore: startedAt }
}
