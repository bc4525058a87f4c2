/**
 * A risk signal on a credited order: whether it fired, and the evidence that explains it,
 * written on the order's receipt beside the attribution's candidates. Which signals hold an
 * order for review is the program's configuration, not the signal's.
 */
export type RiskSignalType =
  | "visitor_match"
  | "contact_match"
  | "email_alias"
  | "code_without_click"
  | "velocity"
  | "visitor_orders"
  | "refund_rate"

export type RiskSignal<E extends Record<string, unknown> = Record<string, unknown>> = {
  type: RiskSignalType
  triggered: boolean
  evidence: E
}
