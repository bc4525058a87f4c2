// Part "reports": portal stats and the admin activity report (AffiliateModuleService.
// getActivityReport, the method behind GET /store/customers/me/affiliate/stats and GET
// /admin/affiliate-reports) at growing sizes: 100,000 and 1,000,000 clicks (with BENCH_SCALE=10
// also 10,000,000), each with a tenth as many receipts and ledger entries. Target: p95 < 50 ms,
// near-flat growth. Spawned by bench/run.js. Env: BENCH_PG_URL (admin URL), BENCH_RESULT_OUT
// (JSON file), BENCH_REPORT_RUNS (60 measured calls per scenario), BENCH_REPORT_WARMUP (10),
// BENCH_REPORT_CLICKS (comma-separated click counts, overriding the levels).
//
// Per level:
// 1. A scratch database with the module's schema from its migrations; autovacuum off for the
//    module's tables so no background vacuum changes the state between measurements.
// 2. fill.ts stages the data set; rows older than 73 days (80 % of the year) are inserted and
//    vacuumed, then the newest 20 % inserted and only ANALYZEd: the worst state autovacuum's
//    default insert threshold (20 % of the table) leaves, the newest pages not all-visible.
// 3. Pass "autovacuum lag": every scenario warmed up, then measured round-robin (order rotated
//    each round); per-statement latency from knex's query events; then EXPLAIN (ANALYZE,
//    BUFFERS) of each statement the method ran, as captured from knex.
//    Before the passes the daily rollup is built (rollUpActivity up to the fill's day, timed),
//    and an hourly run after one more day is timed too: reports read whole days from it.
// 4. VACUUM ANALYZE, then pass "vacuumed" the same way (the figures held against the target).
import { Booted, createModuleDatabase, explain, ms, now, queryTap, stats, worker } from "../lib/module"
import { dropStaging, FillCounts, insertRange, stage, TABLES, ZIPF_S } from "./fill"

const DB = "medusa_affiliates_bench_reports"
const RUNS = Number(process.env.BENCH_REPORT_RUNS || 60)
const WARMUP = Number(process.env.BENCH_REPORT_WARMUP || 10)
const SCALE = Number(process.env.BENCH_SCALE || 1)
const LEVELS = (process.env.BENCH_REPORT_CLICKS ? process.env.BENCH_REPORT_CLICKS.split(",").map(Number) : [100_000, 1_000_000, ...(SCALE >= 10 ? [10_000_000] : [])]).map(
  (clicks) => ({ affiliates: 200, clicks, receipts: clicks / 10, entries: clicks / 10 })
)
const TARGET_P95_MS = 50
const DAY = 86_400_000
/** The newest share of rows not yet vacuumed in the "autovacuum lag" pass (the default insert threshold). */
const LAG_SHARE = 0.2
const BIG_TABLES = ["affiliate_click", "affiliate_order_attribution", "affiliate_commission"]

const log = (message: string) => console.log(`[reports] ${message}`)

type Scenario = { key: string; label: string; affiliate_id?: string; from: Date; to: Date; interval: "day" | "week" | "month" }
type AffiliateFacts = { id: string; code: string; rank: number; clicks: number; credited: number; entries: number }

/** The list: portal for a busy and a typical affiliate (30 d by day, 365 d by month); admin 30 d by day, 90 d by week. */
function scenarios(anchor: Date, busy: AffiliateFacts, typical: AffiliateFacts): Scenario[] {
  // `to` is the start of the next UTC day, so today is the last bucket (as a portal "last N days" asks).
  const to = new Date(Math.floor(anchor.getTime() / DAY) * DAY + DAY)
  const back = (days: number) => new Date(to.getTime() - days * DAY)
  const portal = (who: string, a: AffiliateFacts): Scenario[] => [
    { key: `portal-${who}-30d-day`, label: `portal, ${who} affiliate (${a.code}), last 30 days by day`, affiliate_id: a.id, from: back(30), to, interval: "day" },
    { key: `portal-${who}-365d-month`, label: `portal, ${who} affiliate (${a.code}), last 365 days by month`, affiliate_id: a.id, from: back(365), to, interval: "month" },
  ]
  return [
    ...portal("busy", busy),
    ...portal("typical", typical),
    { key: "admin-30d-day", label: "admin, program-wide, last 30 days by day", from: back(30), to, interval: "day" },
    { key: "admin-90d-week", label: "admin, program-wide, last 90 days by week", from: back(90), to, interval: "week" },
  ]
}

async function affiliateFacts(knex: any, rank: number): Promise<AffiliateFacts> {
  const { rows } = await knex.raw(
    `SELECT a.id, a.code,
            (SELECT count(*)::int FROM affiliate_click c WHERE c.affiliate_id = a.id) AS clicks,
            (SELECT count(*)::int FROM affiliate_order_attribution o WHERE o.affiliate_id = a.id AND o.outcome = 'credited') AS credited,
            (SELECT count(*)::int FROM affiliate_commission e WHERE e.affiliate_id = a.id) AS entries
     FROM affiliate a WHERE a.id = ?`,
    [`aff_bench_${String(rank).padStart(3, "0")}`]
  )
  return { ...rows[0], rank }
}

