// The building blocks of every request schema. A 400 always names the field it refuses:
// Medusa's formatter names it for missing, mistyped, too small or too big values and unknown
// keys, but prints format, enum, union and refinement issues by their message alone, so every
// such check here takes its message from `named`, which reads the field from the issue's path.
import { MathBN } from "@medusajs/framework/utils"
import { z } from "@medusajs/framework/zod"
import { isValidAffiliateCode, normalizeAffiliateCode } from "../../modules/affiliate/domain/affiliate-code"
import { REPORT_INTERVALS } from "../../modules/affiliate/domain/report-series"
import { DAY_MS } from "../../modules/affiliate/domain/days"

/**
 * A field as a message names it: its path (`rules.0.target_type`, `created_at.gte`), without
 * the position of a value in a list (`type=sale,bonus` is refused as `type`, not `type.1`).
 */
function fieldName(path: readonly PropertyKey[]): string {
  let end = path.length
  while (end > 0 && typeof path[end - 1] === "number") {
    end--
  }
  return path.slice(0, end).map(String).join(".") || "value"
}

/** `<field>: <reason>`, for an issue a schema adds by hand with a known path. */
export const fieldMessage = (path: readonly PropertyKey[], reason: string) => `${fieldName(path)}: ${reason}`

/** zod's `error` option for a check whose message starts with the field it refuses. */
export const named = (reason: string | ((input: unknown) => string)) => ({
  error: (issue: { path?: PropertyKey[]; input?: unknown }) =>
    fieldMessage(issue.path ?? [], typeof reason === "string" ? reason : reason(issue.input)),
})

/**
 * A field that must be given, refused as `<field>: is required` like its other errors
 * (Medusa words a plain missing field `Field '<field>' is required`).
 */
export const required = <T extends z.ZodType>(schema: T) =>
  z.custom<unknown>((value) => value !== undefined, named("is required")).pipe(schema)

/**
 * One of a fixed list of words: `<field>: must be one of a, b`, or with `quoteRefused`
 * `<field>: "c" is not one of a, b` (the ledger and payout filters' wording). A refinement,
 * not z.enum: Medusa prints an enum's issue without its field when it sits in a list.
 */
export const oneOf = <const T extends readonly string[]>(values: T, { quoteRefused = false } = {}) =>
  z
    .string()
    .refine(
      (value) => values.includes(value),
      named((input) =>
        quoteRefused ? `${JSON.stringify(input)} is not one of ${values.join(", ")}` : `must be one of ${values.join(", ")}`
      )
    )
    .transform((value) => value as T[number])

/** A filter given once (`status=paid`), repeated (`status=paid&status=available`) or comma-separated. */
export const oneOrMany = <T extends z.ZodType>(item: T) =>
  z.preprocess((value) => (typeof value === "string" ? value.split(",") : value), z.array(item).min(1).max(100))

/**
 * A decimal as a JSON number or a string, kept as a string to stay exact: non-negative
 * unless `signed`, and at most `max` when given.
 */
export const decimal = ({ signed = false, max }: { signed?: boolean; max?: number } = {}) => {
  const pattern = signed ? /^-?\d+(\.\d+)?$/ : /^\d+(\.\d+)?$/
  return z
    .union([z.number(), z.string()])
    .refine(
      (value) => pattern.test(typeof value === "number" ? String(value) : value.trim()),
      named(signed ? "must be a decimal number" : "must be a non-negative decimal number")
    )
    .transform((value) => (typeof value === "number" ? String(value) : value.trim()))
    .refine((value) => max === undefined || MathBN.lte(value, max), named(`must be at most ${max}`))
}

/** An ISO 4217 code in any case, normalised to lower-case as Medusa stores it. */
export const currencyCode = z
  .string()
  .trim()
  .regex(/^[a-zA-Z]{3}$/, named("must be a three-letter currency code"))
  .transform((code) => code.toLowerCase())

/** An id of another record; bounded so an over-long value is refused before any lookup. */
export const recordId = z.string().trim().min(1).max(64)

export const emailAddress = z.string().trim().max(320).pipe(z.email(named("must be an email address")))

/** An affiliate's code as given (any case, surrounding spaces), normalised to how it is stored. */
export const affiliateCode = z
  .string()
  .refine(isValidAffiliateCode, named('must be 3-32 characters of A-Z, 0-9, "-" or "_"'))
  .transform(normalizeAffiliateCode)

/** Optional free text; an empty string (as storefront and admin forms send) means "not given". */
export const optionalText = (max: number) =>
  z
    .string()
    .trim()
    .max(max)
    .nullish()
    .transform((value) => value || null)

/**
 * A strict object inside a body or query (a program rule, `created_at[...]`): an unknown key
 * is refused as `<path>: unknown field <key>`. A nested z.strictObject would be refused by
 * Medusa as `Unrecognized fields: '<key>'`, without saying where.
 */
