/* eslint-disable no-console */
// Shared plumbing for bench/run.js: child processes in their own process groups (so cleanup
// stops exactly what we started), scratch databases, machine facts.
"use strict"

const { execFileSync, spawn } = require("child_process")
const fs = require("fs")
const net = require("net")
const os = require("os")
const path = require("path")

const ROOT = path.resolve(__dirname, "../..")

const db = {
  host: process.env.DB_HOST || "localhost",
  port: Number(process.env.DB_PORT || 5432),
  user: process.env.DB_USERNAME || "postgres",
  password: process.env.DB_PASSWORD || "",
}

function dbUrl(name) {
  const auth = db.password ? `${encodeURIComponent(db.user)}:${encodeURIComponent(db.password)}` : encodeURIComponent(db.user)
  return `postgres://${auth}@${db.host}:${db.port}/${name}`
}

// ---------------------------------------------------------------------------------------
// Child processes

/** pid -> label of the process groups we started and that may still be alive. */
const children = new Map()

/**
 * Starts a command in its own process group. Output goes to `logFile`; lines matching
 * `echo` are also printed. Resolves { code, pid } when it exits; `child` is returned at once.
 */
function start(label, command, args, { cwd = ROOT, env = {}, logFile, echo } = {}) {
  const out = fs.openSync(logFile, "a")
  const child = spawn(command, args, {
    cwd,
    env: { ...process.env, ...env },
    detached: true,
    stdio: ["ignore", "pipe", "pipe"],
  })
  children.set(child.pid, label)
  let buffered = ""
  const onData = (chunk) => {
    fs.writeSync(out, chunk)
    if (!echo) return
    buffered += chunk.toString()
    const lines = buffered.split("\n")
    buffered = lines.pop()
    for (const line of lines) {
      if (echo.test(line)) console.log(`  ${line}`)
    }
  }
  child.stdout.on("data", onData)
  child.stderr.on("data", onData)
  const exited = new Promise((resolve) => {
    child.on("exit", (code, signal) => {
      children.delete(child.pid)
      fs.closeSync(out)
      resolve({ code, signal, pid: child.pid })
    })
  })
  return { child, exited }
}

function tail(file, lines = 40) {
  try {
    return fs.readFileSync(file, "utf8").split("\n").slice(-lines).join("\n")
  } catch {
    return ""
  }
}

/** Runs a command to completion; throws with the end of its log when it fails. */
async function run(label, command, args, options) {
  const { exited } = start(label, command, args, options)
  const { code, signal } = await exited
  if (code !== 0) {
    throw new Error(`${label} failed (${signal || `exit ${code}`}); end of ${options.logFile}:\n${tail(options.logFile)}`)
  }
}

/** Stops one process group we started: SIGTERM, then SIGKILL after `graceMs`. */
async function stop(pid, graceMs = 10_000) {
  if (!children.has(pid)) return
  const alive = () => {
    try {
      process.kill(-pid, 0)
      return true
    } catch {
      return false
    }
  }
  try {
    process.kill(-pid, "SIGTERM")
  } catch {
    children.delete(pid)
    return
  }
  const deadline = Date.now() + graceMs
  while (alive() && Date.now() < deadline) {
    await new Promise((r) => setTimeout(r, 100))
  }
  if (alive()) {
    try {
      process.kill(-pid, "SIGKILL")
    } catch {}
  }
  children.delete(pid)
}

async function stopAll() {
  await Promise.all([...children.keys()].map((pid) => stop(pid)))
}

// ---------------------------------------------------------------------------------------
// Databases

function pgClient(database = "postgres") {
  const { Client } = require("@medusajs/framework/pg")
  return new Client({ host: db.host, port: db.port, user: db.user, password: db.password || undefined, database })
}

async function sql(database, text, params) {
  const client = pgClient(database)
  await client.connect()
  try {
    return await client.query(text, params)
  } finally {
    await client.end()
  }
}

async function dropDatabase(name) {
  const version = Number((await sql("postgres", "SHOW server_version_num")).rows[0].server_version_num)
  const force = version >= 130000 ? " WITH (FORCE)" : ""
  await sql("postgres", `DROP DATABASE IF EXISTS "${name}"${force}`)
}

async function createDatabase(name) {
  await dropDatabase(name)
  await sql("postgres", `CREATE DATABASE "${name}"`)
}

// ---------------------------------------------------------------------------------------
// Machine

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

function cpuModel() {
  try {
    const line = fs.readFileSync("/proc/cpuinfo", "utf8").split("\n").find((l) => l.startsWith("model name"))
    return line ? line.split(":")[1].trim() : os.cpus()[0]?.model
  } catch {
    return os.cpus()[0]?.model
  }
}

async function machine(embedded) {
  let nproc = os.cpus().length
  try {
    nproc = Number(execFileSync("nproc").toString().trim())
  } catch {}
  let date = new Date().toUTCString()
  try {
    date = execFileSync("date", ["-u"]).toString().trim()
  } catch {}
  const version = (await sql("postgres", "SELECT version() AS v")).rows[0].v
  const settings = (
    await sql(
      "postgres",
      `SELECT name, current_setting(name) AS value FROM pg_settings
       WHERE name IN ('shared_buffers', 'max_wal_size', 'synchronous_commit', 'fsync', 'autovacuum')`
    )
  ).rows
  return {
    date,
    nproc,
    memory_gib: Math.round((os.totalmem() / 1024 ** 3) * 10) / 10,
    cpu_model: cpuModel(),
    node: process.version,
    postgres: version.split(" on ")[0] + (embedded ? " (embedded, started by the bench)" : ""),
    postgres_settings: Object.fromEntries(settings.map((s) => [s.name, s.value])),
  }
}

module.exports = {
  ROOT,
  db,
  dbUrl,
  start,
  run,
  stop,
  stopAll,
  children,
  tail,
  sql,
  createDatabase,
  dropDatabase,
  freePort,
  machine,
}