/** Which statement of getActivityReport a query is, by the table it reads. */
function statementOf(sql: string) {
  if (/generate_series/i.test(sql)) return "buckets"
  if (/affiliate_job_cursor/i.test(sql)) return "mark"
  if (/from "?affiliate_click"?/i.test(sql)) return "clicks"
  if (/from "?affiliate_order_attribution"?/i.test(sql)) return "orders"
  if (/join "?affiliate"? /i.test(sql)) return "top"
  if (/from "?affiliate_commission"?/i.test(sql)) return "money"
  return "other"
}

/** What a plan shows: the scans (and indexes), heap fetches, buffers, JIT, time. */
function summarisePlan(plan: string) {
  const scans: string[] = []
  for (const line of plan.split("\n")) {
    const m = /(Index Only Scan|Index Scan|Bitmap Index Scan|Seq Scan|Bitmap Heap Scan)(?: Backward)?(?: using "?(\w+)"?)?(?: on "?(\w+)"?)?/.exec(line)
    if (m) scans.push([m[1], m[2], m[3] && `on ${m[3]}`].filter(Boolean).join(" "))
  }
  const seq = scans.filter((s) => s.startsWith("Seq Scan")).map((s) => s.replace("Seq Scan on ", ""))
  const jit = /JIT:[\s\S]*?Timing:.*?Total ([\d.]+) ms/.exec(plan)
  const exec = /Execution Time: ([\d.]+) ms/.exec(plan)
  return {
    scans,
    seq_scan_on_big_table: seq.filter((t) => BIG_TABLES.includes(t)),
    heap_fetches: [...plan.matchAll(/Heap Fetches: (\d+)/g)].reduce((a, m) => a + Number(m[1]), 0),
    jit_ms: jit ? Number(jit[1]) : null,
    execution_ms: exec ? Number(exec[1]) : null,
    // The top node's buffers are the statement's total.
    shared_hit: Number(/shared hit=(\d+)/.exec(plan)?.[1] ?? 0),
    shared_read: Number(/read=(\d+)/.exec(plan)?.[1] ?? 0),
  }
}

const showBinding = (v: unknown) => (v instanceof Date ? v.toISOString() : String(v))

/** Warm-up, then RUNS rounds over all scenarios (order rotated each round); then the plans. */
async function pass(name: string, { service, knex }: Booted, list: Scenario[]) {
  const tap = queryTap(knex, statementOf)
  const call = (s: Scenario) => service.getActivityReport({ affiliate_id: s.affiliate_id, from: s.from, to: s.to, interval: s.interval })
  for (const s of list) for (let i = 0; i < WARMUP; i++) await call(s)
  const wall: Record<string, number[]> = Object.fromEntries(list.map((s) => [s.key, []]))
  const perStatement: Record<string, Record<string, number[]>> = Object.fromEntries(list.map((s) => [s.key, {}]))
  const t0 = now()
  for (let round = 0; round < RUNS; round++) {
    for (let i = 0; i < list.length; i++) {
      const s = list[(i + round) % list.length]
      tap.time(perStatement[s.key])
      const t = now()
      await call(s)
      wall[s.key].push(ms(t))
      tap.time(null)
    }
  }
  const results: unknown[] = []
  for (const s of list) {
    const { queries } = await tap.capture(() => call(s))
    const plans: (ReturnType<typeof summarisePlan> & { statement: string; sql: string; bindings: string[]; plan: string })[] = []
    for (const q of queries) {
      const plan = await explain(knex, q)
      plans.push({ statement: statementOf(q.sql), sql: q.sql, bindings: q.bindings.map(showBinding), ...summarisePlan(plan), plan })
    }
    const timing = stats(wall[s.key])
    results.push({
      key: s.key,
      ...timing,
      statements: Object.fromEntries(Object.entries(perStatement[s.key]).map(([k, v]) => [k, stats(v)])),
      plans,
    })
    log(`${name}: ${s.key} p50 ${timing.p50} / p95 ${timing.p95} ms`)
  }
  log(`${name}: ${RUNS} rounds in ${(ms(t0) / 1000).toFixed(1)} s`)
  return { runs: RUNS, warmup: WARMUP, visibility: await visibility(knex), scenarios: results }
}

/** How much of each table's heap is all-visible (what Index Only Scans depend on). */
async function visibility(knex: any) {
  const { rows } = await knex.raw(
    `SELECT relname AS table, relpages AS pages, relallvisible AS all_visible_pages
     FROM pg_class WHERE relname = ANY(?) AND relkind = 'r' ORDER BY relname`,
    [TABLES]
  )
  return rows.map((r: any) => ({ ...r, all_visible_pct: r.pages ? Math.round((r.all_visible_pages / r.pages) * 1000) / 10 : null }))
}

worker(
  async (admin) => {
    const levels: unknown[] = []
    for (const counts of LEVELS) {
      log(`--- ${counts.clicks.toLocaleString("en-US")} clicks`)
      levels.push(await measureLevel(admin, counts))
      await admin.raw(`DROP DATABASE IF EXISTS "${DB}" WITH (FORCE)`)
    }
    return { scale: SCALE, target_p95_ms: TARGET_P95_MS, zipf_s: ZIPF_S, lag_share: LAG_SHARE, levels }
  },
  async (admin) => {
    await admin.raw(`DROP DATABASE IF EXISTS "${DB}" WITH (FORCE)`)
  }
)

