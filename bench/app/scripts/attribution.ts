// `medusa exec ./scripts/attribution.ts` (run by bench/run.js after scripts/seed.ts).
//
// Creates BENCH_ORDERS real orders (createOrderWorkflow, each with a customer, lines of seeded
// products and a referral code in metadata, as the storefront's cart referral leaves it), then
// times `attributeOrderWorkflow(container).run({ input: { order_id } })` per order:
//   1. sequentially, every order attributed for the first time;
//   2. the attribution tables are emptied (TRUNCATE, scratch database only) and every order
//      is attributed again for the first time with 4 at a time;
//   3. every order is re-run with 4 at a time: must book nothing new.
// The bench app loads no subscribers, so nothing attributes the orders behind our back.
// Per-step times come from the workflow transaction's step start stamps (ms resolution).
// Writes the figures as JSON to $BENCH_RESULT_OUT.
import fs from "fs"
import { ExecArgs } from "@medusajs/framework/types"
import { ContainerRegistrationKeys } from "@medusajs/framework/utils"
import { createCustomersWorkflow, createOrderWorkflow } from "@medusajs/medusa/core-flows"
import { attributeOrderWorkflow } from "../../../src/workflows/attribution/workflows/attribute-order"
import { AFFILIATE_MODULE } from "../../../src/modules/affiliate"
import { proposedAttributeOrderWorkflow } from "./proposed-attribution"
import type AffiliateModuleService from "../../../src/modules/affiliate/service"

type Seed = {
  regionId: string
  salesChannelId: string
  variants: { id: string; product_id: string; title: string; price: number }[]
  attributionAffiliates: { id: string; code: string }[]
}

type Sample = { order_id: string; ms: number; created: boolean; entries_created: number; steps: Record<string, number> }

const now = () => Number(process.hrtime.bigint()) / 1e6
const cpuMs = (since: NodeJS.CpuUsage) => {
  const used = process.cpuUsage(since)
  return (used.user + used.system) / 1000
}

function percentile(sorted: number[], p: number) {
  if (!sorted.length) return NaN
  const rank = Math.ceil((p / 100) * sorted.length) - 1
  return sorted[Math.min(sorted.length - 1, Math.max(0, rank))]
}

function summarize(samples: Sample[], wallMs: number, cpuMs: number) {
  const ms = samples.map((s) => s.ms).sort((a, b) => a - b)
  const mean = ms.reduce((a, b) => a + b, 0) / (ms.length || 1)
  const steps: Record<string, { mean: number; p95: number }> = {}
  const names = [...new Set(samples.flatMap((s) => Object.keys(s.steps)))]
  for (const name of names) {
    const values = samples.map((s) => s.steps[name] ?? 0).sort((a, b) => a - b)
    steps[name] = {
      mean: values.reduce((a, b) => a + b, 0) / values.length,
      p95: percentile(values, 95),
    }
  }
  return {
    orders: samples.length,
    wall_ms: wallMs,
    orders_per_s: samples.length / (wallMs / 1000),
    node_cpu_ms_per_order: cpuMs / samples.length,
    p50: percentile(ms, 50),
    p95: percentile(ms, 95),
    p99: percentile(ms, 99),
    max: ms[ms.length - 1],
    mean,
    created: samples.filter((s) => s.created).length,
    entries_created: samples.reduce((a, s) => a + s.entries_created, 0),
    steps,
  }
}

