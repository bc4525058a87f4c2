#!/usr/bin/env node
/* eslint-disable no-console */
// `npm run demo`: a real Medusa store with this plugin and the admin dashboard, from a fresh
// clone, in one command.
//
//   1. builds the plugin (`medusa plugin:build`) so the store loads the current code;
//   2. links it into demo/node_modules/medusa-affiliates (demo/ is a plain Medusa app whose
//      medusa-config.ts lists `plugins: [{ resolve: "medusa-affiliates" }]`);
//   3. uses DATABASE_URL when set (creating the database if needed), else starts an
//      embedded PostgreSQL with its data in .demo/pgdata on port DEMO_PG_PORT (54329);
//   4. migrates, seeds once, creates the admin user once;
//   5. runs `medusa develop` on PORT (9000) and prints the logins (admin, and the affiliate
//      portal's customer) once /health answers.
//
// Ctrl-C (or SIGTERM) stops the store, then the embedded PostgreSQL. Later runs reuse the
// data, and skip the build and the migrations while the plugin's files are unchanged (their
// fingerprints are kept in .demo/state.json). Start over with `rm -rf .demo`.
//
// Environment: DATABASE_URL, PORT, DEMO_PG_PORT, DEMO_REBUILD=1 (build and migrate even if
// nothing changed), DEMO_ADMIN_EMAIL, DEMO_ADMIN_PASSWORD.

"use strict"

const crypto = require("crypto")
const fs = require("fs")
const path = require("path")
const harness = require("../scripts/lib/harness")

const REPO = harness.ROOT
const DEMO = __dirname
const STATE_DIR = path.join(REPO, ".demo")
const STATE_FILE = path.join(STATE_DIR, "state.json")
const PG_DATA = path.join(STATE_DIR, "pgdata")
const BUILD_OUT = path.join(REPO, ".medusa", "server")
const MEDUSA_CLI = harness.MEDUSA_CLI
const ENSURE_POSTGRES = path.join(REPO, "scripts", "ensure-postgres.js")
const SEED_META = require("./src/scripts/seed/meta.json")

const PORT = Number(process.env.PORT || 9000)
const PG_PORT = Number(process.env.DEMO_PG_PORT || 54329)
const PG_HOST = "localhost"
const DEMO_DB_NAME = "medusa_affiliates_demo"
const ADMIN_EMAIL = process.env.DEMO_ADMIN_EMAIL || "admin@medusa-affiliates.test"
const ADMIN_PASSWORD = process.env.DEMO_ADMIN_PASSWORD || "supersecret"
const PORTAL_LOGIN = SEED_META.portalLogin
const HEALTH_TIMEOUT_MS = 5 * 60 * 1000
const REBUILD = process.env.DEMO_REBUILD === "1"

const startedAt = Date.now()
const color = process.stdout.isTTY && !process.env.NO_COLOR
const paint = (code) => (text) => (color ? `\x1b[${code}m${text}\x1b[0m` : text)
const bold = paint("1")
const dim = paint("2")
const green = paint("32")
const red = paint("31")
const cyan = paint("36")

function say(message) {
  console.log(`${cyan("[demo]")} ${message}`)
}

function seconds(ms) {
  return `${(ms / 1000).toFixed(1)} s`
}

// ---------------------------------------------------------------------------------------
// Child processes: each in its own process group (scripts/lib/harness.js), so a Ctrl-C in
// the terminal reaches only this script, which then stops the store first and PostgreSQL last.

let shuttingDown = false

function childEnv(extra = {}) {
  const env = {
    ...process.env,
    PORT: String(PORT),
    MEDUSA_DISABLE_TELEMETRY: "true",
    // Lets packages that resolve plugins from their own location (the admin bundler's
    // Tailwind content scan uses require.resolve("medusa-affiliates/admin")) find the link.
    NODE_PATH: [path.join(DEMO, "node_modules"), process.env.NODE_PATH].filter(Boolean).join(path.delimiter),
    ...extra,
  }
  if (color) env.FORCE_COLOR = env.FORCE_COLOR || "1"
  return env
}

