/* eslint-disable no-console */
// What demo/run.js and bench/run.js share: children in process groups of their own (so a stop
// reaches exactly what we started, and a terminal's Ctrl-C reaches only the driver), free
// ports, waiting for an HTTP answer, and PostgreSQL queries and scratch databases.
// scripts/ensure-postgres.js starts an embedded PostgreSQL when none answers.
"use strict"

const { spawn } = require("child_process")
const fs = require("fs")
const http = require("http")
const net = require("net")
const path = require("path")
const { ensurePostgres, isPortOpen } = require("../ensure-postgres")

const ROOT = path.resolve(__dirname, "../..")
const MEDUSA_CLI = path.join(ROOT, "node_modules", "@medusajs", "cli", "cli.js")
const sleep = (ms) => new Promise((resolve) => setTimeout(resolve, ms))
const WINDOWS = process.platform === "win32"

// ---------------------------------------------------------------------------------------
// Process groups

/** Live process groups in start order: pid -> { label, stop options }. */
const groups = new Map()

function signalGroup(pid, signal, leaderOnly = false) {
  try {
    process.kill(WINDOWS || leaderOnly ? pid : -pid, signal)
  } catch {}
}

function groupAlive(pid) {
  try {
    process.kill(WINDOWS ? pid : -pid, 0)
    return true
  } catch (err) {
    return err.code === "EPERM"
  }
}

async function waitGroupGone(pid, timeoutMs) {
  const until = Date.now() + timeoutMs
  while (groupAlive(pid)) {
    if (Date.now() > until) return false
    await sleep(100)
  }
  return true
}

/** Calls `write(line)` for every complete line of `stream` (and the last, unterminated one). */
function eachLine(stream, write) {
  let buffer = ""
  stream.setEncoding("utf8")
  stream.on("data", (chunk) => {
    buffer += chunk
    const lines = buffer.split("\n")
    buffer = lines.pop()
    lines.forEach(write)
  })
  stream.on("end", () => buffer && write(buffer))
}

/**
 * Starts `command args` in its own process group. Output: appended to `logFile`, and lines
 * matching `echo` (a RegExp; true = every line) printed after `prefix`; `onLine` sees every
 * line. `stop` sets how stopAll() ends it: { signal, leaderOnly, graceMs, escalate }.
 * Returns { child, pid, exited } where `exited` resolves { code, signal, error }.
 */
function start(label, command, args, { cwd = ROOT, env = process.env, logFile, echo, prefix = "  ", onLine, stop = {} } = {}) {
  const child = spawn(command, args, { cwd, env, detached: !WINDOWS, stdio: ["ignore", "pipe", "pipe"] })
  let log = logFile ? fs.openSync(logFile, "a") : null
  groups.set(child.pid, { label, stop })
  for (const [stream, out] of [
    [child.stdout, process.stdout],
    [child.stderr, process.stderr],
  ]) {
    eachLine(stream, (line) => {
      if (log !== null) fs.writeSync(log, line + "\n")
      if (echo === true || (echo && echo.test(line))) out.write(`${prefix}${line}\n`)
      onLine?.(line)
    })
  }
  // "exit", not "close": a grandchild may keep the pipes open after the leader is gone.
  const exited = new Promise((resolve) => {
    child.on("error", (error) => resolve({ code: 1, signal: null, error }))
    child.on("exit", (code, signal) => resolve({ code, signal }))
  })
  child.on("close", () => {
    if (log !== null) fs.closeSync(log)
    log = null
  })
  return { child, pid: child.pid, exited }
}

function tail(file, lines = 40) {
  try {
    return fs.readFileSync(file, "utf8").split("\n").slice(-lines).join("\n")
  } catch {
    return ""
  }
}

/** Runs a command to completion (and any leftovers of its group); throws when it fails. */
async function run(label, command, args, options = {}) {
  const { pid, exited } = start(label, command, args, options)
  const { code, signal, error } = await exited
  await stop(pid, { graceMs: 5000 })
  if (error || code !== 0) {
    const log = options.logFile ? `; end of ${options.logFile}:\n${tail(options.logFile)}` : ""
    throw new Error(`${label} failed (${error ? error.message : signal || `exit code ${code}`})${log}`)
  }
}

/** Stops one group we started: `signal` (to the group, or its leader only), then `escalate`. */
async function stop(pid, options) {
  const entry = groups.get(pid)
  if (!entry) return
  const { signal = "SIGTERM", leaderOnly = false, graceMs = 10_000, escalate = "SIGKILL" } = { ...entry.stop, ...options }
  if (groupAlive(pid)) {
    signalGroup(pid, signal, leaderOnly)
    if (!(await waitGroupGone(pid, graceMs))) {
      console.error(`${entry.label} did not stop within ${graceMs / 1000} s: ${escalate}`)
      signalGroup(pid, escalate)
      await waitGroupGone(pid, 5000)
    }
  }
  groups.delete(pid)
}

/** Stops every group we started, the last started first (a server before its database). */
async function stopAll() {
  for (const pid of [...groups.keys()].reverse()) await stop(pid)
}

