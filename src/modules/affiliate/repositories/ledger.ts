import { Context } from "@medusajs/framework/types"
import { generateEntityId } from "@medusajs/framework/utils"
import { EntityManager } from "@medusajs/framework/mikro-orm/knex"
import { BalanceRow } from "../domain/balances"
import { PreparedLedgerEntry } from "../domain/ledger-entry"
import { StatementSums } from "../domain/statement"
import { LEDGER_ENTRY_MOVES } from "../domain/status-transitions"
import { SqlRepository } from "../database/sql-repository"
import { LEDGER_INSERT_COLUMNS } from "../database/ledger-schema"
import { json, rawBigNumber } from "../database/values"

type Ctx = Context<EntityManager>

type AffiliateCounts = { affiliate_id: string; count: number }[]

/**
 * Whether an entry's order has a sale held for review by its affiliate. The partial index
 * on required reviews keeps this an index probe of a small set.
 */
const UNDER_REVIEW = (entry: string) =>
  `EXISTS (SELECT 1 FROM affiliate_commission_review r
           WHERE r.status = 'required' AND r.deleted_at IS NULL
             AND r.order_id = ${entry}.order_id AND r.affiliate_id = ${entry}.affiliate_id)`


/** The commission ledger's SQL: appends, the release of held entries, balances and statement sums. */
export class LedgerRepository extends SqlRepository {
  /**
   * Inserts the entries whose idempotency key is new (one INSERT ... ON CONFLICT DO NOTHING,
   * so concurrent appends of one key also yield one row); returns the ids of the entries
   * inserted by their key.
   */
  async append(entries: PreparedLedgerEntry[], context: Ctx = {}): Promise<Map<string, string>> {
    const values = entries.map((e) => {
      const row: Record<(typeof LEDGER_INSERT_COLUMNS)[number], unknown> = {
        id: generateEntityId(undefined, "afcom"),
        affiliate_id: e.affiliate_id,
        type: e.type,
        amount: e.amount,
        raw_amount: rawBigNumber(e.amount),
        currency_code: e.currency_code,
        rate: e.rate,
        raw_rate: rawBigNumber(e.rate),
        base_amount: e.base_amount,
        raw_base_amount: rawBigNumber(e.base_amount),
        order_id: e.order_id,
        lines: json(e.lines),
        hold: json(e.hold),
        status: e.status,
        available_at: e.available_at,
        idempotency_key: e.idempotency_key,
        reference: e.reference,
        reference_id: e.reference_id,
        note: e.note,
        created_by: e.created_by,
        metadata: json(e.metadata),
      }
      return LEDGER_INSERT_COLUMNS.map((c) => row[c])
    })
    const placeholders = values.map(() => `(${LEDGER_INSERT_COLUMNS.map(() => "?").join(", ")})`).join(", ")
    const inserted = await this.knex(context).raw(
      `INSERT INTO affiliate_commission (${LEDGER_INSERT_COLUMNS.join(", ")})
       VALUES ${placeholders}
       ON CONFLICT (idempotency_key) WHERE deleted_at IS NULL DO NOTHING
       RETURNING id, idempotency_key`,
      values.flat()
    )
    return new Map<string, string>(inserted.rows.map((r: { id: string; idempotency_key: string }) => [r.idempotency_key, r.id]))
  }

  /**
   * Releases due held entries, set-based in batches of `batchSize`, each batch its own short
   * statement. SKIP LOCKED lets two runs share the work without waiting; a crashed run leaves
   * whole batches done or untouched. Only counts per affiliate come back. Entries of an order
   * whose sale is held for review wait (UNDER_REVIEW): the sale, and a reversal held with it.
   */
  async releaseDue(
    { now, batchSize }: { now: Date; batchSize: number },
    context: Ctx = {}
  ): Promise<{ released: number; batches: number; by_affiliate: { affiliate_id: string; count: number }[] }> {
    const { from, to } = LEDGER_ENTRY_MOVES.release
    const knex = this.knex(context)
    const counts = new Map<string, number>()
    let released = 0
    let batches = 0
    for (;;) {
      const result = await knex.raw(
        // id = ANY(ARRAY(...)) leaves the planner no join to pick: a hash join back to the
        // ledger would read the whole table per batch (bench/release, BENCHMARKS.md).
        `WITH released AS (
           UPDATE affiliate_commission AS c
           SET status = ?, released_at = ?, updated_at = ?
           WHERE c.id = ANY (ARRAY(
             SELECT id FROM affiliate_commission
             WHERE status = ? AND available_at <= ? AND deleted_at IS NULL
               AND NOT ${UNDER_REVIEW("affiliate_commission")}
             ORDER BY available_at
             LIMIT ?
             FOR UPDATE SKIP LOCKED
           ))
           RETURNING c.affiliate_id
         )
         SELECT affiliate_id, count(*)::int AS count FROM released GROUP BY affiliate_id`,
        [to, now, now, from, now, batchSize]
      )
      const rows: AffiliateCounts = result.rows
      const batchCount = rows.reduce((sum, r) => sum + r.count, 0)
      if (!batchCount) {
        break
      }
      batches++
      released += batchCount
      rows.forEach((r) => counts.set(r.affiliate_id, (counts.get(r.affiliate_id) ?? 0) + r.count))
      if (batchCount < batchSize) {
        break
      }
    }
    return { released, batches, by_affiliate: [...counts].map(([affiliate_id, count]) => ({ affiliate_id, count })) }
  }

