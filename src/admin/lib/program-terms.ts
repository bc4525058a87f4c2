import { formatDecimal, formatPercent } from "./format"
import type { AffiliateProgram, AffiliateProgramRule } from "../../types/http"

/** "10 %" or "5 per order": what a program pays. */
export const commissionTerms = (program: Pick<AffiliateProgram, "commission_type" | "commission_value">) =>
  program.commission_type === "percentage"
    ? formatPercent(program.commission_value)
    : `${formatDecimal(program.commission_value)} per order`

export const attributionLifetime = (months: number | null | undefined) =>
  months == null ? "Forever" : `${months} month${months === 1 ? "" : "s"}`

export const days = (n: number | null | undefined) => `${n ?? 0} day${n === 1 ? "" : "s"}`

/** What a rule does to the items it targets: excluded, or another rate. */
export const ruleTreatment = (
  rule: Pick<AffiliateProgramRule, "excluded" | "commission_type" | "commission_value">,
  program: Pick<AffiliateProgram, "commission_type">
) => {
  if (rule.excluded) {
    return "Excluded (no commission)"
  }
  return commissionTerms({
    commission_type: rule.commission_type ?? program.commission_type,
    commission_value: rule.commission_value ?? 0,
  })
}
