import { z } from "@medusajs/framework/zod"
import { ReportInterval } from "../../modules/affiliate/domain/report-series"
import { fieldMessage, reportInterval, withDateRange } from "./validators"
import { DAY_MS } from "../../modules/affiliate/domain/days"

/** The most intervals one report or stats series may have: a year of days with room to spare. */
export const MAX_REPORT_INTERVALS = 400


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
  return withDateRange({ interval: reportInterval, ...shape }).superRefine((query, ctx) => {
    const { from, to, interval } = query as unknown as { from: Date; to: Date; interval: ReportInterval }
    const count = countIntervals(from, to, interval)
    if (count > MAX_REPORT_INTERVALS) {
      ctx.addIssue({
        code: "custom",
        path: ["interval"],
        message: fieldMessage(
          ["interval"],
          `${count} ${interval}s from ${from.toISOString()} to ${to.toISOString()} are more than ${MAX_REPORT_INTERVALS}; choose a longer interval or a shorter range`
        ),
      })
    }
  })
}
