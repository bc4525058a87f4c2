// Benchmark 1: releasing 1,000,000 due ledger entries.
//
//   node -r ts-node/register bench/release/release.ts      (spawned by `npm run bench -- release`)
//
// Env: BENCH_PG_URL (admin URL, e.g. postgres://postgres@localhost:5432/postgres),
//      BENCH_RELEASE_ROWS (default 1000000), BENCH_RESULT_OUT (JSON file to write).
//
// 1. A template database gets the affiliate module's schema from its migration files (the
//    module booted through MedusaAppMigrateUp, trigger `affiliate_commission_append_only`
//    included), then N pending sale entries due in the past, inserted set-based for five
//    affiliates, then VACUUM ANALYZE. Autovacuum is switched off for the ledger table so no
//    background vacuum lands in one measurement and not another.
// 2. Every measurement runs on its own fresh copy of that template (CREATE DATABASE ...
//    TEMPLATE), so all of them start from byte-identical data, with a CHECKPOINT first:
//      baseline   one raw UPDATE of the due rows (the statement)
//      service    AffiliateModuleService.releaseDueCommissions({ batch_size }) for 10k, 50k
//      proposed   bench/release/proposed-release.ts (a copy of the loop, one SQL change)
//      baseline   again at the end, to see how much the machine drifted during the run
//    The trigger is checked to be present and enabled before each measurement.
// 3. Peak RSS is sampled every 50 ms during each measurement (process.memoryUsage().rss).
// 4. EXPLAIN (ANALYZE, BUFFERS, WAL) of one batch of the service SQL at both batch sizes and
//    of the proposed SQL, each on a fresh copy inside a rolled-back transaction.
import fs from "fs"
import path from "path"
import { MedusaApp, MedusaAppMigrateUp, MedusaModule } from "@medusajs/framework/modules-sdk"
import { ContainerRegistrationKeys, isSharedConnectionSymbol, ModulesSdkUtils } from "@medusajs/framework/utils"
import { PROPOSED_BATCH_SQL, releaseDueProposed, SERVICE_BATCH_SQL } from "./proposed-release"

const ROOT = path.resolve(__dirname, "../..")
const MODULE_PATH = path.join(ROOT, "src/modules/affiliate")
const ADMIN_URL = process.env.BENCH_PG_URL || "postgres://postgres@localhost:5432/postgres"
const ROWS = Number(process.env.BENCH_RELEASE_ROWS || 1_000_000)
const OUT = process.env.BENCH_RESULT_OUT
const TEMPLATE_DB = "medusa_affiliates_bench_release_tpl"
const RUN_DB = "medusa_affiliates_bench_release_run"
const AFFILIATES = 5

const BASELINE_SQL = `UPDATE affiliate_commission SET status='available', released_at=now(), updated_at=now() WHERE status='pending' AND available_at <= now()`

const log = (message: string) => console.log(`[release] ${message}`)
const ms = (from: bigint) => Number(process.hrtime.bigint() - from) / 1e6
const mb = (bytes: number) => Math.round((bytes / 1024 / 1024) * 10) / 10

function dbUrl(name: string) {
  const url = new URL(ADMIN_URL)
  url.pathname = `/${name}`
  return url.toString()
}

function connect(name: string) {
  return ModulesSdkUtils.createPgConnection({ clientUrl: dbUrl(name), schema: "public", pool: { min: 1, max: 2 } } as any)
}

/** The affiliate module's registration, as Medusa's own module test runner builds it. */
function moduleSetup(dbName: string) {
  const clientUrl = dbUrl(dbName)
  const pgConnection = connect(dbName)
  return {
    pgConnection,
    options: {
      modulesConfig: {
        affiliate: {
          resolve: MODULE_PATH,
          options: { database: { clientUrl, schema: "public" }, [isSharedConnectionSymbol]: true },
        },
      },
      sharedResourcesConfig: { database: { clientUrl, schema: "public" } },
      injectedDependencies: {
        [ContainerRegistrationKeys.PG_CONNECTION]: pgConnection,
        [ContainerRegistrationKeys.LOGGER]: { ...console, info: () => {}, debug: () => {}, log: () => {} },
      },
      cwd: ROOT,
    } as any,
  }
}

