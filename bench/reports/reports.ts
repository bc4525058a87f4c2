// Benchmark: portal stats and the admin activity report over 1,000,000 clicks and 100,000
// receipts and ledger entries (AffiliateModuleService.getActivityReport, the method behind
// GET /store/customers/me/affiliate/stats and GET /admin/affiliate-reports).
//
//   node -r ts-node/register bench/reports/reports.ts        (spawned by bench/reports/run.js)
//
// Env: BENCH_PG_URL (admin URL, e.g. postgres://postgres@localhost:5432/postgres),
//      BENCH_RESULT_OUT (JSON file to write), BENCH_REPORT_RUNS (60 measured calls per
//      scenario), BENCH_REPORT_WARMUP (10), BENCH_REPORT_CLICKS (1000000),
//      BENCH_REPORT_ROWS (100000 receipts and 100000 entries), BENCH_REPORT_PROPOSALS (1).
//
// 1. A scratch database gets the module's schema from its migration files (the module booted
//    through MedusaAppMigrateUp), and the module is booted once so onApplicationStart makes
//    the default program. Autovacuum is switched off for the module's tables so no background
//    vacuum changes the state between measurements.
// 2. fill.ts stages the data set; rows older than 73 days (80 % of the year) are inserted and
//    vacuumed, then the newest 20 % inserted and only ANALYZEd: the worst state autovacuum's
//    insert threshold (20 % of the table) leaves, the newest pages not all-visible.
// 3. Pass "autovacuum lag": every scenario warmed up, then measured round-robin (each round runs
//    every scenario once, order rotated), the real service method and the proposed copy
//    (proposals.ts) alternating per scenario; per-statement latency from knex's query /
//    query-response events; EXPLAIN (ANALYZE, BUFFERS) of each statement each ran (the SQL
//    text and bindings captured from knex, run again on their own); answers compared.
// 4. VACUUM ANALYZE, then pass "vacuumed" the same way (the headline figures).
// 5. The proposed indexes created (two ledger indexes replaced), VACUUM ANALYZE, and pass
//    "vacuumed + proposed indexes" the same way: the service's SQL and the proposed SQL on them.
// 6. 1 % of a year's clicks and credited orders (10,000 and 850 at the defaults) appended in the
//    last 3.65 days and only ANALYZEd: the most a proposed per-table autovacuum threshold of
//    10,000 inserted rows leaves unvacuumed; pass "proposed indexes + 1 % unvacuumed tail".
import fs from "fs"
import path from "path"
import { MedusaApp, MedusaAppMigrateUp, MedusaModule } from "@medusajs/framework/modules-sdk"
import { ContainerRegistrationKeys, isSharedConnectionSymbol, ModulesSdkUtils } from "@medusajs/framework/utils"
import { dropStaging, insertRange, insertTail, stage, TABLES, ZIPF_S } from "./fill"
import { proposedActivityReport, PROPOSED_CLICKS_SQL, PROPOSED_INDEXES, PROPOSED_TOP_SQL } from "./proposals"

const ROOT = path.resolve(__dirname, "../..")
const MODULE_PATH = path.join(ROOT, "src/modules/affiliate")
const ADMIN_URL = process.env.BENCH_PG_URL || "postgres://postgres@localhost:5432/postgres"
const OUT = process.env.BENCH_RESULT_OUT
const DB = process.env.BENCH_REPORT_DB || "medusa_affiliates_bench_reports"
const RUNS = Number(process.env.BENCH_REPORT_RUNS || 60)
const WARMUP = Number(process.env.BENCH_REPORT_WARMUP || 10)
/** Measured calls of the extra scenario (not in the issue's list), which is slow today. */
const EXTRA_RUNS = Math.min(RUNS, Number(process.env.BENCH_REPORT_EXTRA_RUNS || 20))
const COUNTS = {
  affiliates: 200,
  clicks: Number(process.env.BENCH_REPORT_CLICKS || 1_000_000),
  receipts: Number(process.env.BENCH_REPORT_ROWS || 100_000),
  entries: Number(process.env.BENCH_REPORT_ROWS || 100_000),
}
const WITH_PROPOSALS = process.env.BENCH_REPORT_PROPOSALS !== "0"
export const TARGET_P95_MS = 50
const DAY = 86_400_000
/** The newest share of rows not yet vacuumed in the "autovacuum lag" pass (the default insert threshold). */
const LAG_SHARE = 0.2
/** The unvacuumed tail with the proposed autovacuum settings (10,000 of 1,000,000 clicks a year). */
const TAIL_SHARE = 0.01

