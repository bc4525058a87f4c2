#!/usr/bin/env node
/* eslint-disable no-console */
// `npm run bench [-- part ...]`: the plugin's performance benchmarks, each measuring the real
// code against a baseline in the same run (what each part does: BENCHMARKS.md):
//
//   release      1,000,000 due ledger entries: releaseDueCommissions vs one raw UPDATE
//   clicks       POST /store/affiliates/:code/clicks vs a no-op store route (autocannon)
//   attribution  attributeOrderWorkflow over 1,000 real orders vs Medusa's own order read
//   reports      getActivityReport over 1,000,000 clicks: p95 and query plans
//   reconcile    the reconcile job on 100,000 credited orders of which 100 changed
//
// Each part writes bench/results/<part>.json; bench/results/RESULTS.md is then rendered from
// every result file present (both gitignored). PostgreSQL: DB_HOST/DB_PORT/DB_USERNAME/
// DB_PASSWORD, else embedded (BENCH_PG=private: always embedded, on a free port). Knobs and
// logs: BENCHMARKS.md, "How to run".
"use strict"

const { execFileSync } = require("child_process")
const fs = require("fs")
const os = require("os")
const path = require("path")
const harness = require("../scripts/lib/harness")
const { clicksBench } = require("./lib/clicks")
const { writeResults } = require("./lib/report")

const PARTS = ["release", "clicks", "attribution", "reports", "reconcile"]
const APP_DIR = path.join(__dirname, "app")
const RESULTS = path.join(__dirname, "results")
const APP_DB = "medusa_affiliates_bench_app"
// Every scratch database a part may leave behind if it is killed (the workers drop theirs).
const SCRATCH_DBS = [APP_DB, "medusa_affiliates_bench_release_tpl", "medusa_affiliates_bench_release_run", "medusa_affiliates_bench_reports"]

// BENCH_SCALE=10: the 10x figures (10,000,000 due entries to release, reports up to
// 10,000,000 clicks); the default run stays short.
const SCALE = Number(process.env.BENCH_SCALE || 1)
const args = process.argv.slice(2)
const parts = args.length ? args : PARTS
const unknown = parts.filter((p) => !PARTS.includes(p))
if (unknown.length) {
  console.error(`Unknown part(s): ${unknown.join(", ")}. Usage: npm run bench [-- ${PARTS.join("|")} ...]`)
  process.exit(2)
}
const command = `${SCALE !== 1 ? `BENCH_SCALE=${SCALE} ` : ""}npm run bench${args.length ? ` -- ${args.join(" ")}` : ""}`
const LOG_DIR = fs.mkdtempSync(path.join(os.tmpdir(), "medusa-affiliates-bench-"))
const say = (message) => console.log(`[bench] ${message}`)
const seconds = (ms) => `${(ms / 1000).toFixed(1)} s`
const round2 = (values) => values.map((l) => Math.round(l * 100) / 100)

const server = harness.serverFromEnv()
const url = (database) => harness.dbUrl(server, database)
let embedded = null
let cleaning = null
let signalled = false

function cleanup() {
  cleaning ??= (async () => {
    await harness.stopAll()
    if (embedded) return embedded.stop().catch(() => {}) // its databases go with it
    for (const name of SCRATCH_DBS) {
      await harness.dropDatabase(url(name)).catch((e) => console.error(`[bench] could not drop ${name}: ${e.message}`))
    }
  })()
  return cleaning
}
harness.onSignals(() => {
  signalled = true
  say("stopping children and dropping scratch databases")
  return cleanup()
}, say)

async function machine() {
  const sh = (cmd, cmdArgs, fallback) => {
    try {
      return execFileSync(cmd, cmdArgs).toString().trim()
    } catch {
      return fallback
    }
  }
  const cpuLine = sh("grep", ["-m1", "model name", "/proc/cpuinfo"], "")
  const pg = url("postgres")
  const [{ v }] = await harness.query(pg, "SELECT version() AS v")
  const settings = await harness.query(
    pg,
    `SELECT name, current_setting(name) AS value FROM pg_settings
     WHERE name IN ('shared_buffers', 'max_wal_size', 'synchronous_commit', 'fsync', 'autovacuum', 'work_mem', 'jit')`
  )
  return {
    date: sh("date", ["-u"], new Date().toUTCString()),
    nproc: Number(sh("nproc", [], os.cpus().length)),
    memory_gib: Math.round((os.totalmem() / 1024 ** 3) * 10) / 10,
    cpu_model: cpuLine.split(":")[1]?.trim() || os.cpus()[0]?.model,
    node: process.version,
    postgres: v.split(" on ")[0] + (embedded ? " (embedded, started by the bench)" : ""),
    postgres_settings: Object.fromEntries(settings.map((s) => [s.name, s.value])),
  }
}

