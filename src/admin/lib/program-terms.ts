import { formatDecimal, formatMoney, formatPercent } from "./format"
import type { AffiliateProgram, AffiliateProgramRule } from "../../types/http"

/** "10 %" or "5 per order": what a program pays. */
export const commissionTerms = (program: Pick<AffiliateProgram, "commission_type" | "commission_value">) =>
  program.commission_type === "percentage"
    ? formatPercent(program.commission_value)
    : `${formatDecimal(program.commission_value)} per order`

/**
 * A program's minimum payout, which applies in each payout currency: "$50.00 · €50.00 in each
 * payout currency" for the store's currencies, or "None".
 */
export const minimumPayout = (amount: AffiliateProgram["min_payout_amount"], currencies: string[]) => {
  if (!Number(amount)) {
    return "None"
  }
  return currencies.length
    ? `${currencies.map((c) => formatMoney(amount, c)).join(" · ")} in each payout currency`
    : `${formatDecimal(amount)} in each payout currency`
}

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
