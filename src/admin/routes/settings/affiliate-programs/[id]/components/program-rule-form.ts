// A program rule's form: its values, the checks before sending, and the rule it sends.
import { z } from "zod"
import { COMMISSION_TYPES, PROGRAM_RULE_TARGETS } from "../../../../../../types/enums"
import type { ProgramRulePayload } from "../../../../../lib/hooks/programs"
import type { AffiliateProgram, AffiliateProgramRule } from "../../../../../../types/http"

export const programRuleSchema = z
  .object({
    target_type: z.enum(PROGRAM_RULE_TARGETS),
    /** The product or collection chosen, with its title. */
    target_id: z.object({ id: z.string(), label: z.string() }).nullable(),
    treatment: z.enum(["rate", "excluded"]),
    commission_type: z.enum(COMMISSION_TYPES),
    commission_value: z.string(),
  })
  .superRefine((v, ctx) => {
    if (!v.target_id) {
      ctx.addIssue({ code: "custom", path: ["target_id"], message: `Choose a ${v.target_type}` })
    }
    if (v.treatment !== "rate") {
      return
    }
    const amount = Number(v.commission_value)
    if (v.commission_value.trim() === "" || !Number.isFinite(amount) || amount < 0) {
      ctx.addIssue({ code: "custom", path: ["commission_value"], message: "Enter a number of 0 or more" })
    } else if (v.commission_type === "percentage" && amount > 100) {
      ctx.addIssue({ code: "custom", path: ["commission_value"], message: "A percentage is at most 100" })
    }
  })

export type ProgramRuleValues = z.infer<typeof programRuleSchema>

export const programRuleFormFrom = (
  program: AffiliateProgram,
  editing: { rule: AffiliateProgramRule; title: string } | null
): ProgramRuleValues => {
  const rule = editing?.rule
  return {
    target_type: rule?.target_type ?? "product",
    target_id: rule ? { id: rule.target_id, label: editing.title } : null,
    treatment: rule?.excluded ? "excluded" : "rate",
    commission_type: rule?.commission_type ?? program.commission_type,
    commission_value: rule?.commission_value == null ? "" : String(rule.commission_value),
  }
}

export const programRulePayload = (values: ProgramRuleValues): ProgramRulePayload => {
  const excluded = values.treatment === "excluded"
  return {
    target_type: values.target_type,
    target_id: values.target_id!.id,
    excluded,
    commission_type: excluded ? null : values.commission_type,
    commission_value: excluded ? null : Number(values.commission_value),
  }
}