/** Runs a worker to completion, its `[part]` lines echoed; returns the JSON it wrote. */
async function runWorker(part, cmd, cmdArgs, { cwd, env = {} } = {}) {
  const out = path.join(LOG_DIR, `${part}.json`)
  const logFile = path.join(LOG_DIR, `${part}.log`)
  await harness.run(`${part} benchmark`, cmd, cmdArgs, {
    cwd,
    env: { ...process.env, BENCH_PG_URL: url("postgres"), BENCH_RESULT_OUT: out, ...env },
    logFile,
    echo: new RegExp(`^\\[${part}\\]`),
  })
  return { result: JSON.parse(fs.readFileSync(out, "utf8")), logFile }
}

const tsWorker = (file) => ["-r", "ts-node/register", path.join(__dirname, file)]

// ---------------------------------------------------------------------------------------
// The bench app (bench/app): migrated and seeded once for the clicks and attribution parts.

const appEnv = () => ({
  ...process.env,
  DATABASE_URL: url(APP_DB),
  MEDUSA_DISABLE_TELEMETRY: "true",
  NODE_ENV: "production",
  // "info" keeps Medusa's per-request http log lines out (they are level "http").
  LOG_LEVEL: "info",
})
const medusa = (medusaArgs) => [harness.MEDUSA_CLI, ...medusaArgs]

/** Keeps bench/app/src/links in step with src/links (one re-export per plugin link). */
function syncLinkShims() {
  const from = path.join(harness.ROOT, "src", "links")
  const to = path.join(APP_DIR, "src", "links")
  fs.mkdirSync(to, { recursive: true })
  const names = fs.readdirSync(from).filter((f) => f.endsWith(".ts") && !f.endsWith(".d.ts"))
  for (const stale of fs.readdirSync(to)) if (!names.includes(stale)) fs.rmSync(path.join(to, stale))
  for (const name of names) {
    const text = `// The plugin's link, unchanged.\nexport { default } from "../../../../src/links/${name.replace(/\.ts$/, "")}"\n`
    const file = path.join(to, name)
    if (!fs.existsSync(file) || fs.readFileSync(file, "utf8") !== text) fs.writeFileSync(file, text)
  }
}

let appSeed = null
async function prepareApp() {
  if (appSeed) return appSeed
  syncLinkShims()
  const t = Date.now()
  await harness.dropDatabase(url(APP_DB))
  await harness.createDatabase(url(APP_DB))
  const logFile = path.join(LOG_DIR, "app-setup.log")
  await harness.run("medusa db:migrate", process.execPath, medusa(["db:migrate"]), { cwd: APP_DIR, env: appEnv(), logFile })
  const file = path.join(LOG_DIR, "seed.json")
  await harness.run("medusa exec seed", process.execPath, medusa(["exec", "./scripts/seed.ts"]), {
    cwd: APP_DIR,
    env: { ...appEnv(), BENCH_SEED_OUT: file },
    logFile,
  })
  appSeed = { file, ...JSON.parse(fs.readFileSync(file, "utf8")) }
  say(`bench app migrated (core + plugin migrations) and seeded in ${seconds(Date.now() - t)}`)
  return appSeed
}

// ---------------------------------------------------------------------------------------
// Parts

async function partRelease() {
  // /usr/bin/time -v reports the worker's peak RSS over boot, seeding and every run.
  const node = [process.execPath, "--expose-gc", ...tsWorker("release/release.ts")]
  const timed = fs.existsSync("/usr/bin/time") ? ["/usr/bin/time", ["-v", ...node]] : [node[0], node.slice(1)]
  const rows = process.env.BENCH_RELEASE_ROWS || String(1_000_000 * SCALE)
  const { result, logFile } = await runWorker("release", ...timed, { env: { BENCH_RELEASE_ROWS: rows } })
  const maxRss = /Maximum resident set size \(kbytes\): (\d+)/.exec(fs.readFileSync(logFile, "utf8"))
  result.child_max_rss_mb = maxRss ? Math.round(Number(maxRss[1]) / 102.4) / 10 : null
  return result
}

