// The cluster test's tools: the app's processes (servers and workers, each its own process
// group), HTTP as storefront and admin call it, SQL, and the Redis event queue.
import { spawn } from "node:child_process"
import fs from "node:fs"
import { createRequire } from "node:module"

const require = createRequire(import.meta.url)
export const pg = require("pg")
const Redis = require("ioredis")

export const sleep = (ms) => new Promise((resolve) => setTimeout(resolve, ms))

export function check(condition, message) {
  if (!condition) throw new Error(`cluster test: ${message}`)
}

/** Resolves when `probe` returns a truthy value; fails with `what` after `timeoutMs`. */
export async function eventually(probe, what, timeoutMs = 60_000, everyMs = 250) {
  const until = Date.now() + timeoutMs
  for (;;) {
    const value = await probe()
    if (value) return value
    if (Date.now() > until) throw new Error(`cluster test: timed out after ${timeoutMs / 1000} s waiting for ${what}`)
    await sleep(everyMs)
  }
}

/** Runs `work` over `items` with at most `concurrency` at once; answers the results in order. */
export async function pool(items, concurrency, work) {
  const results = new Array(items.length)
  let next = 0
  const lane = async () => {
    while (next < items.length) {
      const i = next++
      results[i] = await work(items[i], i)
    }
  }
  await Promise.all(Array.from({ length: Math.min(concurrency, items.length) }, lane))
  return results
}

/**
 * One Medusa process of the app: `medusa start` from the build, in its own process group so
 * a SIGKILL takes the whole process as a crashed container would. Its log is appended to
 * across restarts.
 */
export class Instance {
  constructor({ name, mode, port, cwd, env, logPath }) {
    Object.assign(this, { name, mode, port, cwd, env, logPath })
    this.url = `http://127.0.0.1:${port}`
    this.child = null
    this.starts = 0
  }

  start() {
    const log = fs.openSync(this.logPath, "a")
    fs.writeSync(log, `\n==== ${new Date().toISOString()} start ${this.name} (${this.mode})\n`)
    this.child = spawn("node_modules/.bin/medusa", ["start"], {
      cwd: this.cwd,
      env: { ...process.env, ...this.env, NODE_ENV: "production", PORT: String(this.port), MEDUSA_WORKER_MODE: this.mode },
      detached: true,
      stdio: ["ignore", log, log],
    })
    fs.closeSync(log)
    this.starts++
    const child = this.child
    child.exited = new Promise((resolve) => child.once("exit", (code, signal) => resolve({ code, signal })))
    return this
  }

  async healthy(timeoutMs = 120_000) {
    const child = this.child
    let gone = false
    child.exited.then(() => (gone = true))
    await eventually(
      async () => {
        if (gone) throw new Error(`cluster test: ${this.name} exited before answering /health; see ${this.logPath}`)
        try {
          return (await fetch(`${this.url}/health`, { signal: AbortSignal.timeout(2000) })).ok
        } catch {
          return false
        }
      },
      `${this.name} to answer /health`,
      timeoutMs,
      500
    )
    return this
  }

  /** Signals the process group; SIGKILL is a crash: nothing of the process runs after it. */
  async kill(signal = "SIGKILL") {
    const child = this.child
    if (!child || child.exitCode !== null || child.signalCode !== null) return
    try {
      process.kill(-child.pid, signal)
    } catch {}
    const stopped = await Promise.race([child.exited, sleep(20_000).then(() => null)])
    if (!stopped) {
      try {
        process.kill(-child.pid, "SIGKILL")
      } catch {}
      await child.exited
    }
  }

  log() {
    return fs.existsSync(this.logPath) ? fs.readFileSync(this.logPath, "utf8") : ""
  }
}

/** A JSON call: answers { status, data } and never throws on an HTTP error (a network error is status 0). */
export async function call(base, method, path, { token, body, publishableKey, headers = {} } = {}) {
  const all = { "content-type": "application/json", ...headers }
  if (token) all.authorization = `Bearer ${token}`
  if (publishableKey) all["x-publishable-api-key"] = publishableKey
  try {
    const response = await fetch(`${base}${path}`, {
      method,
      headers: all,
      body: body === undefined ? undefined : JSON.stringify(body),
      signal: AbortSignal.timeout(60_000),
    })
    const text = await response.text()
    let data = text
    try {
      data = JSON.parse(text)
    } catch {}
    return { status: response.status, data }
  } catch (error) {
    return { status: 0, data: { message: String(error?.cause?.code ?? error?.message ?? error) } }
  }
}

/** As `call`, for requests that must succeed. */
export async function must(base, method, path, options) {
  const answer = await call(base, method, path, options)
  check(answer.status >= 200 && answer.status < 300, `${method} ${path} -> ${answer.status} ${JSON.stringify(answer.data)}`)
  return answer.data
}

export function database(connectionString) {
  const client = new pg.Pool({ connectionString, max: 4, application_name: "cluster-test" })
  // A terminated backend of this pool (the test terminates the app's, not its own) is logged, not fatal.
  client.on("error", () => {})
  return {
    rows: async (text, values) => (await client.query(text, values)).rows,
    one: async (text, values) => (await client.query(text, values)).rows[0],
    end: () => client.end(),
  }
}

/** The Redis event bus's queue (BullMQ keys of `events-queue`): what is waiting, running or failed. */
export function eventQueue(redisUrl) {
  const redis = new Redis(redisUrl, { maxRetriesPerRequest: 2, lazyConnect: true })
  const key = (part) => `bull:events-queue:${part}`
  return {
    async counts() {
      const [wait, active, delayed, prioritized, paused, failed, completed] = await Promise.all([
        redis.llen(key("wait")),
        redis.llen(key("active")),
        redis.zcard(key("delayed")),
        redis.zcard(key("prioritized")),
        redis.llen(key("paused")),
        redis.zcard(key("failed")),
        redis.zcard(key("completed")),
      ])
      return { pending: wait + active + delayed + prioritized + paused, failed, completed }
    },
    async failedReasons() {
      const ids = await redis.zrange(key("failed"), 0, 20)
      return Promise.all(ids.map(async (id) => `${await redis.hget(key(id), "name")}: ${await redis.hget(key(id), "failedReason")}`))
    },
    end: () => redis.quit(),
  }
}
