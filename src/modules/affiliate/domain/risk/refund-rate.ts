import { MathBN } from "@medusajs/framework/utils"
import { RiskSignal } from "./signal"

export type RefundRateEvidence = {
  credited_orders_90_days: number
  refunded_orders_90_days: number
  /** Refunded share in percent, exact decimal; null without credited orders. */
  refund_rate_percent: string | null
  max_percent: number
  min_orders: number
}

/**
 * The affiliate's refund rate over 90 days: credited orders that were reversed in full or
 * in part, over credited orders. Fires above `max_percent` once there are `min_orders`
 * credited orders to judge by.
 */
export function refundRateSignal(input: {
  credited_orders_90_days: number
  refunded_orders_90_days: number
  max_percent: number
  min_orders: number
}): RiskSignal<RefundRateEvidence> {
  const rate =
    input.credited_orders_90_days > 0
      ? MathBN.div(MathBN.mult(input.refunded_orders_90_days, 100), input.credited_orders_90_days)
      : null
  const triggered = rate !== null && input.credited_orders_90_days >= input.min_orders && MathBN.gt(rate, input.max_percent)
  return {
    type: "refund_rate",
    triggered,
    evidence: { ...input, refund_rate_percent: rate ? rate.decimalPlaces(2).toFixed() : null },
  }
}
