// The program form's values, its checks before sending, and the payloads it sends.
import { z } from "zod"
import type { ProgramPayload } from "../../../../lib/hooks/programs"
import { PROGRAM_TERM_LIMITS } from "../../../../../modules/affiliate/domain/program-terms"
import { COMMISSION_TYPES, PAYOUT_METHODS, PROGRAM_KINDS } from "../../../../../types/enums"
import type { AffiliateProgram } from "../../../../../types/http"

const isWholeNumber = (value: string, { min, max }: { min: number; max: number }) =>
  /^\d+$/.test(value.trim()) && Number(value) >= min && Number(value) <= max
const isAmount = (value: string) => value.trim() !== "" && Number.isFinite(Number(value)) && Number(value) >= 0

const { days: DAYS, trailing_months: MONTHS, max_percentage: MAX_PERCENT } = PROGRAM_TERM_LIMITS
const DAYS_MESSAGE = `Enter a whole number of days from ${DAYS.min} to ${DAYS.max}`

/** The terms of a program as typed, with the checks the API would make anyway. */
export const programFormSchema = z
  .object({
    name: z.string().refine((v) => v.trim() !== "", "Enter a name"),
    commission_type: z.enum(COMMISSION_TYPES),
    commission_value: z.string().refine(isAmount, "Enter a number of 0 or more"),
    hold_days: z.string().refine((v) => isWholeNumber(v, DAYS), DAYS_MESSAGE),
    cookie_days: z.string().refine((v) => isWholeNumber(v, DAYS), DAYS_MESSAGE),
    /** "" = the customer stays attributed forever. */
    trailing_months: z
      .string()
      .refine(
        (v) => !v.trim() || isWholeNumber(v, MONTHS),
        `Enter a whole number of months from ${MONTHS.min} to ${MONTHS.max}, or leave empty for forever`
      ),
    first_order_only: z.boolean(),
    min_payout_amount: z.string().refine(isAmount, "Enter an amount of 0 or more"),
    auto_approve: z.boolean(),
    kind: z.enum(PROGRAM_KINDS),
    payout_method: z.enum(PAYOUT_METHODS),
    /** The visitor's discount the program's referrals apply; null = none. */
    link_promotion_id: z.string().nullable(),
  })
  .refine((v) => v.commission_type !== "percentage" || !isAmount(v.commission_value) || Number(v.commission_value) <= MAX_PERCENT, {
    message: `A percentage is at most ${MAX_PERCENT}`,
    path: ["commission_value"],
  })

export type ProgramFormValues = z.infer<typeof programFormSchema>

export type ProgramFormField = keyof ProgramFormValues

export const PROGRAM_FORM_FIELDS = Object.keys(programFormSchema.shape) as ProgramFormField[]

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
  kind: "affiliate",
  payout_method: "manual",
  link_promotion_id: null,
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
  kind: program.kind ?? "affiliate",
  payout_method: program.payout_method ?? "manual",
  link_promotion_id: program.link_promotion_id ?? null,
})

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
  kind: values.kind,
  payout_method: values.payout_method,
  link_promotion_id: values.link_promotion_id,
})

/** Only what changed, so editing the terms never rewrites the rules. */
export const programUpdatePayload = (values: ProgramFormValues, original: AffiliateProgram): ProgramPayload => {
  const next = programPayload(values)
  const before = programPayload(programFormFrom(original))
  return Object.fromEntries(
    Object.entries(next).filter(([key, value]) => before[key as keyof ProgramPayload] !== value)
  ) as ProgramPayload
}
