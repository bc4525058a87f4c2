// Part "release": releasing 1,000,000 due ledger entries, the service against one raw UPDATE.
// Spawned by bench/run.js. Env: BENCH_PG_URL (admin URL), BENCH_RELEASE_ROWS (1000000),
// BENCH_RESULT_OUT (JSON file to write).
//
// 1. A template database gets the module's schema from its migration files (trigger
//    `affiliate_commission_append_only` included), then N pending sale entries due in the
//    past for five affiliates (set-based), VACUUM ANALYZE, and autovacuum off for the ledger
//    so no background vacuum lands in one measurement and not another.
// 2. Every measurement runs on its own copy of the template (CREATE DATABASE ... TEMPLATE),
//    after a CHECKPOINT: the raw UPDATE, AffiliateModuleService.releaseDueCommissions at
//    batch 10,000 and 50,000, and the raw UPDATE again (how far the machine drifted). RSS is
//    sampled every 50 ms.
// 3. The first batch statement of each service run is captured from knex as the repository
//    sent it, then EXPLAIN (ANALYZE, BUFFERS, WAL) of it runs on a fresh copy, rolled back.
import { Booted, bootModule, Captured, createModuleDatabase, explain, mb, ms, now, queryTap, worker } from "../lib/module"

const ROWS = Number(process.env.BENCH_RELEASE_ROWS || 1_000_000)
const TEMPLATE_DB = "medusa_affiliates_bench_release_tpl"
const RUN_DB = "medusa_affiliates_bench_release_run"
const AFFILIATES = 5
const BATCHES = [10_000, 50_000]
const BASELINE_SQL = `UPDATE affiliate_commission SET status='available', released_at=now(), updated_at=now() WHERE status='pending' AND available_at <= now()`

const log = (message: string) => console.log(`[release] ${message}`)

/** Samples this process's RSS every 50 ms while `fn` runs; also its CPU time. */
async function withMemory<T>(fn: () => Promise<T>) {
  global.gc?.()
  const before = process.memoryUsage().rss
  let peak = before
  const timer = setInterval(() => (peak = Math.max(peak, process.memoryUsage().rss)), 50)
  const cpu = process.cpuUsage()
  try {
    const value = await fn()
    const used = process.cpuUsage(cpu)
    return {
      value,
      memory: { rss_before_mb: mb(before), rss_peak_mb: mb(peak), rss_growth_mb: mb(peak - before) },
      node_cpu_ms: Math.round((used.user + used.system) / 1000),
    }
  } finally {
    clearInterval(timer)
  }
}

