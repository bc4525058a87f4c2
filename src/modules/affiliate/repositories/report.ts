import { Context } from "@medusajs/framework/types"
import { EntityManager } from "@medusajs/framework/mikro-orm/knex"
import { ReportInterval } from "../domain/report-series"
import { rollupSpan } from "../domain/rollup-span"
import { SqlRepository } from "../database/sql-repository"
import { DAY_MS } from "../domain/days"

type Ctx = Context<EntityManager>

type Range = { affiliate_id?: string; from: Date; to: Date }

/** The job cursor holding the rollup's mark: every UTC day before it is rolled up. */
export const ACTIVITY_ROLLUP_CURSOR = "activity-rollup"

const floorDay = (d: Date) => new Date(Math.floor(d.getTime() / DAY_MS) * DAY_MS)
const bucketOf = (column: string) => `date_trunc(?, ${column} AT TIME ZONE 'UTC') AT TIME ZONE 'UTC'`
const COMMISSION_TYPES = `type IN ('sale', 'reversal', 'clawback')`

/**
 * Where a report reads [from, to): whole days the rollup holds from the rollup, the rest
 * (the range's partial first and last days, days not rolled up yet) from the rows, so the
 * cost follows the days asked for, not the rows they hold. Both parts give the same sums.
 */
type Plan = {
  /** SQL over `created_at` selecting the rows the rollup does not answer, and its bindings. */
  rows: { sql: string; bindings: unknown[] }
  /** The rollup's days, or null when it answers nothing of the range. */
  days: { from: Date; to: Date } | null
}

/** Reports' SQL: per-interval counts and sums over clicks, receipts and the ledger. */
export class ReportRepository extends SqlRepository {
  /** The buckets of [from, to) and what each holds. */
  async activity({ affiliate_id, from, to, interval }: Range & { interval: ReportInterval }, context: Ctx = {}) {
    const knex = this.knex(context)
    const plan = await this.plan(from, to, context)
    const mine = affiliate_id ? ` AND affiliate_id = ?` : ""
    const who = affiliate_id ? [affiliate_id] : []
    /** A rolled-up part (when the plan has one) and a rows part, summed per bucket. */
    const union = (rollup: (days: string) => string, rows: string, rollupBindings: unknown[], rowBindings: unknown[]) =>
      plan.days
        ? { sql: `${rollup(`day >= ? AND day < ?${mine}`)} UNION ALL ${rows}`, bindings: [...rollupBindings, plan.days.from, plan.days.to, ...who, ...rowBindings] }
        : { sql: rows, bindings: rowBindings }
    const rowsWhere = `${plan.rows.sql} AND deleted_at IS NULL${mine}`
    const rowsBindings = [...plan.rows.bindings, ...who]

    const clicks = union(
      (days) => `SELECT ${bucketOf("day")} AS bucket, SUM(clicks) AS n FROM affiliate_daily_activity WHERE ${days} GROUP BY 1`,
      `SELECT ${bucketOf("created_at")} AS bucket, COUNT(*) AS n FROM affiliate_click WHERE ${rowsWhere} GROUP BY 1`,
      [interval],
      [interval, ...rowsBindings]
    )
    const orders = union(
      (days) => `SELECT ${bucketOf("day")} AS bucket, SUM(orders) AS n FROM affiliate_daily_activity WHERE ${days} AND orders > 0 GROUP BY 1`,
      `SELECT ${bucketOf("created_at")} AS bucket, COUNT(*) AS n FROM affiliate_order_attribution
       WHERE outcome = 'credited' AND ${rowsWhere} GROUP BY 1`,
      [interval],
      [interval, ...rowsBindings]
    )
    const money = union(
      (days) =>
        `SELECT ${bucketOf("day")} AS bucket, currency_code, SUM(revenue) AS revenue, SUM(commission) AS commission
         FROM affiliate_daily_commission WHERE ${days} GROUP BY 1, 2`,
      `SELECT ${bucketOf("created_at")} AS bucket, currency_code,
              COALESCE(SUM(base_amount) FILTER (WHERE type = 'sale'), 0) AS revenue, SUM(amount) AS commission
       FROM affiliate_commission WHERE ${COMMISSION_TYPES} AND ${rowsWhere} GROUP BY 1, 2`,
      [interval],
      [interval, ...rowsBindings]
    )
    const [buckets, clickRows, orderRows, moneyRows] = await Promise.all([
      knex.raw(
        `SELECT generate_series(
           date_trunc(?, ?::timestamptz AT TIME ZONE 'UTC'),
           date_trunc(?, (?::timestamptz - interval '1 microsecond') AT TIME ZONE 'UTC'),
           ('1 ' || ?)::interval
         ) AT TIME ZONE 'UTC' AS bucket`,
        [interval, from, interval, to, interval]
      ),
      knex.raw(`SELECT bucket, SUM(n) AS count FROM (${clicks.sql}) parts GROUP BY bucket`, clicks.bindings as any[]),
      knex.raw(`SELECT bucket, SUM(n) AS count FROM (${orders.sql}) parts GROUP BY bucket`, orders.bindings as any[]),
      knex.raw(
        `SELECT bucket, currency_code, SUM(revenue) AS revenue, SUM(commission) AS commission
         FROM (${money.sql}) parts GROUP BY bucket, currency_code`,
        money.bindings as any[]
      ),
    ])
    return {
      buckets: buckets.rows.map((r: { bucket: Date }) => r.bucket),
      clicks: clickRows.rows,
      orders: orderRows.rows,
      money: moneyRows.rows,
    }
  }

