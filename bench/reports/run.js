#!/usr/bin/env node
/* eslint-disable no-console */
// `node bench/reports/run.js`: portal stats and the admin activity report over 1,000,000 clicks
// and 100,000 receipts and ledger entries (AffiliateModuleService.getActivityReport, behind
// GET /store/customers/me/affiliate/stats and GET /admin/affiliate-reports). Target: p95 < 50 ms.
//
// Standalone entry of the "reports" part (to be wired as `npm run bench -- reports`). It
// writes bench/results/reports.json (same envelope as bench/run.js's parts) and
// bench/reports/RESULTS.md (a BENCHMARKS.md section, rendered by bench/reports/markdown.js).
//
// PostgreSQL: DB_HOST/DB_PORT/DB_USERNAME/DB_PASSWORD (default localhost:5432, postgres). If
// nothing listens there, an embedded PostgreSQL is started (scripts/ensure-postgres.js) and
// stopped at the end. The scratch database medusa_affiliates_bench_reports is created and
// dropped (also on Ctrl-C / SIGTERM); the worker runs in its own process group.
// Knobs: BENCH_REPORT_RUNS (60), BENCH_REPORT_WARMUP (10), BENCH_REPORT_EXTRA_RUNS (20),
// BENCH_REPORT_CLICKS (1000000), BENCH_REPORT_ROWS (100000), BENCH_REPORT_PROPOSALS (1; 0 = the
// service only). Log: $TMPDIR/medusa-affiliates-bench-reports-*/reports.log.
"use strict"

const fs = require("fs")
const os = require("os")
const path = require("path")
const env = require("../lib/env")
const { ensurePostgres } = require("../../scripts/ensure-postgres")
const { renderReports } = require("./markdown")

const DB = "medusa_affiliates_bench_reports"
const RESULT_FILE = path.join(__dirname, "..", "results", "reports.json")
const MARKDOWN_FILE = path.join(__dirname, "RESULTS.md")
const command = process.env.BENCH_COMMAND || "node bench/reports/run.js"
const LOG_DIR = fs.mkdtempSync(path.join(os.tmpdir(), "medusa-affiliates-bench-reports-"))
const say = (message) => console.log(`[bench] ${message}`)

let embedded = null
let cleaning = null
function cleanup() {
  cleaning ??= (async () => {
    await env.stopAll()
    await env.dropDatabase(DB).catch((e) => console.error(`[bench] could not drop ${DB}: ${e.message}`))
    if (embedded) await embedded.stop().catch(() => {})
  })()
  return cleaning
}
for (const signal of ["SIGINT", "SIGTERM", "SIGHUP"]) {
  process.on(signal, () => {
    say(`${signal}: stopping the worker and dropping ${DB}`)
    cleanup().finally(() => process.exit(130))
  })
}

async function main() {
  const started = Date.now()
  say(`${command} (log in ${LOG_DIR})`)
  embedded = await ensurePostgres({ host: env.db.host, port: env.db.port, user: env.db.user, log: () => {} })
  if (embedded.started) say(`nothing listened on ${env.db.host}:${env.db.port}: started an embedded PostgreSQL there`)
  else embedded = null
  const machine = await env.machine(!!embedded)
  const loadBefore = os.loadavg()
  say(`${machine.date}; ${machine.nproc} CPUs (${machine.cpu_model}), ${machine.memory_gib} GiB; ${machine.postgres}; load ${loadBefore.map((l) => l.toFixed(2)).join(" / ")}`)

  const out = path.join(LOG_DIR, "reports.json")
  await env.run("reports benchmark", process.execPath, ["-r", "ts-node/register", path.join(__dirname, "reports.ts")], {
    env: { BENCH_PG_URL: env.dbUrl("postgres"), BENCH_RESULT_OUT: out, BENCH_REPORT_DB: DB },
    logFile: path.join(LOG_DIR, "reports.log"),
    echo: /^\[reports\] (?!EXPLAIN)/,
  })
  const result = {
    part: "reports",
    command,
    machine,
    loadavg_before: loadBefore.map((l) => Math.round(l * 100) / 100),
    loadavg_after: os.loadavg().map((l) => Math.round(l * 100) / 100),
    duration_ms: Date.now() - started,
    data: JSON.parse(fs.readFileSync(out, "utf8")),
  }
  await cleanup()
  fs.mkdirSync(path.dirname(RESULT_FILE), { recursive: true })
  fs.writeFileSync(RESULT_FILE, JSON.stringify(result, null, 2) + "\n")
  fs.writeFileSync(MARKDOWN_FILE, renderReports(result) + "\n")
  say(`wrote ${path.relative(env.ROOT, RESULT_FILE)} and ${path.relative(env.ROOT, MARKDOWN_FILE)}; total ${((Date.now() - started) / 1000).toFixed(1)} s`)
}

main().then(
  () => process.exit(0),
  async (error) => {
    if (cleaning) return // a signal is already stopping everything
    console.error(`[bench] failed: ${error.stack || error}`)
    await cleanup()
    process.exit(1)
  }
)
