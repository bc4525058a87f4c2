// `medusa exec ./scripts/attribution.ts` (run by bench/run.js after scripts/seed.ts).
//
// Creates BENCH_ORDERS real orders (createOrderWorkflow, each with a customer, lines of seeded
// products and a referral code in metadata, as the storefront's cart referral leaves it), then
//   0. baseline: Medusa's own read of each order, as GET /store/orders/:id makes it
//      (getOrderDetailWorkflow with the store's default fields), sequentially;
//   1. `attributeOrderWorkflow(container).run({ input: { order_id } })` per order, sequentially;
//   2. the attribution tables emptied (TRUNCATE, scratch database only) and every order
//      attributed again for the first time with 4 at a time;
//   3. every order re-run with 4 at a time: must book nothing new.
// The bench app loads no subscribers, so nothing attributes the orders behind our back.
// Per-step times come from the workflow transaction's step start stamps (ms resolution).
// Writes the figures as JSON to $BENCH_RESULT_OUT.
import { ExecArgs } from "@medusajs/framework/types"
import { ContainerRegistrationKeys } from "@medusajs/framework/utils"
import { getOrderDetailWorkflow } from "@medusajs/medusa/core-flows"
import { defaultStoreRetrieveOrderFields } from "@medusajs/medusa/api/store/orders/query-config"
import { attributeOrderWorkflow } from "../../../src/workflows/attribution/workflows/attribute-order"
import { stats } from "../../lib/module"
import { benchFiles, createReferredOrders, now, pool } from "./lib/orders"

type Sample = { order_id: string; ms: number; created: boolean; entries_created: number; steps: Record<string, number> }

const cpuMs = (since: NodeJS.CpuUsage) => {
  const used = process.cpuUsage(since)
  return (used.user + used.system) / 1000
}

function summarize(samples: Sample[], wallMs: number, cpuMs: number) {
  const names = [...new Set(samples.flatMap((s) => Object.keys(s.steps)))]
  return {
    ...stats(samples.map((s) => s.ms)),
    wall_ms: wallMs,
    orders_per_s: samples.length / (wallMs / 1000),
    node_cpu_ms_per_order: cpuMs / samples.length,
    created: samples.filter((s) => s.created).length,
    entries_created: samples.reduce((a, s) => a + s.entries_created, 0),
    steps: Object.fromEntries(names.map((n) => [n, stats(samples.map((s) => s.steps[n] ?? 0))])),
  }
}

/** Step durations from the transaction's step start stamps: each step ends when the next starts. */
function stepTimes(transaction: any, startedAt: number, endedAt: number): Record<string, number> {
  const steps = Object.values(transaction?.getFlow?.()?.steps ?? {}) as any[]
  const started = steps
    .filter((s) => s?.id && s.id !== "_root" && s.startedAt)
    .map((s) => ({ name: String(s.id).split(".").pop() as string, at: s.startedAt as number }))
    .sort((a, b) => a.at - b.at)
  const out: Record<string, number> = {}
  started.forEach((s, i) => {
    const end = i + 1 < started.length ? started[i + 1].at : endedAt
    out[s.name] = (out[s.name] ?? 0) + Math.max(0, end - s.at)
  })
  if (started.length) {
    out["(workflow setup before first step)"] = Math.max(0, started[0].at - startedAt)
  }
  return out
}

async function attribute(container: ExecArgs["container"], orderId: string): Promise<Sample> {
  const wallStart = Date.now()
  const t0 = now()
  const { result, transaction } = await attributeOrderWorkflow(container).run({ input: { order_id: orderId } })
  const ms = now() - t0
  const entriesCreated = (result.entries ?? []).filter((e: any) => e.created).length
  return {
    order_id: orderId,
    ms,
    created: result.created,
    entries_created: entriesCreated,
    steps: stepTimes(transaction, wallStart, Date.now()),
  }
}