async function createTemplate(admin: any) {
  await admin.raw(`DROP DATABASE IF EXISTS "${RUN_DB}"`)
  let t = now()
  const booted = await createModuleDatabase(admin, TEMPLATE_DB)
  const { knex } = booted
  log(`schema from the module's migrations in ${Math.round(ms(t))} ms`)

  t = now()
  await knex.raw(
    `INSERT INTO affiliate (id, code, name, email, status, program_id)
     SELECT 'aff_bench_' || g, 'BENCH' || g, 'Bench ' || g, 'bench' || g || '@bench.test', 'active',
            (SELECT id FROM affiliate_program WHERE is_default AND deleted_at IS NULL)
     FROM generate_series(1, ?::int) g`,
    [AFFILIATES]
  )
  // Sale entries as the attribution step books them: raw_* jsonb, a frozen line, a unique
  // idempotency key per order, pending, due in the past, oldest first in id order.
  await knex.raw(
    `INSERT INTO affiliate_commission
       (id, affiliate_id, type, amount, raw_amount, currency_code, rate, raw_rate, base_amount, raw_base_amount,
        order_id, lines, status, available_at, idempotency_key, created_at, updated_at)
     SELECT 'afcom_bench_' || lpad(g::text, 8, '0'),
            'aff_bench_' || (g % ?::int + 1),
            'sale', 1, '{"value":"1","precision":20}'::jsonb, 'usd',
            10, '{"value":"10","precision":20}'::jsonb, 10, '{"value":"10","precision":20}'::jsonb,
            'order_bench_' || g,
            jsonb_build_array(jsonb_build_object('line_id', 'ordli_bench_' || g, 'base', '10', 'rate', '10', 'amount', '1')),
            'pending',
            now() - interval '40 days' + g * (interval '30 days' / ?::int),
            'sale:order_bench_' || g,
            now() - interval '70 days' + g * (interval '30 days' / ?::int),
            now() - interval '70 days' + g * (interval '30 days' / ?::int)
     FROM generate_series(1, ?::int) g`,
    [AFFILIATES, ROWS, ROWS, ROWS, ROWS]
  )
  await knex.raw(`ALTER TABLE affiliate_commission SET (autovacuum_enabled = off)`)
  await knex.raw(`VACUUM ANALYZE affiliate_commission`)
  const size = (
    await knex.raw(
      `SELECT pg_total_relation_size('affiliate_commission') AS total,
              (SELECT count(*) FROM pg_indexes WHERE tablename = 'affiliate_commission') AS indexes,
              (SELECT count(*) FROM affiliate_commission WHERE status = 'pending' AND available_at <= now()) AS due`
    )
  ).rows[0]
  const seedMs = Math.round(ms(t))
  log(`${size.due} due entries inserted in ${seedMs} ms (table ${mb(Number(size.total))} MB with ${size.indexes} indexes)`)
  await booted.shutdown()
  if (Number(size.due) !== ROWS) throw new Error(`expected ${ROWS} due entries, found ${size.due}`)
  return { seed_ms: seedMs, table_mb: mb(Number(size.total)), indexes: Number(size.indexes) }
}

/** A byte-identical copy of the template, the module booted on it, the trigger checked. */
async function freshCopy(admin: any, version: number): Promise<Booted> {
  await admin.raw(`DROP DATABASE IF EXISTS "${RUN_DB}"`)
  // FILE_COPY (PG 15+) copies the files instead of WAL-logging 700 MB.
  await admin.raw(`CREATE DATABASE "${RUN_DB}" TEMPLATE "${TEMPLATE_DB}"${version >= 150000 ? " STRATEGY = FILE_COPY" : ""}`)
  const booted = await bootModule(RUN_DB)
  const { rows } = await booted.knex.raw(
    `SELECT tgenabled FROM pg_trigger WHERE tgname = 'affiliate_commission_append_only' AND NOT tgisinternal`
  )
  if (rows.length !== 1 || rows[0].tgenabled === "D") {
    await booted.shutdown()
    throw new Error("the ledger trigger affiliate_commission_append_only is missing or disabled")
  }
  return booted
}

type Variant = { name: string; kind: "baseline" | "service"; batch_size?: number }

async function measure(admin: any, version: number, variant: Variant) {
  const { knex, service, shutdown } = await freshCopy(admin, version)
  try {
    const tap = queryTap(knex)
    await knex.raw("CHECKPOINT")
    const walBefore = (await knex.raw("SELECT pg_current_wal_lsn() AS lsn")).rows[0].lsn
    const started = now()
    const run = await withMemory(() =>
      tap.capture(async () =>
        variant.kind === "baseline"
          ? { released: (await knex.raw(BASELINE_SQL)).rowCount as number, batches: 1 }
          : await service.releaseDueCommissions({ batch_size: variant.batch_size })
      )
    )
    const elapsed = ms(started)
    const wal = (await knex.raw("SELECT pg_wal_lsn_diff(pg_current_wal_lsn(), ?) AS bytes", [walBefore])).rows[0]
    const { rows: [check] } = await knex.raw(
      `SELECT count(*) FILTER (WHERE status = 'available' AND released_at IS NOT NULL)::int AS released,
              count(*) FILTER (WHERE status = 'pending')::int AS pending
       FROM affiliate_commission`
    )
    if (check.released !== ROWS || check.pending !== 0) {
      throw new Error(`${variant.name}: expected ${ROWS} released and 0 pending, found ${JSON.stringify(check)}`)
    }
    const { released, batches } = run.value.value
    log(
      `${variant.name}: ${(elapsed / 1000).toFixed(1)} s, ${released} released in ${batches} batch(es), ` +
        `WAL ${mb(Number(wal.bytes))} MB, RSS ${run.memory.rss_before_mb} -> peak ${run.memory.rss_peak_mb} MB`
    )
    const first: Captured | undefined = run.value.queries.find((q) => /update\s+affiliate_commission/i.test(q.sql))
    return {
      result: { ...variant, ms: Math.round(elapsed), released, batches, wal_mb: mb(Number(wal.bytes)), memory: run.memory, node_cpu_ms: run.node_cpu_ms },
      first,
    }
  } finally {
    await shutdown()
  }
}