/** Runs `fn` over `items` with `concurrency` workers; returns the wall time in ms. */
async function pool<T>(items: T[], concurrency: number, fn: (item: T, index: number) => Promise<void>) {
  let next = 0
  const started = now()
  await Promise.all(
    Array.from({ length: concurrency }, async () => {
      for (;;) {
        const i = next++
        if (i >= items.length) return
        await fn(items[i], i)
      }
    })
  )
  return now() - started
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

async function attribute(
  container: ExecArgs["container"],
  orderId: string,
  workflow: typeof attributeOrderWorkflow = attributeOrderWorkflow
): Promise<Sample> {
  const wallStart = Date.now()
  const t0 = now()
  const { result, transaction } = await workflow(container).run({ input: { order_id: orderId } })
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
  const seedPath = process.env.BENCH_SEED_IN
  const out = process.env.BENCH_RESULT_OUT
  if (!seedPath || !out) {
    throw new Error("BENCH_SEED_IN and BENCH_RESULT_OUT must be set")
  }
  const seed: Seed = JSON.parse(fs.readFileSync(seedPath, "utf8"))
  const count = Number(process.env.BENCH_ORDERS || 1000)
  const log = (message: string) => console.log(`[attribution] ${message}`)
  const pg = container.resolve(ContainerRegistrationKeys.PG_CONNECTION)

  // --- Orders (not measured) -----------------------------------------------------------
  const run = Date.now().toString(36)
  let t = now()
  // WARMUP extra orders are attributed first, outside the measurement (module and workflow
  // code paths, JIT), then emptied with the tables.
  const WARMUP = 20
  const total = count + WARMUP
  const customerIds: string[] = []
  for (let offset = 0; offset < total; offset += 200) {
    const { result } = await createCustomersWorkflow(container).run({
      input: {
        customersData: Array.from({ length: Math.min(200, total - offset) }, (_, i) => ({
          email: `bench-buyer-${run}-${offset + i}@bench.test`,
          first_name: `Buyer${offset + i}`,
        })),
      },
    })
    customerIds.push(...result.map((c: any) => c.id))
  }
  const allOrderIds: string[] = new Array(total)
  const [shirt, mug, hat] = seed.variants
  const createWall = await pool(
    Array.from({ length: total }, (_, i) => i),
    4,
    async (i) => {
      const affiliate = seed.attributionAffiliates[i % seed.attributionAffiliates.length]
      const items = [
        { variant_id: shirt.id, quantity: 1 + (i % 2), unit_price: shirt.price, title: shirt.title },
        ...(i % 3 === 0 ? [{ variant_id: hat.id, quantity: 1, unit_price: hat.price, title: hat.title }] : []),
        ...(i % 4 === 0 ? [{ variant_id: mug.id, quantity: 2, unit_price: mug.price, title: mug.title }] : []),
      ]
      const { result } = await createOrderWorkflow(container).run({
        input: {
          region_id: seed.regionId,
          sales_channel_id: seed.salesChannelId,
          customer_id: customerIds[i],
          email: `bench-buyer-${run}-${i}@bench.test`,
          currency_code: "usd",
          items,
          shipping_address: {
            first_name: "Bench",
            last_name: "Buyer",
            address_1: "2 Side St",
            city: "New York",
            postal_code: "10001",
            country_code: "us",
          },
          metadata: { affiliate_code: affiliate.code.toLowerCase() },
        } as any,
      })
      allOrderIds[i] = result.id
      if ((i + 1) % 250 === 0) log(`created ${i + 1}/${total} orders`)
    }
  )
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

  // --- 1. Sequential, first time -------------------------------------------------------
  const sequential: Sample[] = []
  let cpu = process.cpuUsage()
  t = now()
  for (const id of orderIds) {
    sequential.push(await attribute(container, id))
  }
  const sequentialWall = now() - t
  const sequentialCpu = cpuMs(cpu)
  log(`sequential: ${count} orders in ${(sequentialWall / 1000).toFixed(1)} s`)
  const afterSequential = await counts(pg)
  const booked = await snapshot(pg)

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
  const final = await counts(pg)

  // --- 4. A/B: the real workflow and the proposed one (proposed-attribution.ts), interleaved --
  // Tables emptied again; order i goes to the real workflow when i is even, to the proposed
  // one when odd, so both meet the same machine load. Together they must book exactly what
  // the real workflow booked in pass 1. Then the same alternation for a sequential re-run.
  const proposedWorkflow = proposedAttributeOrderWorkflow as unknown as typeof attributeOrderWorkflow
  await reset()
  for (const id of allOrderIds.slice(0, WARMUP)) {
    await attribute(container, id, proposedWorkflow)
  }
  await reset()
  const ab = async () => {
    const real: Sample[] = []
    const proposed: Sample[] = []
    const cpu = { real: 0, proposed: 0 }
    for (let i = 0; i < orderIds.length; i++) {
      const isReal = i % 2 === 0
      const since = process.cpuUsage()
      const sample = await attribute(container, orderIds[i], isReal ? attributeOrderWorkflow : proposedWorkflow)
      cpu[isReal ? "real" : "proposed"] += cpuMs(since)
      ;(isReal ? real : proposed).push(sample)
    }
    const wall = (samples: Sample[]) => samples.reduce((a, x) => a + x.ms, 0)
    return {
      real: summarize(real, wall(real), cpu.real),
      proposed: summarize(proposed, wall(proposed), cpu.proposed),
    }
  }
  const abFirst = await ab()
  const proposedSame = JSON.stringify(await snapshot(pg)) === JSON.stringify(booked)
  log(
    `A/B first time: real p50 ${abFirst.real.p50.toFixed(1)} / p95 ${abFirst.real.p95.toFixed(1)} ms, ` +
      `proposed p50 ${abFirst.proposed.p50.toFixed(1)} / p95 ${abFirst.proposed.p95.toFixed(1)} ms; same bookings as pass 1: ${proposedSame}`
  )
  const abRerun = await ab()
  log(
    `A/B re-run: real p50 ${abRerun.real.p50.toFixed(1)} ms, proposed p50 ${abRerun.proposed.p50.toFixed(1)} ms`
  )
  const proposedFinal = await counts(pg)

  const result = {
    orders: count,
    create_orders_wall_ms: createWall,
    sequential: summarize(sequential, sequentialWall, sequentialCpu),
    concurrent: summarize(concurrent, concurrentWall, concurrentCpu),
    rerun: summarize(rerun, rerunWall, rerunCpu),
    ab: {
      first: abFirst,
      rerun: abRerun,
      same_bookings_as_real_workflow: proposedSame,
      checks: proposedFinal,
    },
    profile: await profile(container, orderIds.slice(0, Math.min(100, count)), log),
    checks: { after_sequential: afterSequential, final },
  }
  fs.writeFileSync(out, JSON.stringify(result, null, 2))
}

/** What was booked, per order, minus generated ids and timestamps: to compare two passes. */
async function snapshot(pg: any) {
  const entries = await pg.raw(
    `SELECT order_id, affiliate_id, type, amount::text, rate::text, base_amount::text, currency_code, lines, status,
            available_at, idempotency_key, reference, reference_id
     FROM affiliate_commission ORDER BY order_id, idempotency_key`
  )
  const receipts = await pg.raw(
    `SELECT order_id, customer_id, affiliate_id, outcome, source, reason, candidates, currency_code
     FROM affiliate_order_attribution ORDER BY order_id`
  )
  const attributions = await pg.raw(
    `SELECT customer_id, affiliate_id, source, click_id, promotion_code, order_id, expires_at
     FROM affiliate_attribution ORDER BY customer_id`
  )
  return { entries: entries.rows, receipts: receipts.rows, attributions: attributions.rows }
}

async function counts(pg: any) {
  const one = async (sql: string) => Number((await pg.raw(sql)).rows[0].n)
  return {
    sale_entries: await one(`SELECT count(*) AS n FROM affiliate_commission WHERE type = 'sale'`),
    all_entries: await one(`SELECT count(*) AS n FROM affiliate_commission`),
    receipts: await one(`SELECT count(*) AS n FROM affiliate_order_attribution`),
    credited_receipts: await one(`SELECT count(*) AS n FROM affiliate_order_attribution WHERE outcome = 'credited'`),
    duplicate_sale_orders: await one(
      `SELECT count(*) AS n FROM (SELECT order_id FROM affiliate_commission WHERE type = 'sale'
         GROUP BY order_id HAVING count(*) > 1) d`
    ),
    duplicate_idempotency_keys: await one(
      `SELECT count(*) AS n FROM (SELECT idempotency_key FROM affiliate_commission
         GROUP BY idempotency_key HAVING count(*) > 1) d`
    ),
    duplicate_receipts: await one(
      `SELECT count(*) AS n FROM (SELECT order_id FROM affiliate_order_attribution
         GROUP BY order_id HAVING count(*) > 1) d`
    ),
  }
}

/**
 * What the load step's reads cost one by one, on a sample of the orders (sequential, after
 * the passes). The order query's fields are a copy of load-attribution-facts.ts's.
 */
async function profile(container: ExecArgs["container"], orderIds: string[], log: (m: string) => void) {
  const query = container.resolve(ContainerRegistrationKeys.QUERY)
  const affiliates = container.resolve<AffiliateModuleService>(AFFILIATE_MODULE)
  const totalsFields = ["shipping_total", "items.subtotal", "items.discount_subtotal", "items.total"]
  const stepFields = [
    "id",
    "customer_id",
    "email",
    "currency_code",
    "created_at",
    "metadata",
    "shipping_total",
    "promotions.id",
    "promotions.code",
    "items.id",
    "items.quantity",
    "items.product_id",
    "items.subtotal",
    "items.discount_subtotal",
    "items.total",
    "items.variant.product.collection_id",
  ]
  // The copy must still match the step: every field listed there, in the same number.
  const stepSource = fs.readFileSync(
    require.resolve("../../../src/workflows/attribution/steps/load-attribution-facts"),
    "utf8"
  )
  const fieldsBlock = /fields:\s*\[([\s\S]*?)\]/.exec(stepSource)?.[1] ?? ""
  const sourceFields = [...fieldsBlock.matchAll(/"([^"]+)"/g)].map((m) => m[1])
  const fieldsMatch =
    sourceFields.length === stepFields.length && stepFields.every((f) => sourceFields.includes(f))
  if (!fieldsMatch) {
    log(`note: load-attribution-facts.ts now reads ${JSON.stringify(sourceFields)}; the profile's copy differs`)
  }
  const graph = (id: string, fields: string[]) =>
    query.graph({ entity: "order", fields, filters: { id } }, { throwIfKeyNotFound: true })
  const orders = new Map<string, any>()
  for (const id of orderIds) {
    orders.set(id, (await graph(id, stepFields)).data[0])
  }
  const codes = new Map<string, string>()
  const affiliateIds = new Map<string, string>()
  for (const [id, order] of orders) {
    codes.set(id, order.metadata.affiliate_code)
    affiliateIds.set(id, (await affiliates.retrieveAffiliateByCode(order.metadata.affiliate_code)).id)
  }
  const parts: [string, (id: string) => Promise<unknown>][] = [
    ["query.graph order, the step's fields (with totals)", (id) => graph(id, stepFields)],
    ["query.graph order, same without the 4 totals fields", (id) => graph(id, stepFields.filter((f) => !totalsFields.includes(f)))],
    ["query.graph order, id + items.variant.product.collection_id", (id) => graph(id, ["id", "items.id", "items.variant.product.collection_id"])],
    [
      "receipt check (first, before the order read): listAffiliateOrderAttributions",
      (id) => affiliates.listAffiliateOrderAttributions({ order_id: id }, { take: 1, select: ["id"] }),
    ],
    ["customer attribution: listAffiliateAttributions", (id) => affiliates.listAffiliateAttributions({ customer_id: orders.get(id).customer_id }, { take: 1 })],
    ["referral: retrieveAffiliateByCode", (id) => affiliates.retrieveAffiliateByCode(codes.get(id)!)],
    ["affiliates with program.rules: listAffiliates", (id) => affiliates.listAffiliates({ id: [affiliateIds.get(id)!] }, { relations: ["program", "program.rules"] })],
    [
      "prior credited orders: listAffiliateOrderAttributions",
      (id) =>
        affiliates.listAffiliateOrderAttributions(
          { customer_id: orders.get(id).customer_id, outcome: "credited", order_id: { $ne: id } } as any,
          { take: 1, select: ["id"] }
        ),
    ],
  ]
  // The four affiliate-side reads after the order read, as one statement: what merging them
  // into one module method would cost (same indexes, one round trip, no ORM hydration).
  const pg = container.resolve(ContainerRegistrationKeys.PG_CONNECTION)
  parts.push([
    "the four reads after the order read as one SQL statement (proposal)",
    (id) =>
      pg.raw(
        `WITH ref AS (SELECT id FROM affiliate WHERE code = ? AND deleted_at IS NULL),
              att AS (SELECT id, affiliate_id, expires_at FROM affiliate_attribution WHERE customer_id = ? AND deleted_at IS NULL LIMIT 1)
         SELECT
           (SELECT row_to_json(att) FROM att) AS attribution,
           (SELECT id FROM ref) AS referral_affiliate_id,
           EXISTS (SELECT 1 FROM affiliate_order_attribution WHERE customer_id = ? AND outcome = 'credited'
                   AND order_id <> ? AND deleted_at IS NULL) AS prior_credited,
           (SELECT json_agg(json_build_object('affiliate', a, 'program', p,
                     'rules', (SELECT coalesce(json_agg(r), '[]') FROM affiliate_program_rule r
                               WHERE r.program_id = p.id AND r.deleted_at IS NULL)))
              FROM affiliate a JOIN affiliate_program p ON p.id = a.program_id
             WHERE a.deleted_at IS NULL
               AND a.id IN (SELECT id FROM ref UNION SELECT affiliate_id FROM att)) AS affiliates`,
        [codes.get(id)!.toUpperCase(), orders.get(id).customer_id, orders.get(id).customer_id, id]
      ),
  ])
  const out: { part: string; mean: number; p50: number; p95: number }[] = []
  for (const [part, fn] of parts) {
    const times: number[] = []
    for (const id of orderIds) {
      const t0 = now()
      await fn(id)
      times.push(now() - t0)
    }
    times.sort((a, b) => a - b)
    const mean = times.reduce((a, b) => a + b, 0) / times.length
    out.push({ part, mean, p50: percentile(times, 50), p95: percentile(times, 95) })
    log(`profile: ${part}: mean ${mean.toFixed(2)} ms, p95 ${percentile(times, 95).toFixed(2)} ms`)
  }
  return { orders: orderIds.length, step_fields_match: fieldsMatch, parts: out }
}
