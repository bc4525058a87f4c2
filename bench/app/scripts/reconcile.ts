// `medusa exec ./scripts/reconcile.ts` (run by bench/run.js after scripts/seed.ts).
//
// The reconcile job on a store of BENCH_RECONCILE_ORDERS (100,000) credited orders:
//   - BENCH_RECONCILE_REAL (500) real orders (createOrderWorkflow), each attributed with the
//     subscriber's workflow: a credited receipt and a sale entry;
//   - the rest are copies of those order rows with their receipts and sale entries, plus the
//     rows a real store has beside them (a capture transaction per order, a payment capture
//     per order, an order change for every 10th, a refund for every 20th), all stamped 1 to 90
//     days ago: the tables the job's change scan reads are as big as such a store's;
//   - the job's cursors stand where its previous run (a minute ago) left them;
//   - BENCH_RECONCILE_CHANGED (100) real orders are then canceled with cancelOrderWorkflow.
//     The bench app loads no subscribers: their `order.canceled` is lost.
// Measured: one job run (must find and reverse exactly those orders, reading only them), a
// second run right after (the changes are still in its cursor overlap: read again, nothing
// booked), and a run with nothing changed since its cursor. Writes JSON to $BENCH_RESULT_OUT.
import { ExecArgs } from "@medusajs/framework/types"
import { ContainerRegistrationKeys } from "@medusajs/framework/utils"
import { cancelOrderWorkflow } from "@medusajs/medusa/core-flows"
import reconcileOrdersJob from "../../../src/jobs/reconcile-orders"
import { AFFILIATE_MODULE } from "../../../src/modules/affiliate"
import type AffiliateModuleService from "../../../src/modules/affiliate/service"
import { attributeOrderWorkflow } from "../../../src/workflows/attribution/workflows/attribute-order"
import { RECONCILE_CURSOR, RECONCILE_MONEY_CURSOR } from "../../../src/workflows/reconcile/reconcile-window"
import { reconcileOrdersWorkflow } from "../../../src/workflows/reconcile/workflows/reconcile-orders"
import { stats } from "../../lib/module"
import { benchFiles, createReferredOrders, now, pool } from "./lib/orders"

const MINUTE = 60_000

/** A value for a NOT NULL column without a default, by type: synthetic rows need only be valid. */
function filler(type: string): string {
  if (type === "jsonb" || type === "json") return `'{"value":"0","precision":20}'::jsonb`
  if (type === "boolean") return "false"
  if (["integer", "bigint", "smallint", "numeric", "real", "double precision"].includes(type)) return "0"
  if (type.startsWith("timestamp")) return "now() - interval '30 days'"
  return "'bench'"
}

