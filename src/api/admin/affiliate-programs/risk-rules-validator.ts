import { z } from "@medusajs/framework/zod"
import { PROGRAM_TERM_LIMITS } from "../../../modules/affiliate/domain/program-terms"
import { CODE_BINDINGS, RISK_RULE_LIMITS, RISK_SIGNAL_TYPES } from "../../../modules/affiliate/domain/risk/rules"
import { currencyCode, decimal, fieldMessage, named, nestedStrictObject, oneOf } from "../../utils/validators"

/**
 * A number in [min, max] (whole when `int`), refused as `<field.path>: must be ...`:
 * refinements, because Medusa words a nested min or max by itself ("field 'a, b' too small").
 */
const bounded = (min: number, max: number, { int = true } = {}) =>
  z
    .number()
    .refine((n) => !int || Number.isInteger(n), named("must be a whole number"))
    .refine((n) => n >= min, named(`must be at least ${min}`))
    .refine((n) => n <= max, named(`must be at most ${max}`))

const holdDays = bounded(PROGRAM_TERM_LIMITS.days.min, PROGRAM_TERM_LIMITS.days.max)
const percent = bounded(0, 100, { int: false })
const orders = bounded(1, RISK_RULE_LIMITS.max_orders)

const NewAffiliateHold = nestedStrictObject({
  first_orders: orders.nullable().optional(),
  first_days: bounded(1, PROGRAM_TERM_LIMITS.days.max).nullable().optional(),
  hold_days: holdDays,
}).refine((hold) => hold.first_orders != null || hold.first_days != null, {
  path: ["first_orders"],
  ...named("give first_orders, first_days or both"),
})

/** At most one amount per currency, so which rule applied is never ambiguous. */
const OrderOverHolds = z
  .array(nestedStrictObject({ currency_code: currencyCode, amount: decimal(), hold_days: holdDays }))
  .max(RISK_RULE_LIMITS.max_order_over)
  .superRefine((holds, ctx) => {
    const seen = new Set<string>()
    holds.forEach((hold, i) => {
      if (seen.has(hold.currency_code)) {
        ctx.addIssue({
          code: "custom",
          path: [i, "currency_code"],
          message: fieldMessage(["risk_rules", "holds", "order_over", i, "currency_code"], `${hold.currency_code} has a rule already`),
        })
      }
      seen.add(hold.currency_code)
    })
  })

/**
 * A program's fraud rules (domain/risk/rules.ts). Every part is optional: what is left out
 * takes its default, and `null` puts every rule back to its default.
 */
export const AdminRiskRules = nestedStrictObject({
  review_on: z
    .array(oneOf(RISK_SIGNAL_TYPES))
    .max(RISK_SIGNAL_TYPES.length)
    .refine((types) => new Set(types).size === types.length, named("names a signal twice"))
    .optional(),
  email_same_domain: z.boolean().optional(),
  velocity: nestedStrictObject({
    /** Orders in the last hour over this many times the affiliate's 30-day hourly rate. */
    factor: bounded(1, RISK_RULE_LIMITS.max_factor, { int: false }).optional(),
    min_orders: orders.optional(),
  }).optional(),
  visitor_orders: nestedStrictObject({
    max_orders: orders.optional(),
    window_days: bounded(1, RISK_RULE_LIMITS.max_window_days).optional(),
  }).optional(),
  refund_rate: nestedStrictObject({ max_percent: percent.optional(), min_orders: orders.optional() }).optional(),
  code_binding: oneOf(CODE_BINDINGS).optional(),
  holds: nestedStrictObject({
    new_affiliate: NewAffiliateHold.nullable().optional(),
    refund_rate: nestedStrictObject({ over_percent: percent, hold_days: holdDays }).nullable().optional(),
    order_over: OrderOverHolds.optional(),
  }).optional(),
}).nullable()

export type AdminRiskRulesType = z.infer<typeof AdminRiskRules>
