import { BigNumberInput } from "@medusajs/framework/types"
import { AppliedHold, RiskRules, riskHold } from "./rules"
import { refundRateSignal } from "./refund-rate"

/**
 * An affiliate's record before an order (the tracking repository's trackRecords): what the
 * risk-based holds and the velocity and refund_rate signals judge by.
 */
export type TrackRecord = {
  credited_orders: number
  credited_orders_90_days: number
  refunded_orders_90_days: number
  credited_orders_30_days: number
  credited_orders_last_hour: number
}

/**
 * Whether a program's rules read the affiliate's record: holds by it, or review on velocity
 * or refund rate. Else it is not read at all, and those two signals are not evaluated (a
 * busy affiliate's 90 days of orders are the one costly read of attribution's risk checks).
 */
export const rulesNeedTrackRecord = (rules: RiskRules) =>
  rules.holds.new_affiliate?.first_orders != null ||
  rules.holds.refund_rate != null ||
  rules.review_on.includes("velocity") ||
  rules.review_on.includes("refund_rate")

/**
 * The hold of a credited sale: riskHold over the affiliate's record. The refund rate counts
 * only from the signal's `min_orders` credited orders in 90 days on, as the refund_rate
 * signal does: two refunds of three orders say little.
 */
export function saleHold(
  input: {
    program_hold_days: number
    placed_at: Date
    affiliate_created_at: Date
    track: TrackRecord | null
    order: { currency_code: string; total: BigNumberInput }
  },
  rules: RiskRules
): AppliedHold {
  const track = input.track ?? { credited_orders: 0, credited_orders_90_days: 0, refunded_orders_90_days: 0 }
  const rate = refundRateSignal({
    credited_orders_90_days: track.credited_orders_90_days,
    refunded_orders_90_days: track.refunded_orders_90_days,
    max_percent: rules.refund_rate.max_percent,
    min_orders: rules.refund_rate.min_orders,
  }).evidence
  return riskHold(
    {
      program_hold_days: input.program_hold_days,
      placed_at: input.placed_at,
      affiliate: {
        created_at: input.affiliate_created_at,
        prior_credited_orders: track.credited_orders,
        refund_rate_percent: track.credited_orders_90_days >= rules.refund_rate.min_orders ? rate.refund_rate_percent : null,
      },
      order: input.order,
    },
    rules
  )
}