export default async function reconcileBench({ container }: ExecArgs) {
  const { seed, writeResult } = benchFiles()
  const total = Number(process.env.BENCH_RECONCILE_ORDERS || 100_000)
  const real = Math.min(total, Number(process.env.BENCH_RECONCILE_REAL || 500))
  const changed = Math.min(real, Number(process.env.BENCH_RECONCILE_CHANGED || 100))
  const log = (message: string) => console.log(`[reconcile] ${message}`)
  const pg = container.resolve(ContainerRegistrationKeys.PG_CONNECTION)
  const service = container.resolve<AffiliateModuleService>(AFFILIATE_MODULE)

  // --- The store (not measured) ----------------------------------------------------------
  let t = now()
  const { orderIds } = await createReferredOrders(container, seed, real, log)
  await pool(orderIds, 4, async (id) => {
    await attributeOrderWorkflow(container).run({ input: { order_id: id } })
  })
  log(`${real} real orders created and attributed in ${((now() - t) / 1000).toFixed(1)} s`)

  t = now()
  const columns = async (table: string) =>
    (
      await pg.raw(
        `SELECT column_name AS name, data_type AS type, is_nullable = 'NO' AND column_default IS NULL AS required
         FROM information_schema.columns WHERE table_schema = current_schema() AND table_name = ? ORDER BY ordinal_position`,
        [table]
      )
    ).rows as { name: string; type: string; required: boolean }[]
  const quote = (name: string) => `"${name}"`
  type Raw = (sql: string, bindings?: any[]) => Promise<any>
  /** INSERT ... SELECT of copies of `table`'s rows, with `set` overriding columns (SQL over `src`). */
  const copyRows = async (raw: Raw, table: string, set: Record<string, string>, from: string) => {
    const cols = (await columns(table)).filter((c) => c.name !== "display_id").map((c) => c.name)
    await raw(
      `INSERT INTO ${quote(table)} (${cols.map(quote).join(", ")})
       SELECT ${cols.map((c) => set[c] ?? `src.${quote(c)}`).join(", ")} ${from}`
    )
  }
  /** INSERT ... SELECT of synthetic rows: `set` gives the meaningful columns, the rest get fillers. */
  const fillRows = async (raw: Raw, table: string, set: Record<string, string>, from: string) => {
    const cols = (await columns(table)).filter((c) => set[c.name] || c.required)
    await raw(
      `INSERT INTO ${quote(table)} (${cols.map((c) => quote(c.name)).join(", ")})
       SELECT ${cols.map((c) => set[c.name] ?? filler(c.type)).join(", ")} ${from}`
    )
  }
  const copies = total - real
  const age = `now() - interval '1 day' - (random() * interval '89 days')`
  await pg.transaction(async (trx: any) => {
    const raw: Raw = (sql, bindings = []) => trx.raw(sql, bindings)
    // Scratch database only: synthetic rows skip foreign keys (payment rows of no payment).
    await raw(`SET LOCAL session_replication_role = replica`)
    await raw(
      `CREATE TEMP TABLE bench_copy ON COMMIT DROP AS
       SELECT g.n, s.id AS source_id, 'order_copy' || lpad(g.n::text, 8, '0') AS id, ${age} AS stamp
       FROM generate_series(1, ?) AS g(n)
       JOIN (SELECT id, row_number() OVER (ORDER BY id) - 1 AS k FROM unnest(?::text[]) AS id) s ON s.k = g.n % ?`,
      [copies, orderIds, real]
    )
    const orderFrom = `FROM bench_copy c JOIN "order" src ON src.id = c.source_id`
    await copyRows(raw, "order", { id: "c.id", created_at: "c.stamp", updated_at: "c.stamp" }, orderFrom)
    await copyRows(
      raw,
      "affiliate_order_attribution",
      { id: "'aoa_copy' || c.n", order_id: "c.id", created_at: "c.stamp", updated_at: "c.stamp" },
      `FROM bench_copy c JOIN affiliate_order_attribution src ON src.order_id = c.source_id`
    )
    await copyRows(
      raw,
      "affiliate_commission",
      { id: "'acom_copy' || c.n", order_id: "c.id", idempotency_key: "src.idempotency_key || ':copy' || c.n", created_at: "c.stamp", updated_at: "c.stamp" },
      `FROM bench_copy c JOIN affiliate_commission src ON src.order_id = c.source_id`
    )
    // Every order's rows a real store has beside it. Every order so far (also other parts'
    // in this database) goes back too: the runs must see only the changes made below.
    await raw(`UPDATE "order" SET created_at = ${age}, updated_at = ${age} WHERE id NOT LIKE 'order_copy%'`)
    await raw(`CREATE TEMP TABLE bench_all ON COMMIT DROP AS
      SELECT row_number() OVER () AS n, id, created_at AS stamp FROM "order"`)
    const all = `FROM bench_all a`
    await fillRows(raw, "order_transaction", { id: "'ordtrx_b' || a.n", order_id: "a.id", reference: "'capture'", currency_code: "'usd'", created_at: "a.stamp", updated_at: "a.stamp" }, all)
    await fillRows(raw, "capture", { id: "'capt_b' || a.n", payment_id: "'pay_bench'", created_at: "a.stamp", updated_at: "a.stamp" }, all)
    await fillRows(raw, "order_change", { id: "'ordch_b' || a.n", order_id: "a.id", status: "'confirmed'", created_at: "a.stamp", updated_at: "a.stamp" }, `${all} WHERE a.n % 10 = 0`)
    await fillRows(raw, "refund", { id: "'ref_b' || a.n", payment_id: "'pay_bench'", created_at: "a.stamp", updated_at: "a.stamp" }, `${all} WHERE a.n % 20 = 0`)
  })
  await pg.raw(`VACUUM ANALYZE "order", order_transaction, capture, order_change, refund, affiliate_order_attribution, affiliate_commission`)
  const sizes = (
    await pg.raw(`SELECT
      (SELECT count(*)::int FROM "order") AS orders,
      (SELECT count(*)::int FROM affiliate_order_attribution WHERE outcome = 'credited') AS credited_receipts,
      (SELECT count(*)::int FROM affiliate_commission) AS ledger_entries,
      (SELECT count(*)::int FROM order_transaction) AS order_transactions,
      (SELECT count(*)::int FROM capture) AS captures,
      (SELECT count(*)::int FROM order_change) AS order_changes,
      (SELECT count(*)::int FROM refund) AS refunds`)
  ).rows[0]
  log(`store of ${sizes.orders} orders (${sizes.credited_receipts} credited) built in ${((now() - t) / 1000).toFixed(1)} s`)

  // The previous run, a minute ago.
  const previousRun = new Date(Date.now() - MINUTE)
  await service.advanceJobCursor(RECONCILE_CURSOR, new Date(previousRun.getTime() - 10 * MINUTE))
  await service.advanceJobCursor(RECONCILE_MONEY_CURSOR, previousRun)

  // --- The changes whose events are lost --------------------------------------------------
  const canceled = orderIds.slice(0, changed)
  await pool(canceled, 4, async (id) => {
    await cancelOrderWorkflow(container).run({ input: { order_id: id } })
  })
  log(`${changed} orders canceled (no subscriber: their order.canceled is lost)`)

  // --- Measured runs -----------------------------------------------------------------------
  const measure = async (name: string, startedAt?: Date) => {
    const cpu = process.cpuUsage()
    const t0 = now()
    const result = startedAt
      ? (await reconcileOrdersWorkflow(container).run({ input: { started_at: startedAt } })).result
      : await reconcileOrdersJob(container)
    const ms = now() - t0
    const used = process.cpuUsage(cpu)
    log(`${name}: ${ms.toFixed(0)} ms, ${JSON.stringify(result)}`)
    return { ms, node_cpu_ms: (used.user + used.system) / 1000, result }
  }
  const changedRun = await measure("run after the cancels")
  const againRun = await measure("run right after (changes still in the cursor overlap)")

  // Nothing changed since the cursor: the next runs, half an hour on, 5 times.
  const later = new Date(Date.now() + 30 * MINUTE)
  await service.advanceJobCursor(RECONCILE_CURSOR, new Date(later.getTime() - 25 * MINUTE))
  await service.advanceJobCursor(RECONCILE_MONEY_CURSOR, new Date(later.getTime() - 15 * MINUTE))
  const idle: Awaited<ReturnType<typeof measure>>[] = []
  for (let i = 0; i < 5; i++) {
    idle.push(await measure(`run with nothing changed (${i + 1}/5)`, later))
  }

  const reversals = (
    await pg.raw(
      `SELECT count(DISTINCT order_id)::int AS orders, count(*)::int AS entries, sum(amount)::float AS amount
       FROM affiliate_commission WHERE type = 'reversal'`
    )
  ).rows[0]
  const canceledSales = (
    await pg.raw(`SELECT sum(amount)::float AS amount FROM affiliate_commission WHERE type = 'sale' AND order_id = ANY(?)`, [canceled])
  ).rows[0]
  writeResult({
    store: { ...sizes, real_orders: real, changed_orders: changed },
    changed_run: changedRun,
    again_run: againRun,
    idle_runs: { ...stats(idle.map((r) => r.ms)), runs: idle },
    checks: { reversed_orders: reversals.orders, reversal_entries: reversals.entries, reversed: reversals.amount, canceled_sales: canceledSales.amount },
  })
}
