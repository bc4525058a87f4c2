#!/usr/bin/env node
/* eslint-disable no-console */
// `npm run bench [-- release|clicks|attribution ...]`: the plugin's performance benchmarks.
// Each part measures a target against its own baseline in the same run and writes its
// figures to bench/results/<part>.json; BENCHMARKS.md is then rewritten from every result
// file present (parts run alone keep the other parts' last figures, with their own dates).
//
//   release      1,000,000 due ledger entries: service release vs one raw UPDATE
//   clicks       POST /store/affiliates/:code/clicks vs a no-op store route (autocannon)
//   attribution  attributeOrderWorkflow over 1,000 real orders: latency, no duplicates
//   reports      portal stats and admin report over 1,000,000 clicks: p95, query plans
//
// PostgreSQL: DB_HOST/DB_PORT/DB_USERNAME/DB_PASSWORD (default localhost:5432, postgres).
// If nothing listens there, an embedded PostgreSQL is started (scripts/ensure-postgres.js)
// and stopped at the end. Scratch databases (medusa_affiliates_bench_*) are created and
// dropped; child processes run in their own process groups and are stopped on exit,
// Ctrl-C or SIGTERM. Logs: $TMPDIR/medusa-affiliates-bench-<timestamp>/.
//
// BENCH_PG=private starts an embedded PostgreSQL of the bench's own on a free port instead.
// Knobs: BENCH_RELEASE_ROWS (1000000), BENCH_ORDERS (1000), BENCH_CONNECTIONS (32),
// BENCH_DURATION (10 s per measured click run), BENCH_ROUNDS (2 alternating rounds),
// BENCH_WARMUP (3 s), BENCH_PORT.
"use strict"

const fs = require("fs")
const os = require("os")
const path = require("path")
const env = require("./lib/env")
const { clicksBench } = require("./lib/clicks")
const { writeReport } = require("./lib/report")
const { ensurePostgres } = require("../scripts/ensure-postgres")

const PARTS = ["release", "clicks", "attribution", "reports"]
const APP_DIR = path.join(__dirname, "app")
const RESULTS = path.join(__dirname, "results")
const MEDUSA = path.join(env.ROOT, "node_modules", "@medusajs", "cli", "cli.js")
const APP_DB = "medusa_affiliates_bench_app"
const RELEASE_DBS = ["medusa_affiliates_bench_release_tpl", "medusa_affiliates_bench_release_run"]

const args = process.argv.slice(2)
const parts = args.length ? args : PARTS
const unknown = parts.filter((p) => !PARTS.includes(p))
if (unknown.length) {
  console.error(`Unknown part(s): ${unknown.join(", ")}. Usage: npm run bench [-- ${PARTS.join("|")} ...]`)
  process.exit(2)
}
const command = `npm run bench${args.length ? ` -- ${args.join(" ")}` : ""}`

const LOG_DIR = fs.mkdtempSync(path.join(os.tmpdir(), "medusa-affiliates-bench-"))
const say = (message) => console.log(`[bench] ${message}`)
const seconds = (ms) => `${(ms / 1000).toFixed(1)} s`

// ---------------------------------------------------------------------------------------
// Cleanup: our child process groups, our scratch databases, the embedded PostgreSQL.

let embedded = null
const databases = new Set()
let cleaning = null

function cleanup() {
  cleaning ??= (async () => {
    await env.stopAll()
    for (const name of databases) {
      await env.dropDatabase(name).catch((e) => console.error(`[bench] could not drop ${name}: ${e.message}`))
    }
    if (embedded) {
      await embedded.stop().catch(() => {})
    }
  })()
  return cleaning
}

for (const signal of ["SIGINT", "SIGTERM", "SIGHUP"]) {
  process.on(signal, () => {
    say(`${signal}: stopping children and dropping scratch databases`)
    cleanup().finally(() => process.exit(130))
  })
}

// ---------------------------------------------------------------------------------------
// The bench app (bench/app): migrated and seeded once for the clicks and attribution parts.

const appEnv = () => ({
  DATABASE_URL: env.dbUrl(APP_DB),
  MEDUSA_DISABLE_TELEMETRY: "true",
  NODE_ENV: "production",
  // "info" keeps Medusa's per-request http log lines out (they are level "http").
  LOG_LEVEL: "info",
})