const log = (message: string) => console.log(`[reports] ${message}`)
const now = () => process.hrtime.bigint()
const ms = (from: bigint) => Number(process.hrtime.bigint() - from) / 1e6
const r2 = (n: number) => Math.round(n * 100) / 100

function dbUrl(name: string) {
  const url = new URL(ADMIN_URL)
  url.pathname = `/${name}`
  return url.toString()
}

/** The app's pool (pg-connection-loader: min 2, knex's default max 10): the four aggregates run at once. */
function connect(name: string, max = 10) {
  return ModulesSdkUtils.createPgConnection({ clientUrl: dbUrl(name), schema: "public", pool: { min: 2, max } } as any)
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

// ---------------------------------------------------------------------------------------
// Scenarios

export type Scenario = {
  key: string
  label: string
  audience: "portal" | "admin"
  affiliate_id?: string
  from: Date
  to: Date
  interval: "day" | "week" | "month"
  /** In the issue's list (portal: busy and typical, 30 d by day, 365 d by month; admin: 30 d by day, 90 d by week). */
  required: boolean
}

function scenarios(anchor: Date, busy: AffiliateFacts, typical: AffiliateFacts): Scenario[] {
  // `to` is the start of the next UTC day, so today is the last bucket (as a portal "last N days" asks).
  const to = new Date(Math.floor(anchor.getTime() / DAY) * DAY + DAY)
  const back = (days: number) => new Date(to.getTime() - days * DAY)
  const portal = (who: string, a: AffiliateFacts): Scenario[] => [
    { key: `portal-${who}-30d-day`, label: `portal, ${who} affiliate (${a.code}), last 30 days by day`, audience: "portal", affiliate_id: a.id, from: back(30), to, interval: "day", required: true },
    { key: `portal-${who}-365d-month`, label: `portal, ${who} affiliate (${a.code}), last 365 days by month`, audience: "portal", affiliate_id: a.id, from: back(365), to, interval: "month", required: true },
  ]
  return [
    ...portal("busy", busy),
    ...portal("typical", typical),
    { key: "admin-30d-day", label: "admin, program-wide, last 30 days by day", audience: "admin", from: back(30), to, interval: "day", required: true },
    { key: "admin-90d-week", label: "admin, program-wide, last 90 days by week", audience: "admin", from: back(90), to, interval: "week", required: true },
    { key: "admin-365d-month", label: "admin, program-wide, last 365 days by month (extra, not in the issue)", audience: "admin", from: back(365), to, interval: "month", required: false },
  ]
}

type AffiliateFacts = { id: string; code: string; rank: number; clicks_365d: number; credited_365d: number; entries_365d: number }

async function affiliateFacts(knex: any, rank: number): Promise<AffiliateFacts> {
  const { rows } = await knex.raw(
    `SELECT a.id, a.code,
            (SELECT count(*)::int FROM affiliate_click c WHERE c.affiliate_id = a.id) AS clicks_365d,
            (SELECT count(*)::int FROM affiliate_order_attribution o WHERE o.affiliate_id = a.id AND o.outcome = 'credited') AS credited_365d,
            (SELECT count(*)::int FROM affiliate_commission e WHERE e.affiliate_id = a.id) AS entries_365d
     FROM affiliate a WHERE a.id = ?`,
    [`aff_bench_${String(rank).padStart(3, "0")}`]
  )
  return { ...rows[0], rank }
}

// ---------------------------------------------------------------------------------------
// Measuring

/** Which statement of getActivityReport a query is (by its text). */
function statementOf(sql: string) {
  if (/from "?affiliate_click"?/i.test(sql)) return "clicks"
  if (/generate_series/i.test(sql)) return "buckets"
  if (/from "?affiliate_order_attribution"?/i.test(sql)) return "orders"
  if (/from "affiliate_commission" as "c"|join affiliate a/i.test(sql)) return "top"
  if (/from "?affiliate_commission"?/i.test(sql)) return "money"
  return "other"
}

type Captured = { statement: string; sql: string; bindings: unknown[] }

/** Listens to the knex the service uses: per-statement latency and the SQL text of one call. */
function queryTap(knex: any) {
  const started = new Map<string, { t: bigint; statement: string }>()
  let sink: Record<string, number[]> | null = null
  let capture: Captured[] | null = null
  knex.on("query", (q: any) => {
    const statement = statementOf(q.sql)
    started.set(q.__knexQueryUid, { t: now(), statement })
    capture?.push({ statement, sql: q.sql, bindings: q.bindings ?? [] })
  })
  knex.on("query-response", (_r: unknown, q: any) => {
    const s = started.get(q.__knexQueryUid)
    started.delete(q.__knexQueryUid)
    if (s && sink) (sink[s.statement] ??= []).push(ms(s.t))
  })
  return {
    measure(into: Record<string, number[]> | null) {
      sink = into
    },
    async capture(fn: () => Promise<unknown>) {
      capture = []
      try {
        await fn()
        return capture
      } finally {
        capture = null
      }
    },
  }
}

export function stats(values: number[]) {
  const s = [...values].sort((a, b) => a - b)
  const q = (p: number) => s[Math.min(s.length - 1, Math.max(0, Math.ceil(p * s.length) - 1))]
  return {
    n: s.length,
    min: r2(s[0]),
    p50: r2(q(0.5)),
    p95: r2(q(0.95)),
    p99: r2(q(0.99)),
    max: r2(s[s.length - 1]),
    mean: r2(s.reduce((a, b) => a + b, 0) / s.length),
  }
}

export type Call = (s: Scenario) => Promise<unknown>

/**
 * Warm-up, then RUNS rounds over all scenarios (order rotated each round); latency per call.
 * The extra scenario takes part in the first EXTRA_RUNS rounds only (and a shorter warm-up).
 */
async function measure(label: string, list: Scenario[], call: Call, tap: ReturnType<typeof queryTap> | null) {
  const runsOf = (s: Scenario) => (s.required ? RUNS : EXTRA_RUNS)
  for (const s of list) {
    for (let i = 0; i < (s.required ? WARMUP : Math.min(WARMUP, 3)); i++) await call(s)
  }
  const wall: Record<string, number[]> = Object.fromEntries(list.map((s) => [s.key, []]))
  const perStatement: Record<string, Record<string, number[]>> = Object.fromEntries(list.map((s) => [s.key, {}]))
  const cpu = process.cpuUsage()
  const t0 = now()
  for (let round = 0; round < RUNS; round++) {
    for (let i = 0; i < list.length; i++) {
      const s = list[(i + round) % list.length]
      if (round >= runsOf(s)) continue
      tap?.measure(perStatement[s.key])
      const t = now()
      await call(s)
      wall[s.key].push(ms(t))
      tap?.measure(null)
    }
  }
  const used = process.cpuUsage(cpu)
  const result = list.map((s) => ({
    key: s.key,
    ...stats(wall[s.key]),
    statements: Object.fromEntries(Object.entries(perStatement[s.key]).map(([k, v]) => [k, stats(v)])),
  }))
  log(
    `${label}: ` +
      result.map((r) => `${r.key} p50 ${r.p50} / p95 ${r.p95} ms`).join("; ") +
      ` (${RUNS} rounds in ${(ms(t0) / 1000).toFixed(1)} s, Node CPU ${Math.round((used.user + used.system) / 1000)} ms)`
  )
  return { runs: RUNS, extra_runs: EXTRA_RUNS, warmup: WARMUP, node_cpu_ms: Math.round((used.user + used.system) / 1000), scenarios: result }
}

// ---------------------------------------------------------------------------------------
// Plans

const BIG_TABLES = ["affiliate_click", "affiliate_order_attribution", "affiliate_commission"]

export function summarisePlan(plan: string) {
  const indexes = new Set<string>()
  const scans: string[] = []
  for (const line of plan.split("\n")) {
    let m = /(Index Only Scan|Index Scan|Bitmap Index Scan)(?: Backward)? (?:using|on) "?([\w]+)"?/.exec(line)
    if (m) {
      indexes.add(m[2])
      const heap = /(Index Only Scan|Index Scan)(?: Backward)? using "?[\w]+"? on "?(\w+)"?/.exec(line)
      scans.push(`${m[1]} ${m[2]}${heap ? ` on ${heap[2]}` : ""}`)
      continue
    }
    m = /(Seq Scan|Bitmap Heap Scan) on "?(\w+)"?/.exec(line)
    if (m) scans.push(`${m[1]} on ${m[2]}`)
  }
  const seq = scans.filter((s) => s.startsWith("Seq Scan")).map((s) => s.replace("Seq Scan on ", ""))
  const heapFetches = [...plan.matchAll(/Heap Fetches: (\d+)/g)].reduce((a, m) => a + Number(m[1]), 0)
  const jit = /JIT:[\s\S]*?Timing:.*?Total ([\d.]+) ms/.exec(plan)
  const exec = /Execution Time: ([\d.]+) ms/.exec(plan)
  const planning = /Planning Time: ([\d.]+) ms/.exec(plan)
  const rows = /^\S.*?actual time=[\d.]+\.\.[\d.]+ rows=(\d+)/m.exec(plan)
  const hit = [...plan.matchAll(/shared hit=(\d+)/g)].map((m) => Number(m[1]))
  const read = [...plan.matchAll(/read=(\d+)/g)].map((m) => Number(m[1]))
  return {
    scans,
    indexes: [...indexes],
    seq_scans: seq,
    seq_scan_on_big_table: seq.filter((t) => BIG_TABLES.includes(t)),
    heap_fetches: heapFetches,
    parallel: /Gather/.test(plan),
    jit_ms: jit ? Number(jit[1]) : null,
    execution_ms: exec ? Number(exec[1]) : null,
    planning_ms: planning ? Number(planning[1]) : null,
    result_rows: rows ? Number(rows[1]) : null,
    // The top node's buffers are the statement's total.
    shared_hit: hit[0] ?? 0,
    shared_read: read[0] ?? 0,
  }
}

function showBinding(v: unknown): string {
  if (v instanceof Date) return v.toISOString()
  if (Array.isArray(v)) return `[${v.length} values: ${v.length ? `${showBinding(v[0])} .. ${showBinding(v[v.length - 1])}` : ""}]`
  return String(v)
}

/** EXPLAIN (ANALYZE, BUFFERS) of each captured statement, on a connection of its own. */
async function explainAll(knex: any, captured: Captured[]) {
  const conn = await knex.client.acquireConnection()
  try {
    const out: any[] = []
    for (const c of captured) {
      const res = await conn.query(`EXPLAIN (ANALYZE, BUFFERS) ${c.sql}`, c.bindings)
      const plan = res.rows.map((r: any) => r["QUERY PLAN"]).join("\n")
      out.push({ statement: c.statement, sql: c.sql, bindings: c.bindings.map(showBinding), ...summarisePlan(plan), plan })
    }
    return out
  } finally {
    await knex.client.releaseConnection(conn)
  }
}

/**
 * One measured pass: the real service method and, unless BENCH_REPORT_PROPOSALS=0, the proposed
 * one (proposals.ts) in the same rounds (A/B per scenario, so both meet the same machine load);
 * then EXPLAIN (ANALYZE, BUFFERS) of every statement each ran, and whether both answered alike.
 */
async function pass(name: string, service: any, knex: any, tap: ReturnType<typeof queryTap>, list: Scenario[]) {
  const real: Call = (s) => service.getActivityReport({ affiliate_id: s.affiliate_id, from: s.from, to: s.to, interval: s.interval })
  const proposed: Call = (s) => proposedActivityReport(knex, { affiliate_id: s.affiliate_id, from: s.from, to: s.to, interval: s.interval })
  const variants = WITH_PROPOSALS ? { real, proposed } : { real }
  const ab = list.flatMap((s) => Object.entries(variants).map(([variant, call]) => ({ ...s, key: `${s.key}|${variant}`, call })))
  const timing = await measure(name, ab, (s: any) => s.call(s), tap)
  const plans: Record<string, any[]> = {}
  for (const s of ab) {
    plans[s.key] = await explainAll(knex, await tap.capture(() => s.call(s)))
    log(
      `EXPLAIN ${name} ${s.key}: ` +
        plans[s.key]
          .map((x) => `${x.statement} ${x.execution_ms} ms [${x.scans.join(", ") || "no table"}]${x.jit_ms != null ? ` JIT ${x.jit_ms} ms` : ""}`)
          .join("; ")
    )
  }
  const same_answer: Record<string, boolean> = {}
  if (WITH_PROPOSALS) {
    for (const s of list) same_answer[s.key] = JSON.stringify(await real(s)) === JSON.stringify(await proposed(s))
    const differ = Object.keys(same_answer).filter((k) => !same_answer[k])
    log(`${name}: proposed answers ${differ.length ? `DIFFER for ${differ.join(", ")}` : "identical to the service's in every scenario"}`)
  }
  return { ...timing, plans, same_answer }
}

async function indexSizes(knex: any) {
  return (
    await knex.raw(
      `SELECT t.relname AS table, c.relname AS name, pg_relation_size(c.oid) AS bytes
       FROM pg_index i JOIN pg_class c ON c.oid = i.indexrelid JOIN pg_class t ON t.oid = i.indrelid
       WHERE t.relname IN ('affiliate_click', 'affiliate_commission', 'affiliate_order_attribution') ORDER BY 1, 2`
    )
  ).rows.map((r: any) => ({ table: r.table, name: r.name, mb: Math.round(Number(r.bytes) / 1024 / 102.4) / 10 }))
}

async function visibility(knex: any) {
  const { rows } = await knex.raw(
    `SELECT c.relname AS table, c.relpages AS pages, c.relallvisible AS all_visible_pages,
            pg_total_relation_size(c.oid) AS total_bytes, pg_relation_size(c.oid) AS heap_bytes,
            (SELECT count(*)::int FROM pg_index i WHERE i.indrelid = c.oid) AS indexes
     FROM pg_class c WHERE c.relname = ANY(?) AND c.relkind = 'r' ORDER BY c.relname`,
    [TABLES]
  )
  return rows.map((r: any) => ({
    table: r.table,
    pages: r.pages,
    all_visible_pages: r.all_visible_pages,
    all_visible_pct: r.pages ? Math.round((r.all_visible_pages / r.pages) * 1000) / 10 : null,
    total_mb: Math.round(Number(r.total_bytes) / 1024 / 102.4) / 10,
    heap_mb: Math.round(Number(r.heap_bytes) / 1024 / 102.4) / 10,
    indexes: r.indexes,
  }))
}

async function indexList(knex: any) {
  const { rows } = await knex.raw(
    `SELECT tablename AS table, indexname AS name, indexdef AS definition FROM pg_indexes
     WHERE tablename = ANY(?) ORDER BY tablename, indexname`,
    [["affiliate_click", "affiliate_order_attribution", "affiliate_commission"]]
  )
  return rows
}

// ---------------------------------------------------------------------------------------

async function main() {
  if (!OUT) throw new Error("BENCH_RESULT_OUT is not set")
  const started = Date.now()
  const admin = connect(new URL(ADMIN_URL).pathname.slice(1) || "postgres", 2)
  const cleanup = async () => {
    // BENCH_REPORT_KEEP=1 (development only) leaves the scratch database for psql.
    if (process.env.BENCH_REPORT_KEEP === "1") return
    await admin.raw(`DROP DATABASE IF EXISTS "${DB}" WITH (FORCE)`).catch(() => {})
  }
  for (const signal of ["SIGINT", "SIGTERM", "SIGHUP"] as const) {
    process.once(signal, () => {
      cleanup().finally(() => process.exit(130))
    })
  }
  let booted: Awaited<ReturnType<typeof bootModule>> | null = null
  try {
    const pgSettings = (
      await admin.raw(
        `SELECT name, current_setting(name) AS value FROM pg_settings
         WHERE name IN ('shared_buffers', 'work_mem', 'effective_cache_size', 'random_page_cost', 'jit', 'jit_above_cost',
                        'max_parallel_workers_per_gather', 'autovacuum', 'autovacuum_vacuum_insert_scale_factor')`
      )
    ).rows
    await admin.raw(`DROP DATABASE IF EXISTS "${DB}" WITH (FORCE)`)
    await admin.raw(`CREATE DATABASE "${DB}"`)

    let t = now()
    const migrate = moduleSetup(DB)
    await MedusaAppMigrateUp(migrate.options)
    await migrate.pgConnection.destroy()
    MedusaModule.clearInstances()
    booted = await bootModule(DB)
    const { service, knex } = booted
    await service.__hooks.onApplicationStart()
    const migrateMs = Math.round(ms(t))
    log(`schema from the module's migrations in ${migrateMs} ms`)
    for (const table of TABLES) await knex.raw(`ALTER TABLE "${table}" SET (autovacuum_enabled = off)`)

    // Anchor: the fill's "now", a whole second so that reruns with the same data are alike.
    const anchor = new Date(Math.floor(Date.now() / 1000) * 1000)
    const split = new Date(anchor.getTime() - LAG_SHARE * 365 * DAY)
    const farPast = new Date(anchor.getTime() - 400 * DAY)
    const farFuture = new Date(anchor.getTime() + DAY)
    t = now()
    const mix = await stage(knex, COUNTS, anchor)
    const stageMs = Math.round(ms(t))
    t = now()
    await insertRange(knex, anchor, farPast, split)
    await knex.raw(`VACUUM ANALYZE affiliate, affiliate_click, affiliate_order_attribution, affiliate_commission, affiliate_payout`)
    await insertRange(knex, anchor, split, farFuture)
    await dropStaging(knex)
    await knex.raw(`ANALYZE affiliate, affiliate_click, affiliate_order_attribution, affiliate_commission, affiliate_payout`)
    const insertMs = Math.round(ms(t))
    const counts = (
      await knex.raw(
        `SELECT (SELECT count(*)::int FROM affiliate) AS affiliates,
                (SELECT count(*)::int FROM affiliate_click) AS clicks,
                (SELECT count(*)::int FROM affiliate_order_attribution) AS receipts,
                (SELECT count(*)::int FROM affiliate_order_attribution WHERE outcome = 'credited') AS credited_receipts,
                (SELECT count(*)::int FROM affiliate_commission) AS entries,
                (SELECT json_object_agg(type, n) FROM (SELECT type, count(*)::int AS n FROM affiliate_commission GROUP BY type) x) AS entry_types,
                (SELECT json_object_agg(currency_code, n) FROM (SELECT currency_code, count(*)::int AS n FROM affiliate_commission GROUP BY 1) x) AS entry_currencies,
                (SELECT json_object_agg(status, n) FROM (SELECT status, count(*)::int AS n FROM affiliate_commission GROUP BY 1) x) AS entry_statuses,
                (SELECT count(*)::int FROM affiliate_payout) AS payouts,
                (SELECT min(created_at) FROM affiliate_click) AS first_click,
                (SELECT max(created_at) FROM affiliate_click) AS last_click`
      )
    ).rows[0]
    if (counts.clicks !== COUNTS.clicks || counts.entries !== COUNTS.entries || counts.receipts !== COUNTS.receipts) {
      throw new Error(`unexpected counts: ${JSON.stringify(counts)}`)
    }
    const shares = (
      await knex.raw(
        `SELECT round(100.0 * sum(n) FILTER (WHERE r = 1) / sum(n), 1) AS top1_pct,
                round(100.0 * sum(n) FILTER (WHERE r <= 5) / sum(n), 1) AS top5_pct,
                round(100.0 * sum(n) FILTER (WHERE r <= 10) / sum(n), 1) AS top10_pct
         FROM (SELECT row_number() OVER (ORDER BY count(*) DESC) AS r, count(*) AS n FROM affiliate_click GROUP BY affiliate_id) x`
      )
    ).rows[0]
    log(
      `filled ${counts.affiliates} affiliates, ${counts.clicks} clicks, ${counts.receipts} receipts (${counts.credited_receipts} credited), ` +
        `${counts.entries} entries ${JSON.stringify(counts.entry_types)} in ${((stageMs + insertMs) / 1000).toFixed(1)} s; ` +
        `click share of the top 1/5/10 affiliates ${shares.top1_pct}/${shares.top5_pct}/${shares.top10_pct} %`
    )

    if (process.env.BENCH_REPORT_STOP_AFTER_FILL === "1") {
      // Development only (with BENCH_REPORT_KEEP=1): the database in its "autovacuum lag" state, for psql.
      fs.writeFileSync(OUT, JSON.stringify({ counts, anchor: anchor.toISOString() }, null, 2))
      return
    }
    const busy = await affiliateFacts(knex, 1)
    const typical = await affiliateFacts(knex, Math.round(COUNTS.affiliates / 2))
    const list = scenarios(anchor, busy, typical)
    const rowsInRange: Record<string, any> = {}
    for (const s of list) {
      const scope = s.affiliate_id ? "AND affiliate_id = :a" : ""
      const b = { f: s.from, t: s.to, ...(s.affiliate_id ? { a: s.affiliate_id } : {}) }
      rowsInRange[s.key] = (
        await knex.raw(
          `SELECT (SELECT count(*)::int FROM affiliate_click WHERE created_at >= :f AND created_at < :t ${scope}) AS clicks,
                  (SELECT count(*)::int FROM affiliate_order_attribution WHERE outcome = 'credited' AND created_at >= :f AND created_at < :t ${scope}) AS credited_orders,
                  (SELECT count(*)::int FROM affiliate_commission WHERE type IN ('sale', 'reversal', 'clawback') AND created_at >= :f AND created_at < :t ${scope}) AS entries`,
          b
        )
      ).rows[0]
    }
    const tap = queryTap(knex)

    const lagVisibility = await visibility(knex)
    const lag = await pass("autovacuum lag", service, knex, tap, list)

    t = now()
    await knex.raw(`VACUUM ANALYZE affiliate, affiliate_click, affiliate_order_attribution, affiliate_commission, affiliate_payout`)
    const vacuumMs = Math.round(ms(t))
    const vacuumedVisibility = await visibility(knex)
    const vacuumed = await pass("vacuumed", service, knex, tap, list)

    const modelIndexes = await indexSizes(knex)
    let indexed: any = null
    let tail: any = null
    if (WITH_PROPOSALS) {
      t = now()
      for (const ddl of [...PROPOSED_INDEXES.create, ...PROPOSED_INDEXES.drop]) await knex.raw(ddl)
      await knex.raw(`VACUUM ANALYZE affiliate_commission, affiliate_order_attribution`)
      const indexMs = Math.round(ms(t))
      indexed = { index_ddl_ms: indexMs, index_sizes: await indexSizes(knex), ...(await pass("vacuumed + proposed indexes", service, knex, tap, list)) }
      // Last: the worst point of the proposed autovacuum settings, on the proposed indexes.
      const added = await insertTail(knex, COUNTS, anchor, TAIL_SHARE)
      await knex.raw(`ANALYZE affiliate_click, affiliate_order_attribution, affiliate_commission`)
      log(`tail: ${JSON.stringify(added)} rows added in the last ${(TAIL_SHARE * 365).toFixed(2)} days, not vacuumed`)
      tail = { added, share: TAIL_SHARE, visibility: await visibility(knex), ...(await pass("proposed indexes + 1 % unvacuumed tail", service, knex, tap, list)) }
    }

    const result = {
      counts,
      zipf_s: ZIPF_S,
      click_shares: shares,
      mix,
      anchor: anchor.toISOString(),
      lag_split: split.toISOString(),
      lag_share: LAG_SHARE,
      busy,
      typical,
      scenarios: list.map((s) => ({ ...s, from: s.from.toISOString(), to: s.to.toISOString(), rows_in_range: rowsInRange[s.key] })),
      target_p95_ms: TARGET_P95_MS,
      pool: { min: 2, max: 10 },
      postgres_settings: Object.fromEntries(pgSettings.map((s: any) => [s.name, s.value])),
      timings_ms: { migrate: migrateMs, stage: stageMs, insert_and_vacuum: insertMs, vacuum_after_lag_pass: vacuumMs },
      indexes: await indexList(knex),
      passes: {
        lag: { visibility: lagVisibility, ...lag },
        vacuumed: { visibility: vacuumedVisibility, index_sizes: modelIndexes, ...vacuumed },
        ...(indexed ? { indexed } : {}),
        ...(tail ? { tail } : {}),
      },
      proposed_sql: { clicks_affiliate: PROPOSED_CLICKS_SQL(true), clicks_program: PROPOSED_CLICKS_SQL(false), top: PROPOSED_TOP_SQL },
      proposed_indexes: PROPOSED_INDEXES,
      total_ms: Date.now() - started,
    }
    fs.writeFileSync(OUT, JSON.stringify(result, null, 2))
  } finally {
    await booted?.shutdown().catch(() => {})
    await cleanup()
    await admin.destroy()
  }
}

if (require.main === module) {
  main().then(
    () => process.exit(0),
    (error) => {
      console.error(error)
      process.exit(1)
    }
  )
}