async function explainBatch(admin: any, version: number, label: string, statement: Captured) {
  const { knex, shutdown } = await freshCopy(admin, version)
  try {
    const plan = await explain(knex, statement, "ANALYZE, BUFFERS, WAL, COSTS OFF")
    const time = /Execution Time: ([\d.]+) ms/.exec(plan)
    // The anti join that skips orders held for review reads the small set of required
    // reviews; any other join would be one back to the ledger.
    const joins = plan.split("\n").filter((line) => /(Hash|Nested Loop|Merge)( \w+)? Join|Nested Loop/.test(line))
    const join = joins.find((line) => !/Anti Join/.test(line))?.trim().replace(/^->\s*/, "").split(" (")[0] ?? "none"
    const reviewAntiJoin = joins.find((line) => /Anti Join/.test(line))?.trim().replace(/^->\s*/, "").split(" (")[0] ?? null
    const seqScan = /Seq Scan on affiliate_commission(?!_review)/.test(plan)
    const spill = /temp read=\d+ written=(\d+)/.exec(plan)
    log(
      `EXPLAIN ${label}: ${time?.[1]} ms, join: ${join}${reviewAntiJoin ? ` (review filter: ${reviewAntiJoin})` : ""}${seqScan ? ", seq scan of the whole ledger" : ""}`
    )
    return {
      label,
      execution_ms: time ? Number(time[1]) : null,
      join,
      review_anti_join: reviewAntiJoin,
      seq_scan_of_ledger: seqScan,
      temp_blocks_written: spill ? Number(spill[1]) : 0,
      sql: statement.sql,
      plan,
    }
  } finally {
    await shutdown()
  }
}

worker(
  async (admin) => {
    const started = Date.now()
    const version = Number((await admin.raw("SHOW server_version_num")).rows[0].server_version_num)
    const dataset = await createTemplate(admin)
    const variants: Variant[] = [
      { name: "baseline: one raw UPDATE", kind: "baseline" },
      ...BATCHES.map((b): Variant => ({ name: `service releaseDueCommissions, batch ${b}`, kind: "service", batch_size: b })),
      { name: "baseline again (drift check)", kind: "baseline" },
    ]
    const runs: unknown[] = []
    const explains: { batch_size?: number; statement: Captured }[] = []
    for (const variant of variants) {
      const { result, first } = await measure(admin, version, variant)
      runs.push(result)
      if (variant.kind === "service") {
        if (!first) throw new Error(`${variant.name}: no UPDATE of affiliate_commission captured`)
        explains.push({ batch_size: variant.batch_size, statement: first })
      }
    }
    const plans: unknown[] = []
    for (const e of explains) {
      plans.push(await explainBatch(admin, version, `service SQL, first batch of ${e.batch_size}`, e.statement))
    }
    return { rows: ROWS, affiliates: AFFILIATES, dataset, baseline_sql: BASELINE_SQL, runs, explains: plans, total_ms: Date.now() - started }
  },
  async (admin) => {
    await admin.raw(`DROP DATABASE IF EXISTS "${RUN_DB}" WITH (FORCE)`)
    await admin.raw(`DROP DATABASE IF EXISTS "${TEMPLATE_DB}" WITH (FORCE)`)
  }
)