  /** Commission and credited orders of [from, to) per affiliate and currency, the largest first. */
  async topAffiliates({ from, to, limit }: Range & { limit: number }, context: Ctx = {}) {
    const knex = this.knex(context)
    const plan = await this.plan(from, to, context)
    const rows = `SELECT affiliate_id, currency_code, SUM(amount) AS commission, COUNT(*) FILTER (WHERE type = 'sale') AS orders
                  FROM affiliate_commission WHERE ${COMMISSION_TYPES} AND ${plan.rows.sql} AND deleted_at IS NULL
                  GROUP BY 1, 2`
    const parts = plan.days
      ? `SELECT affiliate_id, currency_code, SUM(commission) AS commission, SUM(sales) AS orders
         FROM affiliate_daily_commission WHERE day >= ? AND day < ? GROUP BY 1, 2
         UNION ALL ${rows}`
      : rows
    const bindings = [...(plan.days ? [plan.days.from, plan.days.to] : []), ...plan.rows.bindings]
    const { rows: top } = await knex.raw(
      `SELECT p.affiliate_id, a.code, a.name, p.currency_code, SUM(p.commission) AS commission, SUM(p.orders)::int AS orders
       FROM (${parts}) p JOIN affiliate a ON a.id = p.affiliate_id
       GROUP BY p.affiliate_id, a.code, a.name, p.currency_code
       ORDER BY SUM(p.commission) DESC, p.affiliate_id, p.currency_code
       LIMIT ?`,
      [...bindings, limit] as any[]
    )
    return top
  }

  /**
   * Rolls up every whole UTC day before `until` not rolled up yet, and the last rolled-up
   * day again (a row committed late lands there), from the rows, set-based, in one
   * transaction. Concurrent runs queue on a lock. Returns the days written.
   */
  async rollUp(until: Date, context: Ctx = {}): Promise<{ from: Date | null; to: Date }> {
    const knex = this.knex(context)
    const to = floorDay(until)
    await knex.raw(`SELECT pg_advisory_xact_lock(hashtext('affiliate_activity_rollup'))`)
    const { rows: [mark] } = await knex.raw(`SELECT position FROM affiliate_job_cursor WHERE id = ?`, [ACTIVITY_ROLLUP_CURSOR])
    const { rows: [first] } = mark
      ? { rows: [{ at: new Date(floorDay(new Date(mark.position)).getTime() - DAY_MS) }] }
      : await knex.raw(
          `SELECT LEAST((SELECT MIN(created_at) FROM affiliate_click), (SELECT MIN(created_at) FROM affiliate_order_attribution),
                        (SELECT MIN(created_at) FROM affiliate_commission)) AS at`
        )
    const from = first?.at ? floorDay(new Date(first.at)) : null
    if (from && from < to) {
      const inDays = `created_at >= ? AND created_at < ? AND deleted_at IS NULL`
      await knex.raw(`DELETE FROM affiliate_daily_activity WHERE day >= ? AND day < ?`, [from, to])
      await knex.raw(`DELETE FROM affiliate_daily_commission WHERE day >= ? AND day < ?`, [from, to])
      await knex.raw(
        `INSERT INTO affiliate_daily_activity (affiliate_id, day, clicks, orders)
         SELECT affiliate_id, day, SUM(clicks), SUM(orders) FROM (
           SELECT affiliate_id, ${bucketOf("created_at")} AS day, COUNT(*) AS clicks, 0 AS orders
           FROM affiliate_click WHERE ${inDays} GROUP BY 1, 2
           UNION ALL
           SELECT affiliate_id, ${bucketOf("created_at")}, 0, COUNT(*)
           FROM affiliate_order_attribution WHERE outcome = 'credited' AND affiliate_id IS NOT NULL AND ${inDays} GROUP BY 1, 2
         ) parts GROUP BY 1, 2`,
        ["day", from, to, "day", from, to]
      )
      await knex.raw(
        `INSERT INTO affiliate_daily_commission (affiliate_id, day, currency_code, sales, revenue, commission)
         SELECT affiliate_id, ${bucketOf("created_at")}, currency_code, COUNT(*) FILTER (WHERE type = 'sale'),
                COALESCE(SUM(base_amount) FILTER (WHERE type = 'sale'), 0), SUM(amount)
         FROM affiliate_commission WHERE ${COMMISSION_TYPES} AND ${inDays} GROUP BY 1, 2, 3`,
        ["day", from, to]
      )
    }
    await knex.raw(
      `INSERT INTO affiliate_job_cursor (id, position) VALUES (?, ?)
       ON CONFLICT (id) DO UPDATE SET position = GREATEST(affiliate_job_cursor.position, EXCLUDED.position), updated_at = now()`,
      [ACTIVITY_ROLLUP_CURSOR, to]
    )
    return { from: from && from < to ? from : null, to }
  }

