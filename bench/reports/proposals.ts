// The proposed change to getActivityReport, measured against the real method on the same data.
//
// A copy of AffiliateModuleService.getActivityReport (src/modules/affiliate/service.ts) with
// two SQL changes; everything else (validation, buildReportSeries, the top-affiliates shaping)
// is the service's own code path:
//
//   1. Clicks per bucket by index range instead of per row: the bucket list is computed in the
//      app (bucketBounds, UTC, as date_trunc buckets) and bound as two arrays, and each
//      bucket's clicks are one `count(*)` over [greatest(start, from), least(end, to)), an
//      Index Only Scan range. No date_trunc on every click and no hash aggregate over them.
//      This statement also returns the buckets, so the separate generate_series statement goes.
//   2. Program-wide top affiliates: aggregated per (affiliate, currency) before the join with
//      affiliate, with count(*) FILTER (WHERE type = 'sale') instead of COUNT(DISTINCT order_id)
//      (the same number: one live sale entry per order, unique idempotency key `sale:<order_id>`),
//      and run together with the other aggregates instead of after them.
//
// Orders and money keep the service's SQL text. The index proposal (PROPOSED_INDEXES) gives the
// orders and money statements, and the top affiliates, index-only scans.
import { MathBN, MedusaError } from "@medusajs/framework/utils"
import { buildReportSeries } from "../../src/modules/affiliate/domain/report-series"

type Data = { affiliate_id?: string; from: Date; to: Date; interval: "day" | "week" | "month"; top?: number }

/**
 * Bucket starts of [from, to) in UTC as date_trunc buckets them (weeks start on Monday), and
 * each bucket's end (the next start; the last one ends at the next bucket too, clipped by `to`
 * in SQL). The service computes the same list with generate_series in SQL.
 */
export function bucketBounds(from: Date, to: Date, interval: "day" | "week" | "month") {
  const start = new Date(Date.UTC(from.getUTCFullYear(), from.getUTCMonth(), interval === "month" ? 1 : from.getUTCDate()))
  if (interval === "week") start.setUTCDate(start.getUTCDate() - ((start.getUTCDay() + 6) % 7))
  const next = (d: Date) => {
    const n = new Date(d)
    if (interval === "day") n.setUTCDate(n.getUTCDate() + 1)
    else if (interval === "week") n.setUTCDate(n.getUTCDate() + 7)
    else n.setUTCMonth(n.getUTCMonth() + 1)
    return n
  }
  const starts: Date[] = []
  const ends: Date[] = []
  for (let d = start; d < to; d = next(d)) {
    starts.push(d)
    ends.push(next(d))
  }
  return { starts, ends }
}

/**
 * One row per bucket: its start and its clicks, counted over [greatest(start, from),
 * least(end, to)) with an Index Only Scan range. The bucket list is a bound array (unnest of a
 * constant array: the planner knows how many buckets there are, so no 1000-row guess and no JIT).
 */
export const PROPOSED_CLICKS_SQL = (scoped: boolean) => `SELECT b.bucket_start AS bucket,
  (SELECT count(*) FROM affiliate_click c
   WHERE c.created_at >= greatest(b.bucket_start, :p_from::timestamptz)
     AND c.created_at < least(b.bucket_end, :p_to::timestamptz)
     AND c.deleted_at IS NULL${scoped ? "\n     AND c.affiliate_id = :p_affiliate_id" : ""}) AS count
FROM unnest(:p_starts::timestamptz[], :p_ends::timestamptz[]) AS b(bucket_start, bucket_end)`

export const PROPOSED_TOP_SQL = `SELECT t.affiliate_id, a.code, a.name, t.currency_code, t.commission, t.orders
FROM (
  SELECT affiliate_id, currency_code, SUM(amount) AS commission,
         count(*) FILTER (WHERE type = 'sale')::int AS orders
  FROM affiliate_commission
  WHERE created_at >= :p_from AND created_at < :p_to
    AND type IN ('sale', 'reversal', 'clawback') AND deleted_at IS NULL
  GROUP BY affiliate_id, currency_code
  ORDER BY SUM(amount) DESC
  LIMIT :p_limit
) t
JOIN affiliate a ON a.id = t.affiliate_id
ORDER BY t.commission DESC`