async function bootModule(dbName: string) {
  const { pgConnection, options } = moduleSetup(dbName)
  const app = await MedusaApp(options)
  return {
    service: app.modules.affiliate as any,
    knex: pgConnection,
    shutdown: async () => {
      await app.onApplicationShutdown()
      await pgConnection.destroy()
      MedusaModule.clearInstances()
    },
  }
}

/** Samples this process's RSS every 50 ms while `fn` runs. */
async function withMemory<T>(fn: () => Promise<T>) {
  global.gc?.()
  const before = process.memoryUsage()
  let peakRss = before.rss
  let peakHeap = before.heapUsed
  const timer = setInterval(() => {
    const m = process.memoryUsage()
    peakRss = Math.max(peakRss, m.rss)
    peakHeap = Math.max(peakHeap, m.heapUsed)
  }, 50)
  const cpu = process.cpuUsage()
  try {
    const value = await fn()
    const used = process.cpuUsage(cpu)
    return {
      value,
      memory: {
        rss_before_mb: mb(before.rss),
        rss_peak_mb: mb(peakRss),
        rss_growth_mb: mb(peakRss - before.rss),
        heap_before_mb: mb(before.heapUsed),
        heap_peak_mb: mb(peakHeap),
      },
      node_cpu_ms: Math.round((used.user + used.system) / 1000),
    }
  } finally {
    clearInterval(timer)
  }
}

async function createTemplate(admin: any) {
  await admin.raw(`DROP DATABASE IF EXISTS "${RUN_DB}"`)
  await admin.raw(`DROP DATABASE IF EXISTS "${TEMPLATE_DB}"`)
  await admin.raw(`CREATE DATABASE "${TEMPLATE_DB}"`)

  let t = process.hrtime.bigint()
  const migrate = moduleSetup(TEMPLATE_DB)
  await MedusaAppMigrateUp(migrate.options)
  await migrate.pgConnection.destroy()
  MedusaModule.clearInstances()
  // Boot once so onApplicationStart creates the default program, as in an app.
  const booted = await bootModule(TEMPLATE_DB)
  const { service, knex } = booted
  await service.__hooks.onApplicationStart()
  log(`schema from the module's migrations in ${Math.round(ms(t))} ms`)

  t = process.hrtime.bigint()
  await knex.raw(
    `INSERT INTO affiliate (id, code, name, email, status, program_id)
     SELECT 'aff_bench_' || g, 'BENCH' || g, 'Bench ' || g, 'bench' || g || '@bench.test', 'active',
            (SELECT id FROM affiliate_program WHERE is_default AND deleted_at IS NULL)
     FROM generate_series(1, ?::int) g`,
    [AFFILIATES]
  )
  // Sale entries as the attribution step books them: raw_* jsonb, a frozen line, a unique
  // idempotency key per order, pending, and due in the past (oldest first in id order, as
  // entries are appended over time).
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
      `SELECT pg_total_relation_size('affiliate_commission') AS total, pg_relation_size('affiliate_commission') AS heap,
              (SELECT count(*) FROM pg_indexes WHERE tablename = 'affiliate_commission') AS indexes,
              (SELECT count(*) FROM affiliate_commission WHERE status = 'pending' AND available_at <= now()) AS due`
    )
  ).rows[0]
  const seedMs = Math.round(ms(t))
  log(`${size.due} due entries inserted in ${seedMs} ms (table ${mb(Number(size.total))} MB with ${size.indexes} indexes)`)
  await booted.shutdown()
  if (Number(size.due) !== ROWS) {
    throw new Error(`expected ${ROWS} due entries, found ${size.due}`)
  }
  return {
    seed_ms: seedMs,
    table_mb: mb(Number(size.total)),
    heap_mb: mb(Number(size.heap)),
    indexes: Number(size.indexes),
  }
}

