import { MathBN } from "@medusajs/framework/utils"
import { RiskSignal } from "./signal"

const HOURS_IN_30_DAYS = 30 * 24

export type VelocityEvidence = {
  orders_last_hour: number
  orders_30_days: number
  /** The affiliate's usual orders per hour over the 30 days, exact decimal. */
  hourly_rate_30_days: string
  factor: number
  min_orders: number
}

/**
 * Fires when one affiliate's credited orders in the last hour are at least `min_orders` and
 * more than `factor` times their hourly rate over the last 30 days: a burst far above what
 * their audience usually brings.
 */
export function velocitySignal(input: {
  orders_last_hour: number
  orders_30_days: number
  factor: number
  min_orders: number
}): RiskSignal<VelocityEvidence> {
  const rate = MathBN.div(input.orders_30_days, HOURS_IN_30_DAYS)
  const triggered =
    input.orders_last_hour >= input.min_orders && MathBN.gt(input.orders_last_hour, MathBN.mult(rate, input.factor))
  return {
    type: "velocity",
    triggered,
    evidence: { ...input, hourly_rate_30_days: rate.decimalPlaces(6).toFixed() },
  }
}
