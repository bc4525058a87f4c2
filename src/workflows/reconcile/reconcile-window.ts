/** The job cursor of the reconcile workflow: where its scan of placed orders stands. */
export const RECONCILE_CURSOR = "reconcile-orders"
/** Orders read per query. */
export const RECONCILE_PAGE = 200
/** First run: look back this far for orders never attributed. */
const FIRST_RUN_LOOKBACK_MS = 30 * 86_400_000
/** Rescan a little before the cursor: orders committed late by a slow transaction. */
const CURSOR_OVERLAP_MS = 60 * 60_000
/**
 * Orders placed this recently are left to their own `order.placed`: completing a cart writes
 * the order, then its links (promotions, cart) in later steps, so an order read mid-way
 * looks unreferred; the reconcile job racing a checkout wrote such orders a permanent
 * "no_referral" receipt (seen in the cluster test, 2 of 100). A lost event's redelivery
 * comes within about a minute.
 */
export const PLACED_SETTLE_MS = 10 * 60_000
/** Credited orders whose money state is compared with what commission last followed. */
const MONEY_WINDOW_MS = 180 * 86_400_000

/** Which placed orders (settled ones, placed in [placedSince, placedBefore)) a run started at `startedAt` checks for receipts, and which credited ones for money changes. */
export function reconcileWindow(
  startedAt: Date,
  cursor: Date | null
): { placedSince: Date; placedBefore: Date; creditedSince: Date } {
  const from = cursor ?? new Date(startedAt.getTime() - FIRST_RUN_LOOKBACK_MS)
  return {
    placedSince: new Date(from.getTime() - CURSOR_OVERLAP_MS),
    placedBefore: new Date(startedAt.getTime() - PLACED_SETTLE_MS),
    creditedSince: new Date(startedAt.getTime() - MONEY_WINDOW_MS),
  }
}