/** Runs a medusa CLI command to completion, its output prefixed; throws on a non-zero exit. */
async function medusa(label, args, cwd = DEMO, env = childEnv()) {
  try {
    await harness.run(`\`medusa ${args.join(" ")}\``, process.execPath, [MEDUSA_CLI, ...args], {
      cwd,
      env,
      echo: true,
      prefix: dim(`[${label}] `),
    })
  } catch (err) {
    if (shuttingDown) await new Promise(() => {}) // stopped by a signal: shutdown() exits
    throw err
  }
}

// ---------------------------------------------------------------------------------------
// PostgreSQL

let postgres = null // { url, label, embedded, stop() }

/** The PID of a postmaster running on .demo/pgdata with our port, if any. */
function runningDemoPostmaster() {
  let pid
  try {
    const lines = fs.readFileSync(path.join(PG_DATA, "postmaster.pid"), "utf8").split("\n")
    pid = Number(lines[0])
    if (!pid || Number(lines[3]) !== PG_PORT) return null
  } catch {
    return null
  }
  try {
    process.kill(pid, 0)
    return pid
  } catch (err) {
    return err.code === "EPERM" ? pid : null
  }
}

async function startEmbeddedPostgres() {
  fs.mkdirSync(STATE_DIR, { recursive: true })
  const fresh = !fs.existsSync(path.join(PG_DATA, "PG_VERSION"))
  say(`${fresh ? "Creating" : "Starting"} embedded PostgreSQL on port ${PG_PORT} (data in .demo/pgdata)`)
  let ready = null
  const helper = harness.start(
    "postgres",
    process.execPath,
    [ENSURE_POSTGRES, "--host", PG_HOST, "--port", String(PG_PORT), "--data-dir", PG_DATA, "--persistent"],
    {
      env: childEnv({ DB_USERNAME: "postgres" }),
      echo: true,
      prefix: dim("[postgres] "),
      onLine: (line) => {
        const m = /^ready: started=(true|false)/.exec(line)
        if (m) ready = m[1] === "true"
      },
      // The helper stops its PostgreSQL on SIGTERM; SIGQUIT is PostgreSQL's immediate shutdown.
      stop: { leaderOnly: true, graceMs: 20_000, escalate: "SIGQUIT" },
    }
  )
  const exitedEarly = helper.exited.then(() => "exited")
  while (ready === null) {
    if ((await Promise.race([exitedEarly, harness.sleep(100)])) === "exited" && ready === null) {
      await harness.stop(helper.pid)
      throw new Error(
        `could not start the embedded PostgreSQL on port ${PG_PORT} (see above). ` +
          `Set DEMO_PG_PORT to use another port, or DATABASE_URL to use your own PostgreSQL.`
      )
    }
  }

  const url = harness.dbUrl({ host: PG_HOST, port: PG_PORT, user: "postgres" }, DEMO_DB_NAME)
  const label = `embedded PostgreSQL 17 on port ${PG_PORT}, data in .demo/pgdata (stops with the demo)`
  if (ready) {
    return { url, label, stop: () => harness.stop(helper.pid) }
  }

  // Something already listens on the port: most likely the PostgreSQL of an earlier demo
  // run that was killed without cleanup. Adopt it if its data dir is ours.
  await harness.stop(helper.pid)
  const pid = runningDemoPostmaster()
  if (pid) {
    say(`Reusing the embedded PostgreSQL left running by an earlier demo run (pid ${pid})`)
    return {
      url,
      label,
      stop: async () => {
        try {
          process.kill(pid, "SIGINT") // fast shutdown
        } catch {}
        const until = Date.now() + 20000
        while (Date.now() < until && runningDemoPostmaster()) await harness.sleep(100)
      },
    }
  }
  say(`Port ${PG_PORT} is taken by another server; trying it as user postgres without a password`)
  return { url, label: `the PostgreSQL already listening on port ${PG_PORT}`, stop: async () => {} }
}

// ---------------------------------------------------------------------------------------
// Steps

function ensurePluginLink() {
  const dir = path.join(DEMO, "node_modules")
  const link = path.join(dir, "medusa-affiliates")
  fs.mkdirSync(dir, { recursive: true })
  let stat = null
  try {
    stat = fs.lstatSync(link)
  } catch {}
  if (stat && stat.isSymbolicLink()) {
    let target = null
    try {
      target = fs.realpathSync(link)
    } catch {}
    if (target === fs.realpathSync(REPO)) return
    fs.unlinkSync(link)
  } else if (stat) {
    throw new Error(
      `${path.relative(REPO, link)} exists and is not a link to this repository ` +
        `(was \`npm install\` run inside demo/?). Remove demo/node_modules and run again.`
    )
  }
  fs.symlinkSync(path.relative(dir, REPO) || ".", link, "junction")
  say("Linked demo/node_modules/medusa-affiliates -> repository root")
}

