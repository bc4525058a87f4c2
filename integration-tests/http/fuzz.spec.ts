import { medusaIntegrationTestRunner } from "@medusajs/test-utils"
import { config as reconcileJobConfig } from "../../src/jobs/reconcile-orders"
import { config as releaseJobConfig } from "../../src/jobs/release-commissions"
import { config as rollupJobConfig } from "../../src/jobs/roll-up-activity"
import { unscheduleJob } from "../fixtures/jobs"
import { FuzzCase, FuzzContext, fuzzCases } from "../fixtures/fuzz-cases"
import { Caller, ROUTE_TABLE, routeName, STORE_ORIGINS } from "../fixtures/route-table"
import { pluginTables, RouteWorld, seedRouteWorld, tableFingerprint } from "../fixtures/route-world"
// eslint-disable-next-line @typescript-eslint/no-require-imports
const { recordReliability } = require("../../scripts/lib/reliability")

jest.setTimeout(180_000)

/** The fast-check seed: a run draws the same samples every time. */
const SEED = 20_261_209
const MIN_CASES_PER_ROUTE = 50

type Outcome = { route: string; cases: number; statuses: Record<string, number> }
type Failure = { case: string; status: number; message: string; why: string }

/** The message names `field`: every name of its dotted path, as a word. */
function namesField(message: string, field: string): boolean {
  return field
    .split(".")
    .filter((part) => !/^\d+$/.test(part))
    .every((part) => {
      const escaped = part.replace(/[.*+?^${}()|[\]\\]/g, "\\$&")
      return new RegExp(`(^|[^A-Za-z0-9_])${escaped}($|[^A-Za-z0-9_])`).test(message) || (part.length > 200 && message.includes(part.slice(0, 200)))
    })
}

/**
 * The route fuzzer (RELIABILITY.md): every route of the route table gets at least 50
 * malformed requests, with the credentials its callers have so that the input checks are
 * what answers. Each must be a 4xx whose message names the field (a 404 the record), none a
 * 5xx, and none may change a row of the plugin's tables (or the carts a referral writes to).
 */
