import { BigNumberInput } from "@medusajs/framework/types"
import { MathBN } from "@medusajs/framework/utils"
import type { CodeBinding } from "./rule-words"
import { RiskSignal, RiskSignalType } from "./signal"
import { DAY_MS } from "../days"

// The lists are in ./rule-words (no dependencies), so the dashboard can import them.
export { CODE_BINDINGS, RISK_RULE_LIMITS, RISK_SIGNAL_TYPES, type CodeBinding } from "./rule-words"

/** A program's fraud rules: the signals' thresholds, what holds a sale for review, and longer holds by risk. */
export type RiskRules = {
  /** Signals that hold a credited sale for an admin's review. Every signal is recorded either way. */
  review_on: RiskSignalType[]
  /** email_alias also fires for a buyer on the affiliate's own custom (not webmail) domain. */
  email_same_domain: boolean
  velocity: { factor: number; min_orders: number }
  visitor_orders: { max_orders: number; window_days: number }
  refund_rate: { max_percent: number; min_orders: number }
  /**
   * Coupon-leak binding: under `no_credit` an affiliate's code credits them only with their
   * click on the cart or a customer already theirs (else the outcome is code_without_click);
   * under `review` such an order is credited and held for review.
   */
  code_binding: CodeBinding
  /** Longer holds; the longest that applies wins, never shorter than the program's hold_days. */
  holds: {
    /** An affiliate's first `first_orders` credited orders, or orders within `first_days` of joining. */
    new_affiliate: { first_orders?: number | null; first_days?: number | null; hold_days: number } | null
    /** An affiliate whose 90-day refund rate is over `over_percent`. */
    refund_rate: { over_percent: number; hold_days: number } | null
    /** An order over `amount` in `currency_code`. */
    order_over: { currency_code: string; amount: string; hold_days: number }[]
  }
}

export const DEFAULT_RISK_RULES: RiskRules = {
  review_on: [],
  email_same_domain: false,
  velocity: { factor: 10, min_orders: 5 },
  visitor_orders: { max_orders: 3, window_days: 30 },
  refund_rate: { max_percent: 30, min_orders: 10 },
  code_binding: "off",
  holds: { new_affiliate: null, refund_rate: null, order_over: [] },
}

/** What a program stores: any part of the rules, each nested group in part too. */
export type RiskRulesInput = Partial<
  Omit<RiskRules, "velocity" | "visitor_orders" | "refund_rate" | "holds"> & {
    velocity: Partial<RiskRules["velocity"]>
    visitor_orders: Partial<RiskRules["visitor_orders"]>
    refund_rate: Partial<RiskRules["refund_rate"]>
    holds: Partial<RiskRules["holds"]>
  }
>

/** The program's rules over the defaults: a program stores only what it changed. */
export function riskRulesOf(stored: RiskRulesInput | null | undefined): RiskRules {
  const s = stored ?? {}
  return {
    ...DEFAULT_RISK_RULES,
    ...s,
    velocity: { ...DEFAULT_RISK_RULES.velocity, ...s.velocity },
    visitor_orders: { ...DEFAULT_RISK_RULES.visitor_orders, ...s.visitor_orders },
    refund_rate: { ...DEFAULT_RISK_RULES.refund_rate, ...s.refund_rate },
    holds: { ...DEFAULT_RISK_RULES.holds, ...s.holds },
  }
}

/** Whether the signals hold the sale for review, and which of them do. */
export function reviewDecision(signals: RiskSignal[], rules: RiskRules): { review: boolean; because: RiskSignalType[] } {
  const because = signals.filter((s) => s.triggered && rules.review_on.includes(s.type)).map((s) => s.type)
  if (rules.code_binding === "review" && signals.some((s) => s.type === "code_without_click" && s.triggered)) {
    because.push("code_without_click")
  }
  const unique = [...new Set(because)]
  return { review: unique.length > 0, because: unique }
}

export type AppliedHold = {
  hold_days: number
  /** Why: the program's own hold, or the risk rules that lengthened it. */
  reasons: { rule: "program" | "new_affiliate" | "refund_rate" | "order_over"; hold_days: number }[]
}


/**
 * The hold a sale gets: the program's hold_days, lengthened by every risk rule that
 * applies (the longest wins). All rules that applied are named, so the entry and the
 * receipt can say why.
 */
export function riskHold(
  input: {
    program_hold_days: number
    placed_at: Date
    affiliate: { created_at: Date; prior_credited_orders: number; refund_rate_percent: BigNumberInput | null }
    order: { currency_code: string; total: BigNumberInput }
  },
  rules: RiskRules
): AppliedHold {
  const reasons: AppliedHold["reasons"] = [{ rule: "program", hold_days: input.program_hold_days }]
  const newAffiliate = rules.holds.new_affiliate
  if (newAffiliate) {
    const byOrders = newAffiliate.first_orders != null && input.affiliate.prior_credited_orders < newAffiliate.first_orders
    const byDays =
      newAffiliate.first_days != null && input.placed_at.getTime() - input.affiliate.created_at.getTime() < newAffiliate.first_days * DAY_MS
    if (byOrders || byDays) {
      reasons.push({ rule: "new_affiliate", hold_days: newAffiliate.hold_days })
    }
  }
  const refundRate = rules.holds.refund_rate
  if (refundRate && input.affiliate.refund_rate_percent != null && MathBN.gt(input.affiliate.refund_rate_percent, refundRate.over_percent)) {
    reasons.push({ rule: "refund_rate", hold_days: refundRate.hold_days })
  }
  for (const over of rules.holds.order_over) {
    if (over.currency_code.toLowerCase() === input.order.currency_code.toLowerCase() && MathBN.gt(input.order.total, over.amount)) {
      reasons.push({ rule: "order_over", hold_days: over.hold_days })
    }
  }
  return { hold_days: Math.max(...reasons.map((r) => r.hold_days)), reasons }
}