async function measureLevel(admin: any, COUNTS: FillCounts) {
  const started = Date.now()
  let t = now()
  const booted = await createModuleDatabase(admin, DB)
  const { knex } = booted
  try {
    log(`schema from the module's migrations in ${Math.round(ms(t))} ms`)
    for (const table of TABLES) await knex.raw(`ALTER TABLE "${table}" SET (autovacuum_enabled = off)`)

    // The fill's "now", a whole second so that reruns with the same data are alike.
    const anchor = new Date(Math.floor(Date.now() / 1000) * 1000)
    const split = new Date(anchor.getTime() - LAG_SHARE * 365 * DAY)
    t = now()
    const mix = await stage(knex, COUNTS, anchor)
    await insertRange(knex, anchor, new Date(anchor.getTime() - 400 * DAY), split)
    await knex.raw(`VACUUM ANALYZE ${TABLES.join(", ")}`)
    await insertRange(knex, anchor, split, new Date(anchor.getTime() + DAY))
    await dropStaging(knex)
    await knex.raw(`ANALYZE ${TABLES.join(", ")}`)
    const fillMs = Math.round(ms(t))
    const { rows: [counts] } = await knex.raw(
      `SELECT (SELECT count(*)::int FROM affiliate) AS affiliates,
              (SELECT count(*)::int FROM affiliate_click) AS clicks,
              (SELECT count(*)::int FROM affiliate_order_attribution) AS receipts,
              (SELECT count(*)::int FROM affiliate_order_attribution WHERE outcome = 'credited') AS credited_receipts,
              (SELECT count(*)::int FROM affiliate_commission) AS entries,
              (SELECT count(*)::int FROM affiliate_payout) AS payouts`
    )
    if (counts.clicks !== COUNTS.clicks || counts.entries !== COUNTS.entries || counts.receipts !== COUNTS.receipts) {
      throw new Error(`unexpected counts: ${JSON.stringify(counts)}`)
    }
    log(`filled ${JSON.stringify(counts)} in ${(fillMs / 1000).toFixed(1)} s`)

    const busy = await affiliateFacts(knex, 1)
    const typical = await affiliateFacts(knex, Math.round(COUNTS.affiliates / 2))
    const list = scenarios(anchor, busy, typical)
    // What each scenario aggregates: the cost of a report is the rows in its range.
    const inRange: Record<string, unknown> = {}
    for (const s of list) {
      const scope = s.affiliate_id ? "AND affiliate_id = :a" : ""
      const where = `created_at >= :f AND created_at < :t ${scope}`
      inRange[s.key] = (
        await knex.raw(
          `SELECT (SELECT count(*)::int FROM affiliate_click WHERE ${where}) AS clicks,
                  (SELECT count(*)::int FROM affiliate_order_attribution WHERE outcome = 'credited' AND ${where}) AS credited_orders,
                  (SELECT count(*)::int FROM affiliate_commission WHERE type IN ('sale', 'reversal', 'clawback') AND ${where}) AS entries`,
          { f: s.from, t: s.to, ...(s.affiliate_id ? { a: s.affiliate_id } : {}) }
        )
      ).rows[0]
    }
    // The daily rollup: built from the rows up to the fill's day (the first run after an
    // upgrade), then one hourly run a day later (re-derives the last day and the new one).
    t = now()
    await booted.service.rollUpActivity({ until: anchor })
    const rollupBuildMs = Math.round(ms(t))
    t = now()
    await booted.service.rollUpActivity({ until: new Date(anchor.getTime() + DAY) })
    const rollupHourlyMs = Math.round(ms(t))
    const { rows: [rollupRows] } = await knex.raw(
      `SELECT (SELECT count(*)::int FROM affiliate_daily_activity) AS activity_rows, (SELECT count(*)::int FROM affiliate_daily_commission) AS commission_rows`
    )
    await knex.raw(`ANALYZE affiliate_daily_activity, affiliate_daily_commission`)
    log(`rollup built in ${rollupBuildMs} ms (${JSON.stringify(rollupRows)}); a day's run ${rollupHourlyMs} ms`)
    const lag = await pass("autovacuum lag", booted, list)
    await knex.raw(`VACUUM ANALYZE ${TABLES.join(", ")}`)
    const vacuumed = await pass("vacuumed", booted, list)

    return {
      counts,
      mix,
      anchor: anchor.toISOString(),
      rollup: { build_ms: rollupBuildMs, next_day_ms: rollupHourlyMs, ...rollupRows },
      busy,
      typical,
      scenarios: list.map((s) => ({ ...s, from: s.from.toISOString(), to: s.to.toISOString(), rows_in_range: inRange[s.key] })),
      fill_ms: fillMs,
      passes: { lag, vacuumed },
      total_ms: Date.now() - started,
    }
  } finally {
    await booted.shutdown()
  }
}
