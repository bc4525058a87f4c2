import { z } from "@medusajs/framework/zod"
import { isValidAffiliateCode } from "../../../../../modules/affiliate/domain/affiliate-code"
import { ReportInterval } from "../../../../../modules/affiliate/domain/report-series"
import { LEDGER_ENTRY_STATUSES, LEDGER_ENTRY_TYPES } from "../../../../../modules/affiliate/types/enums"
import { currencyCode, dateRange, pagination, reportInterval } from "../../../../utils/validators"

/**
 * Medusa's error formatter prints only the bare message of format, union and custom issues,
 * so a malformed `from` would come back as "Invalid input". This runs `schema` and re-raises
 * every issue as `<field>: <message>`, so each 400 names its field.
 */
export function namingFields<T extends z.ZodType>(schema: T) {
  return z.unknown().transform((value, ctx): z.output<T> => {
    const parsed = schema.safeParse(value)
    if (parsed.success) {
      return parsed.data
    }
    for (const issue of parsed.error.issues) {
      const field = issue.path.join(".")
      const given = issue.path.reduce<any>((node, key) => (node == null ? undefined : node[key as any]), value)
      const reason =
        given === undefined && (issue.code === "invalid_type" || issue.code === "invalid_value")
          ? "is required"
          : describeIssue(issue)
      const message = !field || reason.startsWith(field) ? reason : `${field}: ${reason}`
      ctx.addIssue({ code: "custom", path: issue.path, message })
    }
    return z.NEVER
  })
}

/** What was wrong, in words: the allowed values of an enum, also inside a one-or-many union. */
function describeIssue(issue: z.core.$ZodIssue): string {
  if (issue.code === "invalid_union") {
    const choice = issue.errors.flat().find((inner) => inner.code === "invalid_value")
    return choice ? describeIssue(choice) : issue.message
  }
  if (issue.code === "invalid_value") {
    return `must be one of ${issue.values.join(", ")}`
  }
  return issue.message
}

/** A strict query of `shape` plus the shared `from` / `to` range, resolved to Dates by `dateRange`. */
function withDateRange<S extends z.ZodRawShape>(shape: S) {
  return z
    .strictObject({ from: z.string().optional(), to: z.string().optional(), ...shape })
    .transform((query, ctx) => {
      const { from, to, ...rest } = query as { from?: string; to?: string } & Record<string, unknown>
      const range = dateRange.safeParse({ from, to })
      if (!range.success) {
        range.error.issues.forEach((issue) =>
          ctx.addIssue({
            code: "custom",
            path: issue.path,
            message: issue.code === "invalid_union" ? "must be an ISO date (2026-01-31) or date-time with offset" : issue.message,
          })
        )
        return z.NEVER
      }
      return { ...(rest as Omit<z.output<z.ZodObject<S>>, "from" | "to">), ...range.data }
    })
}

/** The most intervals one report or stats series may have: a year of days with room to spare. */
export const MAX_REPORT_INTERVALS = 400

const DAY_MS = 86_400_000

/**
 * How many intervals the series of [from, to) has, counted as the service buckets them
 * (`date_trunc` in UTC; weeks start on Monday).
 */
export function countIntervals(from: Date, to: Date, interval: ReportInterval): number {
  const last = new Date(to.getTime() - 1)
  if (interval === "month") {
    const months = (d: Date) => d.getUTCFullYear() * 12 + d.getUTCMonth()
    return months(last) - months(from) + 1
  }
  const days = (d: Date) => Math.floor(d.getTime() / DAY_MS)
  if (interval === "day") {
    return days(last) - days(from) + 1
  }
  // Day 0 (1970-01-01) was a Thursday: shift by 3 so weeks run Monday to Sunday.
  const weeks = (d: Date) => Math.floor((days(d) + 3) / 7)
  return weeks(last) - weeks(from) + 1
}

/**
 * A strict activity query (`from`, `to`, `interval` and `shape`) whose series stays within
 * MAX_REPORT_INTERVALS. Shared by the portal stats and the admin report.
 */
export function activityQuery<S extends z.ZodRawShape>(shape: S) {
  return namingFields(
    withDateRange({ interval: reportInterval, ...shape }).superRefine((query, ctx) => {
      const { from, to, interval } = query as unknown as { from: Date; to: Date; interval: ReportInterval }
      if (!(from instanceof Date && to instanceof Date)) {
        return
      }
      const count = countIntervals(from, to, interval)
      if (count > MAX_REPORT_INTERVALS) {
        ctx.addIssue({
          code: "custom",
          path: ["interval"],
          message: `interval: ${count} ${interval}s from ${from.toISOString()} to ${to.toISOString()} are more than ${MAX_REPORT_INTERVALS}; choose a longer interval or a shorter range`,
        })
      }
    })
  )
}

export const StoreApplyForAffiliate = namingFields(
  z.strictObject({
    code: z
      .string()
      .trim()
      .refine(isValidAffiliateCode, { error: 'must be 3-32 characters of A-Z, 0-9, "-" or "_"' })
      .optional(),
    name: z.string().trim().min(1).max(200).optional(),
    payout_email: z.email().max(320).optional(),
    metadata: z.record(z.string(), z.unknown()).optional(),
  })
)
export type StoreApplyForAffiliateType = z.infer<typeof StoreApplyForAffiliate>

/** The profile takes no query parameters. */
export const StorePortalProfileParams = namingFields(z.strictObject({}))

const oneOrMany = <T extends z.ZodType>(schema: T) => z.union([schema, z.array(schema).min(1)])

export const StorePortalCommissionsParams = namingFields(
  z.strictObject({
    status: oneOrMany(z.enum(LEDGER_ENTRY_STATUSES)).optional(),
    type: oneOrMany(z.enum(LEDGER_ENTRY_TYPES)).optional(),
    currency_code: currencyCode.optional(),
    ...pagination,
  })
)
export type StorePortalCommissionsParamsType = z.infer<typeof StorePortalCommissionsParams>

export const StorePortalStatsParams = activityQuery({})
export type StorePortalStatsParamsType = z.infer<typeof StorePortalStatsParams>

/** A statement's query, the same for the portal and the admin: one currency, JSON or CSV. */
export const StatementParams = namingFields(
  withDateRange({
    currency_code: currencyCode,
    format: z.enum(["json", "csv"]).default("json"),
  })
)
export type StatementParamsType = z.infer<typeof StatementParams>