async function partClicks() {
  const seed = await prepareApp()
  const port = Number(process.env.BENCH_PORT) || (await harness.freePort())
  const baseUrl = `http://localhost:${port}`
  const t = Date.now()
  const app = harness.start("medusa start", process.execPath, medusa(["start", "--port", String(port)]), {
    cwd: APP_DIR,
    env: appEnv(),
    logFile: path.join(LOG_DIR, "server.log"),
  })
  try {
    await harness.waitForHttp(`${baseUrl}/health`, { timeoutMs: 120_000, exited: app.exited })
    say(`bench app serving on :${port} after ${seconds(Date.now() - t)} (medusa start, NODE_ENV=production, one process)`)
    return await clicksBench({
      baseUrl,
      serverPid: app.pid,
      backendPids: async () =>
        (await harness.query(url("postgres"), "SELECT pid FROM pg_stat_activity WHERE datname = $1 AND pid <> pg_backend_pid()", [APP_DB])).map((r) => r.pid),
      countClicks: async () =>
        (await harness.query(url(APP_DB), "SELECT count(*)::int AS n FROM affiliate_click WHERE affiliate_id = $1", [seed.clickAffiliate.id]))[0].n,
      key: seed.publishableKey,
      code: seed.clickAffiliate.code,
      rounds: Number(process.env.BENCH_ROUNDS || 3),
      connections: Number(process.env.BENCH_CONNECTIONS || 32),
      duration: Number(process.env.BENCH_DURATION || 10),
      warmup: Number(process.env.BENCH_WARMUP || 3),
      log: (m) => console.log(`  [clicks] ${m}`),
    })
  } finally {
    await harness.stop(app.pid)
  }
}

async function partAttribution() {
  const seed = await prepareApp()
  const { result } = await runWorker("attribution", process.execPath, medusa(["exec", "./scripts/attribution.ts"]), {
    cwd: APP_DIR,
    env: { ...appEnv(), BENCH_SEED_IN: seed.file, BENCH_ORDERS: process.env.BENCH_ORDERS || "1000" },
  })
  return result
}

async function partReconcile() {
  const seed = await prepareApp()
  const { result } = await runWorker("reconcile", process.execPath, medusa(["exec", "./scripts/reconcile.ts"]), {
    cwd: APP_DIR,
    env: { ...appEnv(), BENCH_SEED_IN: seed.file },
  })
  return result
}

async function partReports() {
  return (await runWorker("reports", process.execPath, tsWorker("reports/reports.ts"))).result
}

const RUNNERS = { release: partRelease, clicks: partClicks, attribution: partAttribution, reports: partReports, reconcile: partReconcile }

// ---------------------------------------------------------------------------------------

async function main() {
  const started = Date.now()
  say(`${command}: ${parts.join(", ")} (logs in ${LOG_DIR})`)
  if (process.env.BENCH_PG === "private") {
    server.host = "localhost"
    server.port = await harness.freePort()
  }
  const pg = await harness.ensurePostgres({ host: server.host, port: server.port, user: server.user, log: () => {} })
  if (pg.started) {
    embedded = pg
    say(`started an embedded PostgreSQL on ${server.host}:${server.port} (${process.env.BENCH_PG === "private" ? "BENCH_PG=private" : "nothing listened there"})`)
  }
  const m = await machine()
  say(`${m.date}; ${m.nproc} CPUs (${m.cpu_model}), ${m.memory_gib} GiB; ${m.postgres}`)

  fs.mkdirSync(RESULTS, { recursive: true })
  for (const part of parts) {
    const t = Date.now()
    say(`--- ${part}`)
    const loadBefore = os.loadavg()
    const partMachine = await machine()
    const data = await RUNNERS[part]()
    const result = {
      part,
      command,
      machine: partMachine,
      loadavg_before: round2(loadBefore),
      loadavg_after: round2(os.loadavg()),
      duration_ms: Date.now() - t,
      data,
    }
    fs.writeFileSync(path.join(RESULTS, `${part}.json`), JSON.stringify(result, null, 2) + "\n")
    say(`${part} done in ${seconds(Date.now() - t)}`)
  }
  await cleanup()
  const file = writeResults(RESULTS)
  say(`results: ${path.relative(process.cwd(), file)} (tables) and bench/results/<part>.json; total ${seconds(Date.now() - started)}`)
}

main().then(
  () => process.exit(0),
  async (error) => {
    if (signalled) return // the signal handler is stopping everything
    console.error(`[bench] failed: ${error.stack || error}`)
    await cleanup()
    process.exit(1)
  }
)