export default async function attributionBench({ container }: ExecArgs) {
  const { seed, writeResult } = benchFiles()
  const count = Number(process.env.BENCH_ORDERS || 1000)
  const log = (message: string) => console.log(`[attribution] ${message}`)
  const pg = container.resolve(ContainerRegistrationKeys.PG_CONNECTION)

  // --- Orders (not measured) -----------------------------------------------------------
  let t = now()
  // WARMUP extra orders are attributed first, outside the measurement (module and workflow
  // code paths, JIT), then emptied with the tables.
  const WARMUP = 20
  const total = count + WARMUP
  const { orderIds: allOrderIds, wallMs: createWall } = await createReferredOrders(container, seed, total, log)
  log(`created ${total} customers and orders (${WARMUP} for warm-up) in ${((now() - t) / 1000).toFixed(1)} s`)
  const orderIds = allOrderIds.slice(WARMUP)
  for (const id of allOrderIds.slice(0, WARMUP)) {
    await attribute(container, id)
  }
  const reset = async () => {
    // Scratch database only: TRUNCATE bypasses the ledger's row trigger (which refuses DELETE).
    await pg.raw("TRUNCATE affiliate_commission, affiliate_order_attribution, affiliate_attribution")
  }
  await reset()

  // --- 0. Baseline: Medusa's own order read -------------------------------------------
  const readOrder = (id: string) =>
    getOrderDetailWorkflow(container).run({
      input: { order_id: id, fields: defaultStoreRetrieveOrderFields, filters: { is_draft_order: false } } as any,
    })
  for (const id of allOrderIds.slice(0, WARMUP)) await readOrder(id)
  const reads: number[] = []
  let cpu = process.cpuUsage()
  t = now()
  for (const id of orderIds) {
    const t0 = now()
    await readOrder(id)
    reads.push(now() - t0)
  }
  const orderRead = { ...stats(reads), wall_ms: now() - t, node_cpu_ms_per_order: cpuMs(cpu) / count }
  log(`baseline, Medusa's order read: p50 ${orderRead.p50} / p95 ${orderRead.p95} ms`)

  // --- 1. Sequential, first time -------------------------------------------------------
  const sequential: Sample[] = []
  cpu = process.cpuUsage()
  t = now()
  for (const id of orderIds) {
    sequential.push(await attribute(container, id))
  }
  const sequentialWall = now() - t
  const sequentialCpu = cpuMs(cpu)
  log(`sequential: ${count} orders in ${(sequentialWall / 1000).toFixed(1)} s`)
  const afterSequential = await counts(pg)

  // --- 2. Concurrency 4, first time (same orders, attribution tables emptied) -----------
  await reset()
  const concurrent: Sample[] = new Array(count)
  cpu = process.cpuUsage()
  const concurrentWall = await pool(orderIds, 4, async (id, i) => {
    concurrent[i] = await attribute(container, id)
  })
  const concurrentCpu = cpuMs(cpu)
  log(`concurrency 4: ${count} orders in ${(concurrentWall / 1000).toFixed(1)} s`)

  // --- 3. Concurrency 4, second pass: every order again ---------------------------------
  const rerun: Sample[] = new Array(count)
  cpu = process.cpuUsage()
  const rerunWall = await pool(orderIds, 4, async (id, i) => {
    rerun[i] = await attribute(container, id)
  })
  const rerunCpu = cpuMs(cpu)
  log(`concurrency 4, re-run: ${count} orders in ${(rerunWall / 1000).toFixed(1)} s`)

  const result = {
    orders: count,
    create_orders_wall_ms: createWall,
    order_read: orderRead,
    sequential: summarize(sequential, sequentialWall, sequentialCpu),
    concurrent: summarize(concurrent, concurrentWall, concurrentCpu),
    rerun: summarize(rerun, rerunWall, rerunCpu),
    checks: { after_sequential: afterSequential, final: await counts(pg) },
  }
  writeResult(result)
}

/** What the ledger and the receipts hold, and any order booked twice. */
async function counts(pg: any) {
  const dupes = (table: string, column: string, where = "") =>
    `(SELECT count(*)::int FROM (SELECT ${column} FROM ${table} ${where} GROUP BY ${column} HAVING count(*) > 1) d)`
  const { rows } = await pg.raw(
    `SELECT (SELECT count(*)::int FROM affiliate_commission WHERE type = 'sale') AS sale_entries,
            (SELECT count(*)::int FROM affiliate_commission) AS all_entries,
            (SELECT count(*)::int FROM affiliate_order_attribution) AS receipts,
            (SELECT count(*)::int FROM affiliate_order_attribution WHERE outcome = 'credited') AS credited_receipts,
            ${dupes("affiliate_commission", "order_id", "WHERE type = 'sale'")} AS duplicate_sale_orders,
            ${dupes("affiliate_commission", "idempotency_key")} AS duplicate_idempotency_keys,
            ${dupes("affiliate_order_attribution", "order_id")} AS duplicate_receipts`
  )
  return rows[0]
}