/** Keeps bench/app/src/links in step with src/links (one re-export per plugin link). */
function syncLinkShims() {
  const from = path.join(env.ROOT, "src", "links")
  const to = path.join(APP_DIR, "src", "links")
  fs.mkdirSync(to, { recursive: true })
  const names = fs.readdirSync(from).filter((f) => /\.ts$/.test(f) && !f.endsWith(".d.ts"))
  for (const stale of fs.readdirSync(to)) {
    if (!names.includes(stale)) fs.rmSync(path.join(to, stale))
  }
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
  databases.add(APP_DB)
  await env.createDatabase(APP_DB)
  const logFile = path.join(LOG_DIR, "app-setup.log")
  await env.run("medusa db:migrate", process.execPath, [MEDUSA, "db:migrate"], { cwd: APP_DIR, env: appEnv(), logFile })
  const seedFile = path.join(LOG_DIR, "seed.json")
  await env.run("medusa exec seed", process.execPath, [MEDUSA, "exec", "./scripts/seed.ts"], {
    cwd: APP_DIR,
    env: { ...appEnv(), BENCH_SEED_OUT: seedFile },
    logFile,
  })
  appSeed = { file: seedFile, ...JSON.parse(fs.readFileSync(seedFile, "utf8")) }
  say(`bench app migrated (core + plugin migrations) and seeded in ${seconds(Date.now() - t)}`)
  return appSeed
}

async function waitForHealth(url, timeoutMs, exited) {
  const deadline = Date.now() + timeoutMs
  let dead = false
  exited.then(() => (dead = true))
  while (Date.now() < deadline && !dead) {
    try {
      const res = await fetch(`${url}/health`)
      if (res.ok) return
    } catch {}
    await new Promise((r) => setTimeout(r, 250))
  }
  throw new Error(dead ? "the server exited before it was ready" : `no /health answer within ${timeoutMs} ms`)
}

// ---------------------------------------------------------------------------------------
// Parts

async function partRelease() {
  RELEASE_DBS.forEach((d) => databases.add(d))
  const out = path.join(LOG_DIR, "release.json")
  const logFile = path.join(LOG_DIR, "release.log")
  const node = [process.execPath, "--expose-gc", "-r", "ts-node/register", path.join(__dirname, "release", "release.ts")]
  const timeBin = fs.existsSync("/usr/bin/time") ? "/usr/bin/time" : null
  await env.run("release benchmark", timeBin ?? node[0], timeBin ? ["-v", ...node] : node.slice(1), {
    env: {
      BENCH_PG_URL: env.dbUrl("postgres"),
      BENCH_RESULT_OUT: out,
      BENCH_RELEASE_ROWS: process.env.BENCH_RELEASE_ROWS || "1000000",
    },
    logFile,
    echo: /^\[release\]/,
  })
  const result = JSON.parse(fs.readFileSync(out, "utf8"))
  const maxRss = /Maximum resident set size \(kbytes\): (\d+)/.exec(fs.readFileSync(logFile, "utf8"))
  result.child_max_rss_mb = maxRss ? Math.round(Number(maxRss[1]) / 102.4) / 10 : null
  return result
}

async function partClicks() {
  const seed = await prepareApp()
  const port = Number(process.env.BENCH_PORT) || (await env.freePort())
  const baseUrl = `http://localhost:${port}`
  const logFile = path.join(LOG_DIR, "server.log")
  const t = Date.now()
  const server = env.start("medusa start", process.execPath, [MEDUSA, "start", "--port", String(port)], {
    cwd: APP_DIR,
    env: appEnv(),
    logFile,
  })
  try {
    await waitForHealth(baseUrl, 120_000, server.exited)
    say(`bench app serving on :${port} after ${seconds(Date.now() - t)} (medusa start, NODE_ENV=production, one process)`)
    const countClicks = async () =>
      Number(
        (await env.sql(APP_DB, "SELECT count(*)::int AS n FROM affiliate_click WHERE affiliate_id = $1", [seed.clickAffiliate.id]))
          .rows[0].n
      )
    const backendPids = async () =>
      (await env.sql("postgres", "SELECT pid FROM pg_stat_activity WHERE datname = $1 AND pid <> pg_backend_pid()", [APP_DB])).rows.map(
        (r) => r.pid
      )
    return await clicksBench({
      baseUrl,
      serverPid: server.child.pid,
      backendPids,
      rounds: Number(process.env.BENCH_ROUNDS || 2),
      key: seed.publishableKey,
      code: seed.clickAffiliate.code,
      connections: Number(process.env.BENCH_CONNECTIONS || 32),
      duration: Number(process.env.BENCH_DURATION || 10),
      warmup: Number(process.env.BENCH_WARMUP || 3),
      log: (m) => console.log(`  [clicks] ${m}`),
      countClicks,
    })
  } finally {
    await env.stop(server.child.pid)
  }
}

