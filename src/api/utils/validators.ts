import { z } from "@medusajs/framework/zod"
import { REPORT_INTERVALS } from "../../modules/affiliate/domain/report-series"

/** An ISO 4217 code in any case, normalised to lower-case as Medusa stores it. */
export const currencyCode = z
  .string()
  .trim()
  .regex(/^[a-zA-Z]{3}$/, { error: "must be a three-letter currency code" })
  .transform((c) => c.toLowerCase())

/** A money amount as a JSON number or a decimal string, kept as a string to stay exact. */
export const moneyAmount = z
  .union([z.number().finite(), z.string().trim().regex(/^-?\d+(\.\d+)?$/, { error: "must be a decimal number" })])
  .transform((v) => String(v))

const DATE_ONLY = /^\d{4}-\d{2}-\d{2}$/

/** `from` / `to` as ISO dates or date-times; a date-only `to` includes that whole day. */
export const dateRange = z
  .object({
    from: z.iso.date().or(z.iso.datetime({ offset: true })).optional(),
    to: z.iso.date().or(z.iso.datetime({ offset: true })).optional(),
  })
  .transform(({ from, to }) => {
    const end = to ? new Date(DATE_ONLY.test(to) ? Date.parse(to) + 86_400_000 : Date.parse(to)) : new Date()
    const start = from ? new Date(Date.parse(from)) : new Date(end.getTime() - 30 * 86_400_000)
    return { from: start, to: end }
  })
  .refine(({ from, to }) => from < to, { error: "from must be before to", path: ["from"] })

export const reportInterval = z.enum(REPORT_INTERVALS).default("day")

/** `limit` / `offset` of a list, as Medusa's own list routes take them. */
export const pagination = {
  limit: z.coerce.number().int().min(1).max(1000).default(50),
  offset: z.coerce.number().int().min(0).default(0),
}
