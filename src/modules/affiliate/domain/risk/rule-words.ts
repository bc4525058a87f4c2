// The words and bounds of a program's fraud rules, without dependencies: the module, the
// admin API's validator and the dashboard's form import them alike.
import type { RiskSignalType } from "./signal"

export const RISK_SIGNAL_TYPES: readonly RiskSignalType[] = [
  "visitor_match",
  "contact_match",
  "email_alias",
  "code_without_click",
  "velocity",
  "visitor_orders",
  "refund_rate",
]

/** The bounds of the rules' numbers, shared by the admin validator and the dashboard's form. */
export const RISK_RULE_LIMITS = {
  max_orders: 100_000,
  max_factor: 1000,
  max_window_days: 365,
  max_order_over: 50,
} as const

/** What happens to an affiliate's promotion code used without that affiliate's traffic. */
export const CODE_BINDINGS = ["off", "no_credit", "review"] as const
export type CodeBinding = (typeof CODE_BINDINGS)[number]