async function partAttribution() {
  const seed = await prepareApp()
  const out = path.join(LOG_DIR, "attribution.json")
  await env.run("attribution benchmark", process.execPath, [MEDUSA, "exec", "./scripts/attribution.ts"], {
    cwd: APP_DIR,
    env: {
      ...appEnv(),
      BENCH_SEED_IN: seed.file,
      BENCH_RESULT_OUT: out,
      BENCH_ORDERS: process.env.BENCH_ORDERS || "1000",
    },
    logFile: path.join(LOG_DIR, "attribution.log"),
    echo: /^\[attribution\]/,
  })
  return JSON.parse(fs.readFileSync(out, "utf8"))
}

// Portal stats and the admin report over 1M clicks: bench/reports/run.js manages its own
// scratch database and writes results/reports.json, whose measurements are this part's data.
async function partReports() {
  await env.run("reports benchmark", process.execPath, [path.join(__dirname, "reports", "run.js")], {
    env: { BENCH_COMMAND: command, DB_HOST: env.db.host, DB_PORT: String(env.db.port) },
    logFile: path.join(LOG_DIR, "reports.log"),
    echo: /^\[reports\]/,
  })
  return JSON.parse(fs.readFileSync(path.join(RESULTS, "reports.json"), "utf8")).data
}

const RUNNERS = { release: partRelease, clicks: partClicks, attribution: partAttribution, reports: partReports }

// ---------------------------------------------------------------------------------------

async function main() {
  const started = Date.now()
  say(`${command}: ${parts.join(", ")} (logs in ${LOG_DIR})`)
  if (process.env.BENCH_PG === "private") {
    // A PostgreSQL of our own on a free port: no other database's WAL, checkpoints or
    // buffers in the measurements (CPU and disk are still shared with the machine).
    env.db.host = "localhost"
    env.db.port = await env.freePort()
  }
  embedded = await ensurePostgres({ host: env.db.host, port: env.db.port, user: env.db.user, log: () => {} })
  if (embedded.started) {
    say(
      process.env.BENCH_PG === "private"
        ? `BENCH_PG=private: started an embedded PostgreSQL of our own on ${env.db.host}:${env.db.port}`
        : `nothing listened on ${env.db.host}:${env.db.port}: started an embedded PostgreSQL there`
    )
  } else {
    embedded = null
  }
  const machine = await env.machine(!!embedded)
  say(`${machine.date}; ${machine.nproc} CPUs (${machine.cpu_model}), ${machine.memory_gib} GiB; ${machine.postgres}`)

  fs.mkdirSync(RESULTS, { recursive: true })
  for (const part of parts) {
    const t = Date.now()
    say(`--- ${part}`)
    const loadBefore = os.loadavg()
    const partMachine = await env.machine(!!embedded)
    const data = await RUNNERS[part]()
    const result = {
      part,
      command,
      machine: partMachine,
      loadavg_before: loadBefore.map((l) => Math.round(l * 100) / 100),
      loadavg_after: os.loadavg().map((l) => Math.round(l * 100) / 100),
      duration_ms: Date.now() - t,
      data,
    }
    fs.writeFileSync(path.join(RESULTS, `${part}.json`), JSON.stringify(result, null, 2) + "\n")
    say(`${part} done in ${seconds(Date.now() - t)}`)
  }
  await cleanup()
  const file = writeReport(RESULTS, path.join(env.ROOT, "BENCHMARKS.md"))
  say(`wrote ${path.relative(env.ROOT, file)}; total ${seconds(Date.now() - started)}`)
}

main().then(
  () => process.exit(0),
  async (error) => {
    console.error(`[bench] failed: ${error.stack || error}`)
    await cleanup()
    process.exit(1)
  }
)