async function freshCopy(admin: any, version: number) {
  await admin.raw(`DROP DATABASE IF EXISTS "${RUN_DB}"`)
  // FILE_COPY (PG 15+) copies the files instead of WAL-logging 700 MB; older servers only copy.
  const strategy = version >= 150000 ? " STRATEGY = FILE_COPY" : ""
  await admin.raw(`CREATE DATABASE "${RUN_DB}" TEMPLATE "${TEMPLATE_DB}"${strategy}`)
}

async function checkTrigger(knex: any) {
  const { rows } = await knex.raw(
    `SELECT tgenabled FROM pg_trigger WHERE tgname = 'affiliate_commission_append_only' AND NOT tgisinternal`
  )
  if (rows.length !== 1 || rows[0].tgenabled === "D") {
    throw new Error("the ledger trigger affiliate_commission_append_only is missing or disabled")
  }
  return rows[0].tgenabled === "O" ? "enabled" : `enabled (${rows[0].tgenabled})`
}

async function verifyReleased(knex: any) {
  const { rows } = await knex.raw(
    `SELECT count(*) FILTER (WHERE status = 'available' AND released_at IS NOT NULL)::int AS released,
            count(*) FILTER (WHERE status = 'pending')::int AS pending
     FROM affiliate_commission`
  )
  if (rows[0].released !== ROWS || rows[0].pending !== 0) {
    throw new Error(`expected ${ROWS} released and 0 pending, found ${JSON.stringify(rows[0])}`)
  }
}

type Variant = { name: string; kind: "baseline" | "service" | "proposed"; batch_size?: number }

async function measure(admin: any, version: number, variant: Variant) {
  await freshCopy(admin, version)
  const booted = await bootModule(RUN_DB)
  const { knex, service } = booted
  try {
    const trigger = await checkTrigger(knex)
    await knex.raw("CHECKPOINT")
    const walBefore = (await knex.raw("SELECT pg_current_wal_lsn() AS lsn")).rows[0].lsn
    const started = process.hrtime.bigint()
    const run = await withMemory(async () => {
      if (variant.kind === "baseline") {
        const result = await knex.raw(BASELINE_SQL)
        return { released: result.rowCount as number, batches: 1 }
      }
      if (variant.kind === "service") {
        return await service.releaseDueCommissions({ batch_size: variant.batch_size })
      }
      return await releaseDueProposed(knex, { batch_size: variant.batch_size })
    })
    const elapsed = ms(started)
    const wal = (await knex.raw("SELECT pg_wal_lsn_diff(pg_current_wal_lsn(), ?) AS bytes", [walBefore])).rows[0]
    await verifyReleased(knex)
    const batchMs: number[] | undefined = (run.value as any).batch_ms
    const result = {
      ...variant,
      ms: Math.round(elapsed),
      released: run.value.released,
      batches: run.value.batches,
      trigger,
      wal_mb: mb(Number(wal.bytes)),
      memory: run.memory,
      node_cpu_ms: run.node_cpu_ms,
      ...(batchMs?.length
        ? {
            first_batch_ms: Math.round(batchMs[0]),
            last_full_batch_ms: Math.round(batchMs[Math.max(0, batchMs.length - 2)]),
          }
        : {}),
    }
    log(
      `${variant.name}: ${(elapsed / 1000).toFixed(1)} s, ${result.released} released in ${result.batches} batch(es), ` +
        `WAL ${result.wal_mb} MB, RSS ${run.memory.rss_before_mb} -> peak ${run.memory.rss_peak_mb} MB`
    )
    return result
  } finally {
    await booted.shutdown()
  }
}