/**
 * On SIGINT, SIGTERM and SIGHUP runs `cleanup` once, then exits 130 / 143 / 129. npm forwards
 * a terminal's Ctrl-C too, so a second signal only says we are still stopping. If the process
 * exits some other way, every group still alive gets a SIGTERM.
 */
function onSignals(cleanup, say = console.log) {
  let stopping = false
  const codes = { SIGINT: 130, SIGTERM: 143, SIGHUP: 129 }
  for (const [signal, code] of Object.entries(codes)) {
    process.on(signal, () => {
      if (stopping) return say(`${signal}: still stopping`)
      stopping = true
      Promise.resolve()
        .then(cleanup)
        .catch((err) => console.error(err))
        .finally(() => process.exit(code))
    })
  }
  process.on("exit", () => {
    for (const pid of groups.keys()) signalGroup(pid, "SIGTERM")
  })
  return () => stopping
}

// ---------------------------------------------------------------------------------------
// Ports and HTTP

function freePort() {
  return new Promise((resolve, reject) => {
    const server = net.createServer()
    server.once("error", reject)
    server.listen(0, "127.0.0.1", () => {
      const { port } = server.address()
      server.close(() => resolve(port))
    })
  })
}

/** The status code of a GET, 0 when nothing answers. */
function httpStatus(url, timeoutMs = 5000) {
  return new Promise((resolve) => {
    const req = http.get(url, { timeout: timeoutMs }, (res) => {
      res.resume()
      res.on("end", () => resolve(res.statusCode))
    })
    req.on("timeout", () => req.destroy())
    req.on("error", () => resolve(0))
  })
}

/** Waits until `url` answers 200; fails after `timeoutMs`, or as soon as `exited` resolves. */
async function waitForHttp(url, { timeoutMs, exited }) {
  let dead = false
  exited?.then(() => (dead = true))
  const until = Date.now() + timeoutMs
  while ((await httpStatus(url, 2000)) !== 200) {
    if (dead) throw new Error(`the server exited before ${url} answered`)
    if (Date.now() > until) throw new Error(`no answer from ${url} within ${timeoutMs / 1000} s`)
    await sleep(250)
  }
}

// ---------------------------------------------------------------------------------------
// PostgreSQL (connections are URLs: postgres://user[:password]@host:port/database)

/** The server named by DB_HOST / DB_PORT / DB_USERNAME / DB_PASSWORD (localhost:5432, postgres). */
function serverFromEnv(env = process.env) {
  return {
    host: env.DB_HOST || "localhost",
    port: Number(env.DB_PORT || 5432),
    user: env.DB_USERNAME || "postgres",
    password: env.DB_PASSWORD || "",
  }
}

function dbUrl({ host, port, user, password }, database) {
  const auth = encodeURIComponent(user) + (password ? `:${encodeURIComponent(password)}` : "")
  return `postgres://${auth}@${host}:${port}/${encodeURIComponent(database)}`
}

/** The same server's `postgres` database, and the name of the one in `url`. */
function splitUrl(url) {
  const admin = new URL(url)
  const name = decodeURIComponent(admin.pathname.slice(1))
  if (!name) throw new Error(`no database named in ${redact(url)}`)
  admin.pathname = "/postgres"
  return { admin: admin.toString(), name }
}

function redact(url) {
  try {
    const u = new URL(url)
    if (u.password) u.password = "****"
    return u.toString()
  } catch {
    return url
  }
}

async function query(url, sql, params = []) {
  const { Client } = require("@medusajs/framework/pg")
  const client = new Client({ connectionString: url, connectionTimeoutMillis: 10_000 })
  await client.connect()
  try {
    return (await client.query(sql, params)).rows
  } finally {
    await client.end().catch(() => {})
  }
}

const quoteIdent = (name) => `"${name.replace(/"/g, '""')}"`

/** Connects to the database itself: a user may own it without access to `postgres`. */
async function databaseExists(url) {
  try {
    await query(url, "SELECT 1")
    return true
  } catch (err) {
    if (err.code === "3D000") return false // database does not exist
    throw err
  }
}

async function createDatabase(url) {
  const { admin, name } = splitUrl(url)
  await query(admin, `CREATE DATABASE ${quoteIdent(name)}`)
}

/** Drops the database in `url` if it exists, ending its sessions first (PostgreSQL 13+). */
async function dropDatabase(url) {
  const { admin, name } = splitUrl(url)
  const [{ server_version_num: version }] = await query(admin, "SHOW server_version_num")
  await query(admin, `DROP DATABASE IF EXISTS ${quoteIdent(name)}${Number(version) >= 130000 ? " WITH (FORCE)" : ""}`)
}

module.exports = {
  ROOT,
  MEDUSA_CLI,
  sleep,
  start,
  run,
  stop,
  stopAll,
  groupAlive,
  waitGroupGone,
  signalGroup,
  onSignals,
  tail,
  freePort,
  isPortOpen,
  httpStatus,
  waitForHttp,
  ensurePostgres,
  serverFromEnv,
  dbUrl,
  redact,
  query,
  databaseExists,
  createDatabase,
  dropDatabase,
}