/** The proposed getActivityReport, on the knex the service uses. */
export async function proposedActivityReport(knex: any, data: Data) {
  const { affiliate_id, from, to, interval } = data
  if (!(from < to)) {
    throw new MedusaError(MedusaError.Types.INVALID_DATA, "from: must be before to")
  }
  const bounds = bucketBounds(from, to, interval)
  const bucket = knex.raw("date_trunc(?, created_at AT TIME ZONE 'UTC') AT TIME ZONE 'UTC'", [interval])
  const scoped = (table: string) => {
    const q = knex(table).where("created_at", ">=", from).andWhere("created_at", "<", to).whereNull("deleted_at")
    return affiliate_id ? q.andWhere({ affiliate_id }) : q
  }
  const [clicks, orders, money, top] = await Promise.all([
    knex.raw(PROPOSED_CLICKS_SQL(!!affiliate_id), {
      p_from: from,
      p_to: to,
      p_starts: bounds.starts,
      p_ends: bounds.ends,
      ...(affiliate_id ? { p_affiliate_id: affiliate_id } : {}),
    }),
    scoped("affiliate_order_attribution").where({ outcome: "credited" }).select({ bucket }).count({ count: "*" }).groupBy(1),
    scoped("affiliate_commission")
      .whereIn("type", ["sale", "reversal", "clawback"])
      .select({ bucket }, "currency_code")
      .select(knex.raw("COALESCE(SUM(base_amount) FILTER (WHERE type = 'sale'), 0) AS revenue"), knex.raw("SUM(amount) AS commission"))
      .groupBy(1, "currency_code"),
    affiliate_id ? null : knex.raw(PROPOSED_TOP_SQL, { p_from: from, p_to: to, p_limit: (data.top ?? 10) * 4 }),
  ])
  const report: any = buildReportSeries({
    buckets: clicks.rows.map((r: { bucket: Date }) => r.bucket),
    clicks: clicks.rows,
    orders,
    money,
  } as any)
  if (!affiliate_id) {
    const ranked = new Map<string, any>()
    for (const row of top.rows) {
      const entry = ranked.get(row.affiliate_id) ?? { affiliate_id: row.affiliate_id, code: row.code, name: row.name, orders: 0, commission: [] }
      entry.orders += row.orders
      entry.commission.push({ currency_code: row.currency_code, amount: MathBN.convert(row.commission).toNumber() })
      ranked.set(row.affiliate_id, entry)
    }
    report.top_affiliates = [...ranked.values()].slice(0, data.top ?? 10)
  }
  return report
}

/**
 * Indexes giving the orders, money and top statements index-only scans. The two ledger
 * indexes replace the model's IDX_affiliate_commission_affiliate_created and
 * IDX_affiliate_commission_created_at (same keys, more columns), so the ledger's appends
 * still maintain the same number of indexes; the receipts get two partial indexes of
 * credited receipts (the existing ones stay: other reads use them).
 */
export const PROPOSED_INDEXES = {
  create: [
    `CREATE INDEX IF NOT EXISTS "IDX_affiliate_commission_affiliate_created_report" ON "affiliate_commission" ("affiliate_id", "created_at") INCLUDE ("type", "currency_code", "amount", "base_amount") WHERE deleted_at IS NULL`,
    `CREATE INDEX IF NOT EXISTS "IDX_affiliate_commission_created_report" ON "affiliate_commission" ("created_at") INCLUDE ("affiliate_id", "type", "currency_code", "amount", "base_amount") WHERE deleted_at IS NULL`,
    `CREATE INDEX IF NOT EXISTS "IDX_affiliate_order_attribution_credited_affiliate_created" ON "affiliate_order_attribution" ("affiliate_id", "created_at") WHERE outcome = 'credited' AND deleted_at IS NULL`,
    `CREATE INDEX IF NOT EXISTS "IDX_affiliate_order_attribution_credited_created" ON "affiliate_order_attribution" ("created_at") WHERE outcome = 'credited' AND deleted_at IS NULL`,
  ],
  drop: [`DROP INDEX IF EXISTS "IDX_affiliate_commission_affiliate_created"`, `DROP INDEX IF EXISTS "IDX_affiliate_commission_created_at"`],
}
