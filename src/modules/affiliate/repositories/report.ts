import { Context } from "@medusajs/framework/types"
import { EntityManager } from "@medusajs/framework/mikro-orm/knex"
import { ReportInterval } from "../domain/report-series"
import { SqlRepository } from "../database/sql-repository"

type Ctx = Context<EntityManager>

type Range = { affiliate_id?: string; from: Date; to: Date }

/** Reports' SQL: per-interval counts and sums over clicks, receipts and the ledger. */
export class ReportRepository extends SqlRepository {
  /** The buckets of [from, to) and what each holds, from three indexed aggregates. */
  async activity({ affiliate_id, from, to, interval }: Range & { interval: ReportInterval }, context: Ctx = {}) {
    const knex = this.knex(context)
    const bucket = knex.raw("date_trunc(?, created_at AT TIME ZONE 'UTC') AT TIME ZONE 'UTC'", [interval])
    const scoped = (table: string) => {
      const q = knex(table).where("created_at", ">=", from).andWhere("created_at", "<", to).whereNull("deleted_at")
      return affiliate_id ? q.andWhere({ affiliate_id }) : q
    }
    const [buckets, clicks, orders, money] = await Promise.all([
      knex.raw(
        `SELECT generate_series(
           date_trunc(?, ?::timestamptz AT TIME ZONE 'UTC'),
           date_trunc(?, (?::timestamptz - interval '1 microsecond') AT TIME ZONE 'UTC'),
           ('1 ' || ?)::interval
         ) AT TIME ZONE 'UTC' AS bucket`,
        [interval, from, interval, to, interval]
      ),
      scoped("affiliate_click").select({ bucket }).count({ count: "*" }).groupBy(1),
      scoped("affiliate_order_attribution").where({ outcome: "credited" }).select({ bucket }).count({ count: "*" }).groupBy(1),
      scoped("affiliate_commission")
        .whereIn("type", ["sale", "reversal", "clawback"])
        .select({ bucket }, "currency_code")
        .select(
          knex.raw("COALESCE(SUM(base_amount) FILTER (WHERE type = 'sale'), 0) AS revenue"),
          knex.raw("SUM(amount) AS commission")
        )
        .groupBy(1, "currency_code"),
    ])
    return { buckets: buckets.rows.map((r: { bucket: Date }) => r.bucket), clicks, orders, money }
  }

  /** Commission and credited orders of [from, to) per affiliate and currency, the largest first. */
  async topAffiliates({ from, to, limit }: Range & { limit: number }, context: Ctx = {}) {
    const knex = this.knex(context)
    return await knex("affiliate_commission as c")
      .join("affiliate as a", "a.id", "c.affiliate_id")
      .select("c.affiliate_id", "a.code", "a.name", "c.currency_code")
      .select(
        knex.raw("SUM(c.amount) AS commission"),
        knex.raw("COUNT(DISTINCT c.order_id) FILTER (WHERE c.type = 'sale')::int AS orders")
      )
      .where("c.created_at", ">=", from)
      .andWhere("c.created_at", "<", to)
      .whereIn("c.type", ["sale", "reversal", "clawback"])
      .whereNull("c.deleted_at")
      .groupBy("c.affiliate_id", "a.code", "a.name", "c.currency_code")
      .orderByRaw("SUM(c.amount) DESC")
      .limit(limit)
  }
}