// What this script did last time, so a second run can skip work whose inputs did not change.
function readState() {
  try {
    return JSON.parse(fs.readFileSync(STATE_FILE, "utf8"))
  } catch {
    return {}
  }
}

function writeState(state) {
  fs.mkdirSync(STATE_DIR, { recursive: true })
  fs.writeFileSync(STATE_FILE, JSON.stringify(state, null, 2) + "\n")
}

/** A hash of the paths, sizes and modification times of the files under `entries`. */
function fingerprint(entries) {
  const hash = crypto.createHash("sha1")
  const visit = (p) => {
    let stat
    try {
      stat = fs.statSync(p)
    } catch {
      hash.update(`${p}:missing\n`)
      return
    }
    if (stat.isDirectory()) {
      for (const name of fs.readdirSync(p).sort()) {
        // Tests are not part of the build (tsconfig excludes them).
        if (name !== "node_modules" && name !== "__tests__") visit(path.join(p, name))
      }
    } else {
      hash.update(`${path.relative(REPO, p)}:${stat.size}:${stat.mtimeMs}\n`)
    }
  }
  entries.forEach(visit)
  return hash.digest("hex")
}

const sourceFingerprint = () =>
  fingerprint(["src", "package.json", "tsconfig.json"].map((p) => path.join(REPO, p)))
const buildFingerprint = () => fingerprint([BUILD_OUT])

/** Builds the plugin unless the sources and the build output are what the last build left. */
async function buildPlugin(state) {
  const source = sourceFingerprint()
  if (!REBUILD && state.build && state.build.source === source && state.build.output === buildFingerprint()) {
    say("Plugin unchanged since the last build: skipping medusa plugin:build")
    return
  }
  const t = Date.now()
  say("Building the plugin (medusa plugin:build)")
  await medusa("build", ["plugin:build"], REPO, childEnv())
  state.build = { source, output: buildFingerprint() }
  writeState(state)
  say(`Plugin built in ${seconds(Date.now() - t)}`)
}

/** What decides whether the schema may have changed: the plugin build and Medusa's version. */
function migrationFingerprint(state, dbUrl) {
  const medusaVersion = require(path.join(REPO, "node_modules", "@medusajs", "medusa", "package.json")).version
  return crypto
    .createHash("sha1")
    .update([harness.redact(dbUrl), medusaVersion, state.build && state.build.output].join("|"))
    .digest("hex")
}

async function readSeedVersion(url) {
  try {
    const rows = await harness.query(
      url,
      `SELECT metadata->>$1 AS version FROM store WHERE deleted_at IS NULL ORDER BY created_at LIMIT 1`,
      [SEED_META.versionKey]
    )
    return Number((rows[0] && rows[0].version) || 0)
  } catch {
    return 0
  }
}

async function adminExists(url) {
  const rows = await harness.query(
    url,
    `SELECT 1 FROM provider_identity WHERE provider = 'emailpass' AND entity_id = $1 AND deleted_at IS NULL`,
    [ADMIN_EMAIL]
  )
  return rows.length > 0
}

/** Whether the portal's customer account (seed/portal.ts) exists with its emailpass login. */
async function portalLoginExists(url) {
  const rows = await harness.query(
    url,
    `SELECT 1 FROM provider_identity pi
       JOIN auth_identity ai ON ai.id = pi.auth_identity_id AND ai.deleted_at IS NULL
      WHERE pi.provider = 'emailpass' AND pi.entity_id = $1 AND pi.deleted_at IS NULL
        AND ai.app_metadata->>'customer_id' IS NOT NULL`,
    [PORTAL_LOGIN.email]
  )
  return rows.length > 0
}

async function readPublishableKey(url) {
  const rows = await harness.query(
    url,
    `SELECT token FROM api_key
      WHERE type = 'publishable' AND revoked_at IS NULL AND deleted_at IS NULL
      ORDER BY (title = $1) DESC, created_at ASC LIMIT 1`,
    [SEED_META.publishableKeyTitle]
  )
  return rows[0] ? rows[0].token : null
}

