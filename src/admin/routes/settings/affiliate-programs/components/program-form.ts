// The program form's values, its checks before sending, and the payloads it sends.
import type { ProgramPayload } from "../../../../lib/hooks/programs"
import type { AffiliateProgram, CommissionType } from "../../../../lib/types"

export type ProgramFormValues = {
  name: string
  commission_type: CommissionType
  commission_value: string
  hold_days: string
  cookie_days: string
  /** "" = the customer stays attributed forever. */
  trailing_months: string
  first_order_only: boolean
  min_payout_amount: string
  auto_approve: boolean
}

export type ProgramFormField = keyof ProgramFormValues

export const PROGRAM_FORM_FIELDS: readonly ProgramFormField[] = [
  "name",
  "commission_type",
  "commission_value",
  "hold_days",
  "cookie_days",
  "trailing_months",
  "first_order_only",
  "min_payout_amount",
  "auto_approve",
]

export const emptyProgramForm = (): ProgramFormValues => ({
  name: "",
  commission_type: "percentage",
  commission_value: "10",
  hold_days: "30",
  cookie_days: "30",
  trailing_months: "",
  first_order_only: false,
  min_payout_amount: "0",
  auto_approve: false,
})

export const programFormFrom = (program: AffiliateProgram): ProgramFormValues => ({
  name: program.name,
  commission_type: program.commission_type,
  commission_value: String(program.commission_value ?? ""),
  hold_days: String(program.hold_days ?? ""),
  cookie_days: String(program.cookie_days ?? ""),
  trailing_months: program.trailing_months == null ? "" : String(program.trailing_months),
  first_order_only: Boolean(program.first_order_only),
  min_payout_amount: String(program.min_payout_amount ?? "0"),
  auto_approve: Boolean(program.auto_approve),
})

const isWholeNumber = (value: string, min: number) => /^\d+$/.test(value.trim()) && Number(value) >= min

const isAmount = (value: string) => value.trim() !== "" && Number.isFinite(Number(value)) && Number(value) >= 0

export const validateProgramForm = (values: ProgramFormValues): Partial<Record<ProgramFormField, string>> => {
  const errors: Partial<Record<ProgramFormField, string>> = {}
  if (!values.name.trim()) errors.name = "Enter a name"
  if (!isAmount(values.commission_value)) {
    errors.commission_value = "Enter a number of 0 or more"
  } else if (values.commission_type === "percentage" && Number(values.commission_value) > 100) {
    errors.commission_value = "A percentage is at most 100"
  }
  if (!isWholeNumber(values.hold_days, 0)) errors.hold_days = "Enter a whole number of days (0 or more)"
  if (!isWholeNumber(values.cookie_days, 0)) errors.cookie_days = "Enter a whole number of days (0 or more)"
  if (values.trailing_months.trim() && !isWholeNumber(values.trailing_months, 1)) {
    errors.trailing_months = "Enter a whole number of months (1 or more), or leave empty for forever"
  }
  if (!isAmount(values.min_payout_amount)) errors.min_payout_amount = "Enter an amount of 0 or more"
  return errors
}

export const programPayload = (values: ProgramFormValues): ProgramPayload => ({
  name: values.name.trim(),
  commission_type: values.commission_type,
  commission_value: Number(values.commission_value),
  hold_days: Number(values.hold_days),
  cookie_days: Number(values.cookie_days),
  trailing_months: values.trailing_months.trim() ? Number(values.trailing_months) : null,
  first_order_only: values.first_order_only,
  min_payout_amount: Number(values.min_payout_amount),
  auto_approve: values.auto_approve,
})

/** Only what changed, so editing the terms never rewrites the rules. */
export const programUpdatePayload = (values: ProgramFormValues, original: AffiliateProgram): ProgramPayload => {
  const next = programPayload(values)
  const before = programPayload(programFormFrom(original))
  return Object.fromEntries(
    Object.entries(next).filter(([key, value]) => before[key as keyof ProgramPayload] !== value)
  ) as ProgramPayload
}