medusaIntegrationTestRunner({
  testSuite: ({ api, getContainer, dbConnection }) => {
    let world: RouteWorld
    let ctx: FuzzContext
    let tables: string[]
    const outcomes: Outcome[] = []
    /** Requests after which a row of the plugin's tables differed, and cases judged wrong. */
    let rowsChanged = 0
    let failed = 0
    const started = Date.now()

    // Seeded once: the runner snapshots the database after the suite's beforeAll and
    // restores that snapshot before every test.
    beforeAll(async () => {
      // A scheduled tick would move a job's cursor between two fingerprints of the tables.
      await Promise.all([reconcileJobConfig, releaseJobConfig, rollupJobConfig].map(unscheduleJob))
      world = await seedRouteWorld(getContainer())
      ctx = { ids: world.ids, code: world.a.code, seed: SEED }
      const { rows } = await dbConnection.raw(
        "SELECT table_name FROM information_schema.tables WHERE table_schema = 'public' AND table_name LIKE '%affiliate%'"
      )
      // Migration tables, the link tables to Medusa's records, and the carts a referral writes to.
      tables = [...new Set([...pluginTables(), ...rows.map((r: { table_name: string }) => r.table_name), "cart"])].sort()
    })

    const headersOf = (caller: Caller): Record<string, string> =>
      ({
        visitor: {},
        public: world.publicHeaders,
        customer: world.stranger.headers,
        affiliate: world.a.headers,
        admin: world.adminHeaders,
      })[caller]

    async function send(route: (typeof ROUTE_TABLE)[number], c: FuzzCase) {
      const raw = c.rawBody !== undefined
      const response = await api.request({
        method: route.method,
        url: c.query ? `${c.path}?${c.query}` : c.path,
        headers: { ...headersOf(route.caller), ...(raw ? { "content-type": "application/json" } : {}) },
        data: raw ? c.rawBody : c.body,
        // A raw body goes out as written, not re-encoded.
        ...(raw ? { transformRequest: [(data: unknown) => data] } : {}),
        validateStatus: () => true,
        maxRedirects: 0,
      })
      return {
        status: response.status as number,
        message: String(response.data?.message ?? (typeof response.data === "string" ? response.data : "")),
        location: response.headers.location as string | undefined,
      }
    }

    const onStoreOrigin = (location: string | undefined) => {
      try {
        return !!location && STORE_ORIGINS.includes(new URL(location).origin)
      } catch {
        return false
      }
    }

    function judge(c: FuzzCase, status: number, message: string, location?: string): string | null {
      if (status >= 500) return "a 5xx"
      if (status >= 300 && status < 400 && !onStoreOrigin(location)) return `a redirect off the store's origins to ${location}`
      // A landing route lands an unknown code on the store (or the router refuses the path).
      if (c.expect === 302) return status === 302 || ((status === 400 || status === 404) && message) ? null : `${status}, expected 302 onto the store`
      if (status < 400) return `accepted with ${status}`
      if (status !== 400 && status !== c.expect) return `${status}, expected ${c.expect === 404 ? "400 or 404" : "400"}`
      if (!message) return "no message"
      if (status === 404) return new RegExp(c.names ?? "", "i").test(message) ? null : `the 404 does not name the ${c.names}`
      if (c.field !== null && !namesField(message, c.field)) return `the message does not name ${c.field}`
      return null
    }

    it.each(ROUTE_TABLE.map((route) => [routeName(route), route] as const))("%s", async (name, route) => {
      const cases = fuzzCases(route, ctx)
      const statuses: Record<string, number> = {}
      const failures: Failure[] = []
      let before = await tableFingerprint(dbConnection, tables)
      for (const c of cases) {
        const { status, message, location } = await send(route, c)
        statuses[status] = (statuses[status] ?? 0) + 1
        const after = await tableFingerprint(dbConnection, tables)
        const changed = tables.filter((t) => after[t] !== before[t])
        const why = [judge(c, status, message, location), changed.length ? `changed ${changed.join(", ")}` : null].filter(Boolean).join("; ")
        if (changed.length) rowsChanged++
        if (why) {
          failed++
          failures.push({ case: c.name, status, message: message.slice(0, 200), why })
          before = after
        }
      }
      outcomes.push({ route: name, cases: cases.length, statuses })
      expect(cases.length).toBeGreaterThanOrEqual(MIN_CASES_PER_ROUTE)
      expect(failures).toEqual([])
    })

    afterAll(() => {
      const total = (pick: (status: number) => boolean) =>
        outcomes.reduce((sum, o) => sum + Object.entries(o.statuses).filter(([s]) => pick(Number(s))).reduce((n, [, k]) => n + k, 0), 0)
      const byStatus: Record<string, number> = {}
      for (const o of outcomes) for (const [s, n] of Object.entries(o.statuses)) byStatus[s] = (byStatus[s] ?? 0) + n
      const cases = outcomes.reduce((sum, o) => sum + o.cases, 0)
      recordReliability("fuzz", {
        title: "Route fuzzer",
        order: 1,
        command: "TEST_TYPE=integration:http npx jest integration-tests/http/fuzz.spec.ts",
        summary: [
          ["Routes fuzzed", `${outcomes.length} of ${ROUTE_TABLE.length}`],
          ["Malformed requests", cases],
          ["Answered 4xx", `${total((s) => s >= 400 && s < 500)} (${Object.entries(byStatus).filter(([s]) => Number(s) >= 400 && Number(s) < 500).map(([s, n]) => `${s}: ${n}`).join(", ")})`],
          ["Answered 5xx", total((s) => s >= 500)],
          ["Accepted (2xx/3xx)", total((s) => s < 400)],
          ["Requests that changed a row", rowsChanged],
          ["Cases judged wrong (not a 4xx naming the field, or a row changed)", failed],
          ["fast-check seed", SEED],
          ["Run time", `${Math.round((Date.now() - started) / 1000)} s`],
        ],
        tables: [
          {
            title: "Per route",
            columns: ["Route", "Cases", "Statuses"],
            rows: outcomes.map((o) => [o.route, o.cases, Object.entries(o.statuses).map(([s, n]) => `${s}: ${n}`).join(", ")]),
          },
        ],
      })
    })
  },
})