  /** Empties the rollup and its mark: the next rollUp derives every day again from the rows. */
  async clearRollup(context: Ctx = {}): Promise<void> {
    const knex = this.knex(context)
    await knex.raw(`SELECT pg_advisory_xact_lock(hashtext('affiliate_activity_rollup'))`)
    await knex.raw(`DELETE FROM affiliate_daily_activity`)
    await knex.raw(`DELETE FROM affiliate_daily_commission`)
    await knex.raw(`DELETE FROM affiliate_job_cursor WHERE id = ?`, [ACTIVITY_ROLLUP_CURSOR])
  }

  /** Splits [from, to) between the rollup and the rows (see Plan). */
  private async plan(from: Date, to: Date, context: Ctx): Promise<Plan> {
    const { rows: [mark] } = await this.knex(context).raw(`SELECT position FROM affiliate_job_cursor WHERE id = ?`, [
      ACTIVITY_ROLLUP_CURSOR,
    ])
    const span = rollupSpan(from, to, mark ? new Date(mark.position) : null)
    if (!span) {
      return { rows: { sql: `created_at >= ? AND created_at < ?`, bindings: [from, to] }, days: null }
    }
    return {
      rows: {
        sql: `((created_at >= ? AND created_at < ?) OR (created_at >= ? AND created_at < ?))`,
        bindings: [from, span.rollFrom, span.rollTo, to],
      },
      days: { from: span.rollFrom, to: span.rollTo },
    }
  }

  /**
   * Per affiliate promotion code used on orders of [from, to): the orders that carried it
   * (credited or not), those without the affiliate's own traffic on the cart (a
   * `code_without_click` outcome, or the signal on a credited receipt) and the distinct
   * visitor hashes that placed them. Many orders from many devices without a click is a code
   * posted on a coupon site. One pass over the period's receipts (created_at index).
   */
  async promotionCodeLeaks(
    { from, to, affiliate_ids, codes, limit }: { from: Date; to: Date; affiliate_ids?: string[]; codes?: string[]; limit: number },
    context: Ctx = {}
  ): Promise<{ code: string; affiliate_id: string; orders: number; orders_without_click: number; visitors: number }[]> {
    const filters: string[] = []
    const bindings: unknown[] = [from, to]
    if (affiliate_ids?.length) {
      filters.push(`AND c->>'affiliate_id' = ANY (?)`)
      bindings.push(affiliate_ids)
    }
    if (codes?.length) {
      filters.push(`AND upper(c->>'reference') = ANY (?)`)
      bindings.push(codes.map((code) => code.toUpperCase()))
    }
    const result = await this.knex(context).raw(
      `SELECT c->>'reference' AS code, c->>'affiliate_id' AS affiliate_id,
              count(*)::int AS orders,
              count(*) FILTER (
                WHERE r.outcome = 'code_without_click'
                   OR (r.affiliate_id = c->>'affiliate_id' AND r.risk->'signals' @> '[{"type": "code_without_click", "triggered": true}]')
              )::int AS orders_without_click,
              count(DISTINCT r.visitor_hash)::int AS visitors
       FROM affiliate_order_attribution r
       CROSS JOIN LATERAL jsonb_array_elements(r.candidates) AS c
       WHERE r.created_at >= ? AND r.created_at < ? AND r.deleted_at IS NULL
         AND c->>'source' = 'code' AND c->>'affiliate_id' IS NOT NULL
         ${filters.join(" ")}
       GROUP BY 1, 2
       ORDER BY orders DESC, code
       LIMIT ?`,
      [...bindings, limit]
    )
    return result.rows
  }
}
