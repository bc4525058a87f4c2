// The program's fraud rules as the dashboard edits them: which signals hold a sale for
// review, the code binding, and the longer holds for new affiliates and high refund rates.
// Thresholds and large-order holds the form does not show are sent back as they were.
import { z } from "zod"
import type { RiskRules } from "../../modules/affiliate/domain/risk/rules"
import { CODE_BINDINGS, RISK_RULE_LIMITS, RISK_SIGNAL_TYPES, type CodeBinding } from "../../modules/affiliate/domain/risk/rule-words"
import type { RiskSignalType } from "../../modules/affiliate/domain/risk/signal"
import { PROGRAM_TERM_LIMITS } from "../../modules/affiliate/domain/program-terms"

/** Each signal as a store owner reads it. */
export const SIGNAL_LABELS: Record<RiskSignalType, string> = {
  email_alias: "The buyer's email reaches the affiliate's mailbox",
  contact_match: "The shipping address or phone is the affiliate's",
  visitor_match: "The buyer's device is one the affiliate uses",
  code_without_click: "The affiliate's code was used without their link",
  visitor_orders: "Many orders from one device",
  velocity: "Far more orders in an hour than usual",
  refund_rate: "The affiliate's refund rate is high",
}

export const CODE_BINDING_LABELS: Record<CodeBinding, string> = {
  off: "Credit the code wherever it is used",
  no_credit: "Credit it only with the affiliate's own link (else nobody)",
  review: "Credit it, but hold orders without the affiliate's link for review",
}

const { days: DAYS } = PROGRAM_TERM_LIMITS
const whole = (value: string, max: number, min = 0) => /^\d+$/.test(value.trim()) && Number(value) >= min && Number(value) <= max
const optionalWhole = (max: number, message: string, min = 0) => z.string().refine((v) => !v.trim() || whole(v, max, min), message)
const DAYS_MESSAGE = `Enter a whole number of days from ${DAYS.min} to ${DAYS.max}`

export const riskRulesFormSchema = z
  .object({
    review_on: z.array(z.enum(RISK_SIGNAL_TYPES as [RiskSignalType, ...RiskSignalType[]])),
    code_binding: z.enum(CODE_BINDINGS),
    email_same_domain: z.boolean(),
    new_first_orders: optionalWhole(RISK_RULE_LIMITS.max_orders, `Enter a whole number of orders from 1 to ${RISK_RULE_LIMITS.max_orders}`, 1),
    new_first_days: optionalWhole(DAYS.max, `Enter a whole number of days from 1 to ${DAYS.max}`, 1),
    new_hold_days: optionalWhole(DAYS.max, DAYS_MESSAGE),
    refund_over_percent: z.string().refine((v) => !v.trim() || (Number.isFinite(Number(v)) && Number(v) >= 0 && Number(v) <= 100), "Enter a percent from 0 to 100"),
    refund_hold_days: optionalWhole(DAYS.max, DAYS_MESSAGE),
  })
  .refine((v) => !(v.new_first_orders.trim() || v.new_first_days.trim()) || v.new_hold_days.trim() !== "", {
    message: "Enter how long new affiliates' sales are held",
    path: ["new_hold_days"],
  })
  .refine((v) => !v.new_hold_days.trim() || v.new_first_orders.trim() !== "" || v.new_first_days.trim() !== "", {
    message: "Enter the first orders or the first days that count as new",
    path: ["new_first_orders"],
  })
  .refine((v) => !v.refund_over_percent.trim() === !v.refund_hold_days.trim(), {
    message: "Enter both the refund rate and the hold, or neither",
    path: ["refund_hold_days"],
  })

export type RiskRulesFormValues = z.infer<typeof riskRulesFormSchema>
export type RiskRulesFormField = keyof RiskRulesFormValues
export const RISK_RULES_FORM_FIELDS = Object.keys(riskRulesFormSchema.shape) as RiskRulesFormField[]

const text = (n: number | null | undefined) => (n == null ? "" : String(n))

export const riskRulesFormFrom = (rules: RiskRules): RiskRulesFormValues => ({
  review_on: [...rules.review_on],
  code_binding: rules.code_binding,
  email_same_domain: rules.email_same_domain,
  new_first_orders: text(rules.holds.new_affiliate?.first_orders),
  new_first_days: text(rules.holds.new_affiliate?.first_days),
  new_hold_days: text(rules.holds.new_affiliate?.hold_days),
  refund_over_percent: text(rules.holds.refund_rate?.over_percent),
  refund_hold_days: text(rules.holds.refund_rate?.hold_days),
})

const num = (value: string) => (value.trim() ? Number(value) : null)

/** The whole rules to send: the form's parts over what the program has (the API replaces them all). */
export const riskRulesPayload = (values: RiskRulesFormValues, current: RiskRules): RiskRules => ({
  ...current,
  review_on: RISK_SIGNAL_TYPES.filter((t) => values.review_on.includes(t)),
  code_binding: values.code_binding,
  email_same_domain: values.email_same_domain,
  holds: {
    ...current.holds,
    new_affiliate: values.new_hold_days.trim()
      ? { first_orders: num(values.new_first_orders), first_days: num(values.new_first_days), hold_days: Number(values.new_hold_days) }
      : null,
    refund_rate: values.refund_hold_days.trim()
      ? { over_percent: Number(values.refund_over_percent), hold_days: Number(values.refund_hold_days) }
      : null,
  },
})
