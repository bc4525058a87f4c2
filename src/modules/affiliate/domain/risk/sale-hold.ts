import { BigNumberInput } from "@medusajs/framework/types"
import { AppliedHold, RiskRules, riskHold } from "./rules"
import { refundRateSignal } from "./refund-rate"

/** An affiliate's record as the risk-based holds read it (the tracking repository's trackRecords). */
export type TrackRecord = {
  credited_orders: number
  credited_orders_90_days: number
  refunded_orders_90_days: number
}

/** Whether a program's holds need the affiliate's track record (else it is not read at all). */
export const holdsNeedTrackRecord = (rules: RiskRules) =>
  rules.holds.new_affiliate?.first_orders != null || rules.holds.refund_rate != null

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