async function startStore(env) {
  say(`Starting Medusa (medusa develop) on port ${PORT}`)
  const t = Date.now()
  const server = harness.start("medusa develop", process.execPath, [MEDUSA_CLI, "develop", "--port", String(PORT)], {
    cwd: DEMO,
    env,
    echo: true,
    prefix: "",
    stop: { graceMs: 15_000 },
  })
  server.exited.then(({ code, signal }) => {
    if (shuttingDown) return
    console.error(red(`[demo] medusa develop stopped unexpectedly (${signal || `exit code ${code}`})`))
    shutdown(1)
  })
  await harness.waitForHttp(`http://localhost:${PORT}/health`, { timeoutMs: HEALTH_TIMEOUT_MS, exited: server.exited })
  // Let the admin dev server answer once, so the first browser visit is not the one waiting.
  await harness.httpStatus(`http://localhost:${PORT}/app`, 60000)
  return Date.now() - t
}

/** curl commands for the plugin's storefront routes, with the publishable key. */
function storefrontExamples(publishableKey) {
  const base = `http://localhost:${PORT}`
  const key = `-H "x-publishable-api-key: ${publishableKey || "<publishable key>"}"`
  return [
    `  ${bold("Try the plugin's storefront routes")} ${dim("(active affiliates: ALICE, BOB, EMMA, NINA)")}`,
    `    curl ${key} \\`,
    `      ${base}/store/affiliates/ALICE`,
    `    curl -X POST ${key} \\`,
    `      -H "content-type: application/json" -d '{"session_id":"try-1","sub_id":"newsletter"}' \\`,
    `      ${base}/store/affiliates/ALICE/clicks`,
    `    ${dim("201 with the new click; the same session_id again answers 200 with deduplicated: true.")}`,
    `    ${dim(`A cart's referral: POST /store/carts/<id>/affiliate {"code":"ALICE"} or {"click_id":"afclk_..."}`)}`,
  ]
}

/** curl commands for the affiliate portal: log in as the portal customer, then its routes. */
function portalExamples(publishableKey) {
  const base = `http://localhost:${PORT}`
  const key = `-H "x-publishable-api-key: ${publishableKey || "<publishable key>"}"`
  const body = JSON.stringify({ email: PORTAL_LOGIN.email, password: PORTAL_LOGIN.password })
  return [
    `  ${bold("Try the affiliate portal")} ${dim("(log in as the portal customer, then send the token)")}`,
    `    TOKEN=$(curl -s -X POST -H "content-type: application/json" \\`,
    `      -d '${body}' \\`,
    `      ${base}/auth/customer/emailpass | sed -E 's/.*"token":"([^"]*)".*/\\1/')`,
    `    curl -H "Authorization: Bearer $TOKEN" ${key} \\`,
    `      ${base}/store/customers/me/affiliate`,
    `    ${dim("NINA's profile and balances (USD: pending, available, requested, paid). Also under it:")}`,
    `    ${dim("/commissions, /stats, /payouts (POST {\"currency_code\":\"usd\"} requests the available),")}`,
    `    ${dim("/statement?currency_code=usd (add &format=csv for the CSV).")}`,
  ]
}

function banner({ dbLabel, dbUrl, publishableKey, portalLogin }) {
  const line = "─".repeat(72)
  const row = (name, value) => `  ${name.padEnd(18)} ${value}`
  console.log(
    [
      "",
      green(line),
      bold(`  medusa-affiliates demo store is running (ready in ${seconds(Date.now() - startedAt)})`),
      "",
      row("Admin dashboard", bold(`http://localhost:${PORT}/app`)),
      row("Admin email", bold(ADMIN_EMAIL)),
      row("Admin password", bold(ADMIN_PASSWORD)),
      row("Store API", `http://localhost:${PORT}/store/products`),
      row("Publishable key", publishableKey ? bold(publishableKey) : "(none found)"),
      row("", dim("send it as the x-publishable-api-key header")),
      row("Portal login", portalLogin ? `${bold(PORTAL_LOGIN.email)} / ${bold(PORTAL_LOGIN.password)}` : "(not seeded)"),
      row("", dim("a customer account; its affiliate NINA has money in every state")),
      row("Database", harness.redact(dbUrl)),
      row("", dim(dbLabel)),
      "",
      ...storefrontExamples(publishableKey),
      "",
      ...(portalLogin ? [...portalExamples(publishableKey), ""] : []),
      `  Ctrl-C stops the store${postgres && postgres.embedded ? " and the database" : ""}. Start over: rm -rf .demo`,
      green(line),
      "",
    ].join("\n")
  )
}

