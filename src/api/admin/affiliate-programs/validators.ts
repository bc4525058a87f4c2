import { PROGRAM_TERM_LIMITS } from "../../../modules/affiliate/domain/program-terms"
import { z } from "@medusajs/framework/zod"
import { COMMISSION_TYPES, PAYOUT_METHODS, PROGRAM_KINDS, PROGRAM_RULE_TARGETS } from "../../../types/enums"
import { AdminRiskRules } from "./risk-rules-validator"
import { decimal, fieldMessage, listParams, named, nestedStrictObject, oneOf, recordId, searchText } from "../../utils/validators"

/** Whole days, bounded to keep dates in range. */
const days = z.number().int().min(PROGRAM_TERM_LIMITS.days.min).max(PROGRAM_TERM_LIMITS.days.max)

const AdminProgramRule = nestedStrictObject({
  target_type: oneOf(PROGRAM_RULE_TARGETS),
  target_id: recordId,
  /** Null = the program's own commission type. */
  commission_type: oneOf(COMMISSION_TYPES).nullable().optional(),
  commission_value: decimal().nullable().optional(),
  excluded: z.boolean().optional(),
}).refine((rule) => rule.excluded || rule.commission_value != null, {
  path: ["commission_value"],
  ...named("is required unless the rule excludes its target"),
})

/** A set of rules, each target at most once. */
const AdminProgramRules = z
  .array(AdminProgramRule)
  .max(500)
  .superRefine((rules, ctx) => {
    const seen = new Set<string>()
    rules.forEach((rule, i) => {
      const key = `${rule.target_type}:${rule.target_id}`
      if (seen.has(key)) {
        ctx.addIssue({
          code: "custom",
          path: [i, "target_id"],
          message: fieldMessage(["rules", i, "target_id"], `${rule.target_type} ${rule.target_id} has a rule already`),
        })
      }
      seen.add(key)
    })
  })

const programFields = {
  name: z.string().trim().min(1).max(255),
  commission_type: oneOf(COMMISSION_TYPES),
  /** Percent (10 = 10 %) or, for `flat`, an amount per order; a percentage is checked against 100 with the type. */
  commission_value: decimal(),
  hold_days: days,
  cookie_days: days,
  /** Months an attribution lasts; null = forever. */
  trailing_months: z
    .number()
    .int()
    .min(PROGRAM_TERM_LIMITS.trailing_months.min)
    .max(PROGRAM_TERM_LIMITS.trailing_months.max)
    .nullable(),
  first_order_only: z.boolean(),
  min_payout_amount: decimal(),
  auto_approve: z.boolean(),
  /** `customer`: the store's refer-a-friend program (at most one). */
  kind: oneOf(PROGRAM_KINDS),
  /** `store_credit` needs @medusajs/loyalty-plugin (checked in validateProgramInputStep). */
  payout_method: oneOf(PAYOUT_METHODS),
  /** The promotion the program's referrals apply to a visitor's cart; null = none. */
  link_promotion_id: recordId.nullable(),
  metadata: z.record(z.string(), z.unknown()).nullable(),
  rules: AdminProgramRules,
  /** Fraud rules: what is left out takes its default; null puts all back to the defaults. */
  risk_rules: AdminRiskRules,
}

/** Any program field; `rules` and `risk_rules`, when given, replace what the program had. */
export const AdminUpdateAffiliateProgram = z.strictObject(programFields).partial()
export type AdminUpdateAffiliateProgramType = z.infer<typeof AdminUpdateAffiliateProgram>

// A percentage above 100 is refused with the type, in validateProgramInputStep (on update
// the type and the value may come from different requests).
export const AdminCreateAffiliateProgram = AdminUpdateAffiliateProgram.extend({
  name: programFields.name,
  commission_type: programFields.commission_type.default("percentage"),
  commission_value: programFields.commission_value,
})
export type AdminCreateAffiliateProgramType = z.infer<typeof AdminCreateAffiliateProgram>

export const PROGRAM_ORDER_FIELDS = ["created_at", "updated_at", "name"] as const

export const AdminGetAffiliateProgramsParams = z.strictObject({
  ...listParams(PROGRAM_ORDER_FIELDS, "created_at"),
  q: searchText,
  is_default: oneOf(["true", "false"])
    .transform((v) => v === "true")
    .optional(),
})
