import { z } from "@medusajs/framework/zod"
import { LEDGER_ENTRY_STATUSES, LEDGER_ENTRY_TYPES } from "../../../modules/affiliate/types/enums"
import { currencyCode, moneyAmount, pagination } from "../../utils/validators"

/**
 * A zod message that starts with the field's name (`status`, `created_at.gte`; list
 * positions left out), so a 400 names the field it refuses. Medusa's formatter names the
 * field for missing and mistyped values only; a format or enum check needs this.
 */
export const naming = (message: string | ((input: unknown) => string)) => ({
  error: (issue: { path?: PropertyKey[]; input?: unknown }) =>
    `${(issue.path ?? []).filter((p) => typeof p === "string").join(".")}: ${
      typeof message === "string" ? message : message(issue.input)
    }`,
})

/** The shared `currencyCode`, behind a format check whose message names the field. */
export const namedCurrencyCode = z
  .string()
  .trim()
  .regex(/^[a-zA-Z]{3}$/, naming("must be a three-letter currency code"))
  .pipe(currencyCode)

/** The shared `moneyAmount`, behind checks whose messages name the field. */
export const namedMoneyAmount = z
  .union([z.number().finite(), z.string().trim().regex(/^-?\d+(\.\d+)?$/, naming("must be a decimal number"))])
  .pipe(moneyAmount)

/**
 * One of a fixed set of words, refused with the field's name and the words allowed (a
 * refinement: Medusa rewrites the message of a plain enum and loses the field in a list).
 */
export const namedEnum = <const T extends readonly [string, ...string[]]>(values: T) =>
  z
    .string()
    .refine((value) => values.includes(value), naming((input) => `${JSON.stringify(input)} is not one of ${values.join(", ")}`))
    .transform((value) => value as T[number])

export const resourceId = z.string().trim().min(1).max(64)

/** A filter given once (`status=paid`), repeated (`status=paid&status=available`) or comma-separated. */
export const oneOrMany = <T extends z.ZodType>(item: T) =>
  z.preprocess((value) => (typeof value === "string" ? value.split(",") : value), z.array(item).min(1).max(100))

const DATE_ONLY = /^\d{4}-\d{2}-\d{2}$/
const DAY_MS = 86_400_000
const dateBound = z.union([z.iso.date(), z.iso.datetime({ offset: true })], naming("must be an ISO date or date-time"))

/**
 * `created_at[gte]` / `created_at[lte]` (Medusa's `[$gte]` / `[$lte]` spelling too) as
 * module filters. A date-only upper bound includes that whole day (UTC), as the shared
 * `dateRange` does for `to`.
 */
export const createdAtRange = z
  .strictObject({
    gte: dateBound.optional(),
    lte: dateBound.optional(),
    $gte: dateBound.optional(),
    $lte: dateBound.optional(),
  })
  .transform((range) => {
    const gte = range.gte ?? range.$gte
    const lte = range.lte ?? range.$lte
    const filter: { $gte?: Date; $lte?: Date; $lt?: Date } = {}
    if (gte) {
      filter.$gte = new Date(gte)
    }
    if (lte && DATE_ONLY.test(lte)) {
      filter.$lt = new Date(Date.parse(lte) + DAY_MS)
    } else if (lte) {
      filter.$lte = new Date(lte)
    }
    return filter
  })

/** `order=created_at` / `order=-created_at`, restricted to columns a list can sort on. */
export const orderBy = (columns: readonly string[]) =>
  namedEnum(columns.flatMap((c) => [c, `-${c}`]) as [string, ...string[]]).optional()

export const exportFormat = namedEnum(["json", "csv"]).optional()

export const COMMISSION_ORDER_COLUMNS = ["created_at", "amount", "status", "type", "available_at"] as const

export const AdminListCommissions = z.strictObject({
  affiliate_id: oneOrMany(resourceId).optional(),
  status: oneOrMany(namedEnum(LEDGER_ENTRY_STATUSES)).optional(),
  type: oneOrMany(namedEnum(LEDGER_ENTRY_TYPES)).optional(),
  order_id: oneOrMany(resourceId).optional(),
  payout_id: oneOrMany(resourceId).optional(),
  currency_code: oneOrMany(namedCurrencyCode).optional(),
  created_at: createdAtRange.optional(),
  fields: z.string().optional(),
  order: orderBy(COMMISSION_ORDER_COLUMNS),
  format: exportFormat,
  ...pagination,
})
export type AdminListCommissionsType = z.infer<typeof AdminListCommissions>

export const AdminCreateAdjustment = z.strictObject({
  affiliate_id: resourceId,
  amount: namedMoneyAmount.refine((amount) => !/^-?0+(\.0+)?$/.test(amount), naming("an adjustment cannot be zero")),
  currency_code: namedCurrencyCode,
  note: z.string().trim().min(1).max(2000),
})
export type AdminCreateAdjustmentType = z.infer<typeof AdminCreateAdjustment>

/** The optional `Idempotency-Key` request header of a create: printable ASCII, no spaces. */
export const IdempotencyKeyHeader = z
  .string()
  .regex(/^[\x21-\x7e]{1,200}$/, { error: "Idempotency-Key: must be 1-200 printable characters without spaces" })
  .optional()