// ---------------------------------------------------------------------------------------
// Shutdown

let stopped = null
function stopEverything() {
  shuttingDown = true
  stopped ??= (async () => {
    say("Stopping…")
    // The store first (started last), then the PostgreSQL helper; an adopted PostgreSQL last.
    await harness.stopAll()
    await postgres?.stop().catch((err) => console.error(err))
    if (postgres && postgres.embedded) say("Embedded PostgreSQL stopped")
    say("Bye")
  })()
  return stopped
}

function shutdown(code) {
  if (shuttingDown) return
  stopEverything().finally(() => process.exit(code))
}

harness.onSignals(stopEverything, say)

// ---------------------------------------------------------------------------------------

async function main() {
  if (!fs.existsSync(MEDUSA_CLI)) {
    throw new Error("node_modules is missing: run `npm install` in the repository root first")
  }
  if (await harness.isPortOpen("localhost", PORT)) {
    throw new Error(`port ${PORT} is already in use: stop what runs there or set PORT`)
  }

  const state = readState()
  ensurePluginLink()
  await buildPlugin(state)
  if (shuttingDown) return

  let dbUrl
  let dbLabel
  if (process.env.DATABASE_URL) {
    dbUrl = process.env.DATABASE_URL
    dbLabel = "from DATABASE_URL"
    postgres = { embedded: false, stop: async () => {} }
  } else {
    postgres = { embedded: true, ...(await startEmbeddedPostgres()) }
    dbUrl = postgres.url
    dbLabel = postgres.label
  }
  if (shuttingDown) return
  const created = !(await harness.databaseExists(dbUrl))
  if (created) {
    await harness.createDatabase(dbUrl)
    say(`Created database ${new URL(dbUrl).pathname.slice(1)}`)
  }

  const env = childEnv({ DATABASE_URL: dbUrl })
  const seeded = created ? 0 : await readSeedVersion(dbUrl)
  const migrations = migrationFingerprint(state, dbUrl)
  const dbKey = crypto.createHash("sha1").update(harness.redact(dbUrl)).digest("hex")
  state.migrated = state.migrated || {}
  let t = Date.now()
  if (REBUILD || seeded < SEED_META.version || state.migrated[dbKey] !== migrations) {
    say("Migrating (medusa db:migrate)")
    await medusa("migrate", ["db:migrate"], DEMO, env)
    state.migrated[dbKey] = migrations
    writeState(state)
    say(`Migrated in ${seconds(Date.now() - t)}`)
  } else {
    say("Plugin and Medusa unchanged since the last migration: skipping medusa db:migrate")
  }

  if (seeded < SEED_META.version) {
    t = Date.now()
    say(seeded ? `Updating the demo data (seed version ${seeded} -> ${SEED_META.version})` : "Seeding the demo store")
    await medusa("seed", ["exec", "./src/scripts/seed.ts"], DEMO, env)
    say(`Seeded in ${seconds(Date.now() - t)}`)
  } else {
    say(`Demo data already seeded (version ${seeded})`)
  }

  if (!(await adminExists(dbUrl))) {
    say(`Creating the admin user ${ADMIN_EMAIL}`)
    await medusa("user", ["user", "-e", ADMIN_EMAIL, "-p", ADMIN_PASSWORD], DEMO, env)
  }
  const publishableKey = await readPublishableKey(dbUrl)
  const portalLogin = await portalLoginExists(dbUrl)

  const took = await startStore(env)
  if (shuttingDown) return
  say(`Medusa answered /health after ${seconds(took)}`)
  banner({ dbLabel, dbUrl, publishableKey, portalLogin })
}

main().catch((err) => {
  if (shuttingDown) return
  console.error(red(`[demo] ${err && err.message ? err.message : err}`))
  shutdown(1)
})