export const nestedStrictObject = <S extends z.ZodRawShape>(shape: S) => {
  const unknownKeys = (value: unknown) =>
    value && typeof value === "object" ? Object.keys(value).filter((key) => !Object.prototype.hasOwnProperty.call(shape, key)) : []
  return z
    .looseObject(shape)
    .refine((value) => unknownKeys(value).length === 0, named((input) => `unknown field ${unknownKeys(input).join(", ")}`))
    .transform((value) => value as z.output<z.ZodObject<S>>)
}

/** Routes that take no query parameters refuse any. */
export const NoQueryParams = z.strictObject({})

/**
 * A whole number in a query string. Only a string is read as a number: z.coerce would take
 * `limit[]=5` (the array ["5"]) as 5 and "" as 0.
 */
export const queryInteger = (min: number, max = Number.MAX_SAFE_INTEGER) =>
  z.preprocess((value) => (typeof value === "string" && value.trim() !== "" ? Number(value) : value), z.number().int().min(min).max(max))

/** `limit` / `offset` of a list, as Medusa's own list routes take them. */
export const pagination = {
  limit: queryInteger(1, 1000).default(50),
  offset: queryInteger(0).default(0),
}

/** `order` of a list: one of the given fields, `-` first for descending. */
export const listOrder = (fields: readonly string[], fallback: string) =>
  z
    .string()
    .regex(new RegExp(`^-?(${fields.join("|")})$`), named(`must be one of ${fields.join(", ")}, optionally prefixed with "-"`))
    .default(fallback)

/** The common query of a list route: pagination, order and Medusa's `fields` selection. */
export const listParams = (orderFields: readonly string[], fallbackOrder: string) => ({
  ...pagination,
  order: listOrder(orderFields, fallbackOrder),
  fields: z.string().max(2000).optional(),
})

/** `q`, a list's free-text search; blank means no search. */
export const searchText = z
  .string()
  .trim()
  .max(200)
  .optional()
  .transform((q) => q || undefined)

/** `format` of a route that answers as JSON or as a CSV file. */
export const exportFormat = oneOf(["json", "csv"]).default("json")

export const reportInterval = oneOf(REPORT_INTERVALS).default("day")

const DATE_ONLY = /^\d{4}-\d{2}-\d{2}$/

/** Periods lie in [1970, 9999): PostgreSQL cannot take a year past 9999 (a 500 before). */
const EARLIEST = Date.UTC(1970, 0, 1)
const LATEST = Date.UTC(9999, 0, 1)

/** A bound of a period: an ISO date or a date-time with offset, from 1970 to 9998. */
const dateBound = z
  .union(
    [z.iso.date(), z.iso.datetime({ offset: true })],
    named("must be an ISO date or date-time (2026-01-31 or 2026-01-31T09:00:00Z)")
  )
  .refine((bound) => Date.parse(bound) >= EARLIEST && Date.parse(bound) < LATEST, named("must be from 1970 to 9998"))

/** The instant an upper bound ends the period: a date-only bound includes that whole day (UTC). */
const endOf = (bound: string) => new Date(Date.parse(bound) + (DATE_ONLY.test(bound) ? DAY_MS : 0))

/**
 * `created_at[gte]` / `created_at[lte]` (Medusa's `[$gte]` / `[$lte]` spelling too) as a
 * module filter; a date-only upper bound includes that whole day.
 */
export const createdAtRange = nestedStrictObject({
  gte: dateBound.optional(),
  lte: dateBound.optional(),
  $gte: dateBound.optional(),
  $lte: dateBound.optional(),
}).transform((range) => {
  const gte = range.gte ?? range.$gte
  const lte = range.lte ?? range.$lte
  const filter: { $gte?: Date; $lte?: Date; $lt?: Date } = {}
  if (gte) {
    filter.$gte = new Date(gte)
  }
  if (lte && DATE_ONLY.test(lte)) {
    filter.$lt = endOf(lte)
  } else if (lte) {
    filter.$lte = new Date(lte)
  }
  return filter
})

/**
 * A strict query of `shape` plus a period `from` / `to`, resolved to the Dates [from, to):
 * `to` defaults to now and `from` to 30 days before it; a date-only `to` includes that day.
 */
export const withDateRange = <S extends z.ZodRawShape>(shape: S) =>
  z
    .strictObject({ from: dateBound.optional(), to: dateBound.optional(), ...shape })
    .transform((query) => {
      const { from, to, ...rest } = query as { from?: string; to?: string } & Record<string, unknown>
      const end = to ? endOf(to) : new Date()
      const start = from ? new Date(Date.parse(from)) : new Date(end.getTime() - 30 * DAY_MS)
      return { ...(rest as Omit<z.output<z.ZodObject<S>>, "from" | "to">), from: start, to: end }
    })
    .refine(({ from, to }) => from < to, { error: "from must be before to", path: ["from"] })