  /**
   * Releases the due held entries of the given orders (an admin's review decision lets them
   * go at once instead of at the release job's next run). The row locks of the UPDATE and
   * the job's SKIP LOCKED mean an entry is released by one of them only.
   */
  async releaseOrdersDue(
    orders: { order_id: string; affiliate_id: string }[],
    now: Date,
    context: Ctx
  ): Promise<AffiliateCounts> {
    if (!orders.length) {
      return []
    }
    const { from, to } = LEDGER_ENTRY_MOVES.release
    const result = await this.knex(context).raw(
      `WITH released AS (
         UPDATE affiliate_commission AS c
         SET status = ?, released_at = ?, updated_at = ?
         FROM jsonb_to_recordset(?::jsonb) AS o(order_id text, affiliate_id text)
         WHERE c.order_id = o.order_id AND c.affiliate_id = o.affiliate_id
           AND c.status = ? AND c.available_at <= ? AND c.deleted_at IS NULL
           AND NOT ${UNDER_REVIEW("c")}
         RETURNING c.affiliate_id
       )
       SELECT affiliate_id, count(*)::int AS count FROM released GROUP BY affiliate_id`,
      [to, now, now, JSON.stringify(orders), from, now]
    )
    return result.rows
  }

  /** What an order has booked for an affiliate: the sum of its sale and corrections (adjustments aside). */
  async orderBooked({ order_id, affiliate_id }: { order_id: string; affiliate_id: string }, context: Ctx): Promise<string> {
    const result = await this.knex(context).raw(
      `SELECT COALESCE(SUM(amount), 0)::text AS booked FROM affiliate_commission
       WHERE order_id = ? AND affiliate_id = ? AND type <> 'adjustment' AND deleted_at IS NULL`,
      [order_id, affiliate_id]
    )
    return result.rows[0].booked
  }

  /** Sums per affiliate, currency and status: what balances are derived from. */
  async balanceRows(affiliateIds: string[], context: Ctx = {}): Promise<(BalanceRow & { affiliate_id: string })[]> {
    return await this.knex(context)("affiliate_commission")
      .select("affiliate_id", "currency_code", "status")
      .sum({ total: "amount" })
      .whereIn("affiliate_id", affiliateIds)
      .whereNull("deleted_at")
      .groupBy("affiliate_id", "currency_code", "status")
  }

  /** Opening and closing unpaid balances of [from, to) and what moved between, in one aggregate. */
  async statementSums(
    { affiliate_id, currency_code, from, to }: { affiliate_id: string; currency_code: string; from: Date; to: Date },
    context: Ctx = {}
  ): Promise<StatementSums> {
    const knex = this.knex(context)
    const sum = (condition: string, bindings: unknown[] = []) =>
      knex.raw(`COALESCE(SUM(amount) FILTER (WHERE ${condition}), 0)`, bindings)
    const inPeriod = "created_at >= ? AND created_at < ?"
    const [sums] = await knex("affiliate_commission")
      .select({
        created_before_from: sum("created_at < ?", [from]),
        paid_before_from: sum("paid_at < ?", [from]),
        sales: sum(`type = 'sale' AND ${inPeriod}`, [from, to]),
        reversals: sum(`type = 'reversal' AND ${inPeriod}`, [from, to]),
        clawbacks: sum(`type = 'clawback' AND ${inPeriod}`, [from, to]),
        adjustments: sum(`type = 'adjustment' AND ${inPeriod}`, [from, to]),
        paid_in_period: sum("paid_at >= ? AND paid_at < ?", [from, to]),
        created_before_to: sum("created_at < ?", [to]),
        paid_before_to: sum("paid_at < ?", [to]),
      })
      .where({ affiliate_id, currency_code })
      .whereNull("deleted_at")
    return sums
  }
}