async function explainOne(admin: any, version: number, label: string, sql: string, bindings: any[]) {
  await freshCopy(admin, version)
  const knex = connect(RUN_DB)
  try {
    await checkTrigger(knex)
    const trx = await knex.transaction()
    try {
      const { rows } = await trx.raw(`EXPLAIN (ANALYZE, BUFFERS, WAL, COSTS OFF) ${sql}`, bindings)
      const plan = rows.map((r: any) => r["QUERY PLAN"]).join("\n")
      const time = /Execution Time: ([\d.]+) ms/.exec(plan)
      const join = /(Hash Join|Nested Loop|Merge Join)/.exec(plan)?.[1] ?? "none (index scan on id = ANY)"
      const seqScan = /Seq Scan on affiliate_commission/.test(plan)
      const spill = /temp read=\d+ written=(\d+)/.exec(plan)
      log(`EXPLAIN ${label}: ${time?.[1]} ms, join: ${join}${seqScan ? ", seq scan of the whole ledger" : ""}`)
      return {
        label,
        execution_ms: time ? Number(time[1]) : null,
        join,
        seq_scan_of_ledger: seqScan,
        temp_blocks_written: spill ? Number(spill[1]) : 0,
        plan,
      }
    } finally {
      await trx.rollback().catch(() => {})
    }
  } finally {
    await knex.destroy()
  }
}

async function main() {
  if (!OUT) {
    throw new Error("BENCH_RESULT_OUT is not set")
  }
  const started = Date.now()
  const admin = connect(new URL(ADMIN_URL).pathname.slice(1) || "postgres")
  const cleanup = async () => {
    await admin.raw(`DROP DATABASE IF EXISTS "${RUN_DB}" WITH (FORCE)`).catch(() => {})
    await admin.raw(`DROP DATABASE IF EXISTS "${TEMPLATE_DB}" WITH (FORCE)`).catch(() => {})
  }
  for (const signal of ["SIGINT", "SIGTERM"] as const) {
    process.once(signal, () => {
      cleanup().finally(() => process.exit(130))
    })
  }
  try {
    const version = Number((await admin.raw("SHOW server_version_num")).rows[0].server_version_num)
    const serviceSource = fs.readFileSync(path.join(MODULE_PATH, "service.ts"), "utf8")
    const squash = (s: string) => s.replace(/\s+/g, " ").trim()
    const serviceSqlMatches = squash(serviceSource).includes(squash(SERVICE_BATCH_SQL))
    if (!serviceSqlMatches) {
      log("note: the service's batch SQL differs from the copy in proposed-release.ts (EXPLAIN shows the copy)")
    }

    const dataset = await createTemplate(admin)
    const variants: Variant[] = [
      { name: "baseline: one raw UPDATE", kind: "baseline" },
      { name: "service releaseDueCommissions, batch 10000", kind: "service", batch_size: 10_000 },
      { name: "service releaseDueCommissions, batch 50000", kind: "service", batch_size: 50_000 },
      { name: "proposed SQL (id = ANY(ARRAY(...))), batch 10000", kind: "proposed", batch_size: 10_000 },
      { name: "proposed SQL (id = ANY(ARRAY(...))), batch 50000", kind: "proposed", batch_size: 50_000 },
      { name: "baseline again (drift check)", kind: "baseline" },
    ]
    const runs: any[] = []
    for (const variant of variants) {
      runs.push(await measure(admin, version, variant))
    }

    const now = new Date()
    const explains = [
      await explainOne(admin, version, "service SQL, first batch of 10000", SERVICE_BATCH_SQL, [now, 10_000, now, now]),
      await explainOne(admin, version, "service SQL, first batch of 50000", SERVICE_BATCH_SQL, [now, 50_000, now, now]),
      await explainOne(admin, version, "proposed SQL, first batch of 50000", PROPOSED_BATCH_SQL, [now, now, now, 50_000]),
    ]

    const result = {
      rows: ROWS,
      affiliates: AFFILIATES,
      dataset,
      service_sql_matches_copy: serviceSqlMatches,
      baseline_sql: BASELINE_SQL,
      runs,
      explains,
      total_ms: Date.now() - started,
    }
    fs.writeFileSync(OUT, JSON.stringify(result, null, 2))
  } finally {
    await cleanup()
    await admin.destroy()
  }
}

main().then(
  () => process.exit(0),
  (error) => {
    console.error(error)
    process.exit(1)
  }
)
