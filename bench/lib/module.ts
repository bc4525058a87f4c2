// What the TypeScript workers (release, reports) share: the affiliate module booted alone on a
// scratch database, as Medusa's own module test runner boots it; the SQL it runs, captured
// from knex's query events, and EXPLAINed as captured; percentiles; the worker's exit.
import fs from "fs"
import path from "path"
import { MedusaApp, MedusaAppMigrateUp, MedusaModule } from "@medusajs/framework/modules-sdk"
import { ContainerRegistrationKeys, isSharedConnectionSymbol, ModulesSdkUtils } from "@medusajs/framework/utils"

const ROOT = path.resolve(__dirname, "../..")
const MODULE_PATH = path.join(ROOT, "src/modules/affiliate")
const ADMIN_URL = process.env.BENCH_PG_URL || "postgres://postgres@localhost:5432/postgres"

export const now = () => process.hrtime.bigint()
export const ms = (from: bigint) => Number(process.hrtime.bigint() - from) / 1e6
export const mb = (bytes: number) => Math.round((bytes / 1024 / 1024) * 10) / 10

export function dbUrl(name: string) {
  const url = new URL(ADMIN_URL)
  url.pathname = `/${name}`
  return url.toString()
}

/** A knex pool as an app's (pg-connection-loader: min 2, knex's default max 10). */
export function connect(name = new URL(ADMIN_URL).pathname.slice(1) || "postgres") {
  return ModulesSdkUtils.createPgConnection({ clientUrl: dbUrl(name), schema: "public", pool: { min: 2, max: 10 } } as any)
}

function moduleOptions(dbName: string, pgConnection: any) {
  const clientUrl = dbUrl(dbName)
  return {
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
  } as any
}

export type Booted = { service: any; knex: any; shutdown: () => Promise<void> }

export async function bootModule(dbName: string): Promise<Booted> {
  const knex = connect(dbName)
  const app = await MedusaApp(moduleOptions(dbName, knex))
  return {
    service: app.modules.affiliate,
    knex,
    shutdown: async () => {
      await app.onApplicationShutdown()
      await knex.destroy()
      MedusaModule.clearInstances()
    },
  }
}

/**
 * (Re)creates `dbName` with the module's schema from its migration files, then boots the
 * module so onApplicationStart makes the default program, as in an app.
 */
export async function createModuleDatabase(admin: any, dbName: string): Promise<Booted> {
  await admin.raw(`DROP DATABASE IF EXISTS "${dbName}" WITH (FORCE)`)
  await admin.raw(`CREATE DATABASE "${dbName}"`)
  const knex = connect(dbName)
  await MedusaAppMigrateUp(moduleOptions(dbName, knex))
  await knex.destroy()
  MedusaModule.clearInstances()
  const booted = await bootModule(dbName)
  await booted.service.__hooks.onApplicationStart()
  return booted
}

export type Captured = { sql: string; bindings: unknown[] }

/**
 * Listens to the knex the module uses (its shared connection): `capture` returns the
 * statements a call ran, `time` collects each statement's latency under `name(sql)`.
 */
export function queryTap(knex: any, name: (sql: string) => string = () => "sql") {
  const started = new Map<string, { t: bigint; statement: string }>()
  let sink: Record<string, number[]> | null = null
  let captured: Captured[] | null = null
  knex.on("query", (q: any) => {
    started.set(q.__knexQueryUid, { t: now(), statement: name(q.sql) })
    captured?.push({ sql: q.sql, bindings: q.bindings ?? [] })
  })
  knex.on("query-response", (_r: unknown, q: any) => {
    const s = started.get(q.__knexQueryUid)
    started.delete(q.__knexQueryUid)
    if (s && sink) (sink[s.statement] ??= []).push(ms(s.t))
  })
  return {
    time(into: Record<string, number[]> | null) {
      sink = into
    },
    async capture<T>(fn: () => Promise<T>): Promise<{ value: T; queries: Captured[] }> {
      captured = []
      try {
        const value = await fn()
        return { value, queries: captured }
      } finally {
        captured = null
      }
    },
  }
}

/**
 * EXPLAIN of a captured statement exactly as knex sent it ($n placeholders, so on the driver's
 * connection, not through knex.raw), inside a transaction that is rolled back: an UPDATE
 * changes nothing.
 */
export async function explain(knex: any, { sql, bindings }: Captured, options = "ANALYZE, BUFFERS") {
  const conn = await knex.client.acquireConnection()
  try {
    await conn.query("BEGIN")
    const { rows } = await conn.query(`EXPLAIN (${options}) ${sql}`, bindings)
    return rows.map((r: any) => r["QUERY PLAN"]).join("\n") as string
  } finally {
    await conn.query("ROLLBACK").catch(() => {})
    await knex.client.releaseConnection(conn)
  }
}

const r2 = (n: number) => Math.round(n * 100) / 100

/** Nearest-rank percentiles of `values` (ms). */
export function stats(values: number[]) {
  const s = [...values].sort((a, b) => a - b)
  const q = (p: number) => s[Math.min(s.length - 1, Math.max(0, Math.ceil(p * s.length) - 1))]
  return {
    n: s.length,
    p50: r2(q(0.5)),
    p95: r2(q(0.95)),
    p99: r2(q(0.99)),
    max: r2(s[s.length - 1]),
    mean: r2(s.reduce((a, b) => a + b, 0) / s.length),
  }
}

/**
 * Runs a worker: `body` gets the admin connection and returns the result written to
 * $BENCH_RESULT_OUT; `cleanup` (drop the scratch databases) runs at the end and on signals.
 */
export function worker(body: (admin: any) => Promise<unknown>, cleanup: (admin: any) => Promise<void>) {
  const out = process.env.BENCH_RESULT_OUT
  const admin = connect()
  const done = async () => {
    await cleanup(admin).catch(() => {})
    await admin.destroy().catch(() => {})
  }
  for (const signal of ["SIGINT", "SIGTERM", "SIGHUP"] as const) {
    process.once(signal, () => void done().finally(() => process.exit(130)))
  }
  ;(async () => {
    if (!out) throw new Error("BENCH_RESULT_OUT is not set")
    const result = await body(admin)
    fs.writeFileSync(out, JSON.stringify(result, null, 2))
  })().then(
    () => done().then(() => process.exit(0)),
    (error) => {
      console.error(error)
      done().then(() => process.exit(1))
    }
  )
}
