import { medusaIntegrationTestRunner } from "@medusajs/test-utils"
import { config as reconcileJobConfig } from "../../src/jobs/reconcile-orders"
import { config as releaseJobConfig } from "../../src/jobs/release-commissions"
import { config as rollupJobConfig } from "../../src/jobs/roll-up-activity"
import { unscheduleJob } from "../fixtures/jobs"
import { affiliateService } from "../fixtures/affiliates"
import { baseBody, baseQuery, FuzzContext, fillPath } from "../fixtures/fuzz-cases"
import { Route, ROUTE_TABLE, routeName } from "../fixtures/route-table"
import { pluginTables, RouteWorld, seedRouteWorld, tableFingerprint } from "../fixtures/route-world"
// eslint-disable-next-line @typescript-eslint/no-require-imports
const { recordReliability } = require("../../scripts/lib/reliability")

jest.setTimeout(180_000)

const CALLERS = [
  "anonymous",
  "anonymous + publishable key",
  "customer, not an affiliate",
  "affiliate A",
  "affiliate B",
  "admin bearer",
  "secret API key",
] as const
type CallerName = (typeof CALLERS)[number]

/** What a caller must get: let through (`allowed`), or refused with one of these statuses. */
type Expected = "allowed" | number[]

/** Keys no public answer may carry. */
const PRIVATE_KEYS = ["email", "payout_email", "payout_details", "ip_hash", "user_agent_hash", "ip", "user_agent", "note", "notes", "metadata", "customer_id", "commission_rate"]

function keysOf(value: unknown): string[] {
  if (Array.isArray(value)) return value.flatMap(keysOf)
  if (value && typeof value === "object") return Object.entries(value).flatMap(([k, v]) => [k, ...keysOf(v)])
  return []
}

/**
 * The authorization matrix (RELIABILITY.md): every route of the route table called by every
 * kind of caller. Admin routes let only an admin user or a secret API key in; portal routes
 * only a logged-in customer (404 for one who is not an affiliate), never an admin token or a
 * secret key; no caller sees or changes another affiliate's data through ids in a path,
 * query or body; public routes show nothing private.
 */
medusaIntegrationTestRunner({
  testSuite: ({ api, getContainer, dbConnection }) => {
    let world: RouteWorld
    let ctx: FuzzContext
    let tables: string[]
    /** Every id and private value of affiliate A that no other caller may see. */
    let secretsOfA: string[]
    const matrix = new Map<string, Record<string, string>>()
    const problems: string[] = []
    let requests = 0
    const started = Date.now()

    beforeAll(async () => {
      // A scheduled tick would move a job's cursor between two fingerprints of the tables.
      await Promise.all([reconcileJobConfig, releaseJobConfig, rollupJobConfig].map(unscheduleJob))
      world = await seedRouteWorld(getContainer())
      ctx = { ids: world.ids, code: world.a.code, seed: 1 }
      tables = pluginTables()
      const a = world.a
      secretsOfA = [a.affiliate.id, a.customer.id, ...a.commissionIds, a.paidPayoutId, a.requestedPayoutId, a.clickId, a.affiliate.email, "alpha-payouts@affiliates.test", "ALPHA private"]
    })

    const headersOf = (caller: CallerName, route: Route): Record<string, string> => {
      const pk = world.publicHeaders
      const store = route.path.startsWith("/store")
      switch (caller) {
        case "anonymous":
          return {}
        case "anonymous + publishable key":
          return pk
        case "customer, not an affiliate":
          return world.stranger.headers
        case "affiliate A":
          return world.a.headers
        case "affiliate B":
          return world.b.headers
        case "admin bearer":
          return store ? { ...pk, ...world.adminHeaders } : world.adminHeaders
        case "secret API key":
          return store ? { ...pk, ...world.secretKeyHeaders } : world.secretKeyHeaders
      }
    }

    function expected(route: Route, caller: CallerName): Expected {
      const admin = caller === "admin bearer" || caller === "secret API key"
      if (route.caller === "visitor") return "allowed"
      if (route.caller === "admin") return admin ? "allowed" : [401]
      // Every store route needs the publishable key first (Medusa answers 400 without it).
      if (caller === "anonymous") return [400, 401]
      if (route.caller === "public") return "allowed"
      if (caller === "anonymous + publishable key" || admin) return [401]
      if (route.caller === "customer") return "allowed"
      return caller === "customer, not an affiliate" ? [404] : "allowed"
    }

    /**
     * The request a caller sends: a valid one when it must be refused (refused even so), and
     * for a write that must be let through, one the input check refuses (a 400 after the
     * auth check proves it let the caller in, and the seeded world stays as it is).
     */
    function requestOf(route: Route, caller: CallerName) {
      const exp = expected(route, caller)
      const query = baseQuery(route, ctx).join("&")
      const path = fillPath(route, ctx)
      // A public write is what any visitor may do (a click, a guest cart's referral): sent for real.
      if (exp !== "allowed" || route.method === "GET" || route.caller === "public") return { path, query, body: route.method === "POST" ? baseBody(route, ctx) : undefined, probe: false }
      if (route.method === "DELETE") return { path: fillPath(route, ctx, { id: "unknown_authz_probe" }), query, body: undefined, probe: true }
      return { path, query, body: { ...baseBody(route, ctx), unknown_authz_probe: 1 }, probe: true }
    }

    const send = async (method: string, url: string, headers: Record<string, string>, data?: unknown) => {
      requests++
      const response = await api.request({ method, url, headers, data, validateStatus: () => true, maxRedirects: 0 })
      return { status: response.status as number, data: response.data, text: typeof response.data === "string" ? response.data : JSON.stringify(response.data ?? "") }
    }

    const balancesOfA = async () => JSON.stringify(await affiliateService(getContainer()).getBalances(world.a.affiliate.id))

    it.each(ROUTE_TABLE.map((route) => [routeName(route), route] as const))("%s", async (name, route) => {
      const row: Record<string, string> = {}
      for (const caller of CALLERS) {
        const exp = expected(route, caller)
        const { path, query, body, probe } = requestOf(route, caller)
        const before = exp === "allowed" ? null : await tableFingerprint(dbConnection, tables)
        const { status, data, text } = await send(route.method, query ? `${path}?${query}` : path, headersOf(caller, route), body)
        row[caller] = String(status)
        const where = `${name} as ${caller}: ${status}`
        if (exp === "allowed") {
          if (status === 401 || status === 403 || status >= 500) problems.push(`${where}, expected to be let in`)
          else if (probe && status !== 400 && status !== 404) problems.push(`${where}, expected the probe's 400/404`)
          else if (!probe && route.method === "GET" && status !== (route.lands ? 302 : 200)) problems.push(`${where}, expected ${route.lands ? 302 : 200}`)
        } else {
          if (!exp.includes(status)) problems.push(`${where}, expected ${exp.join(" or ")}`)
          const after = await tableFingerprint(dbConnection, tables)
          const changed = tables.filter((t) => after[t] !== before![t])
          if (changed.length) problems.push(`${where} changed ${changed.join(", ")}`)
        }
        // A's data reaches A, an admin, and the public facts of the landing page only.
        const mayseeA = caller === "affiliate A" || (route.caller === "admin" && exp === "allowed") || route.caller === "public"
        const leaked = mayseeA ? [] : secretsOfA.filter((s) => text.includes(s))
        if (leaked.length) problems.push(`${where} shows A's ${leaked.join(", ")}`)
        // The affiliate's public face (the cart route answers with the caller's own cart).
        if (route.path.startsWith("/store/affiliates") && status < 300) {
          const shown = keysOf(data).filter((k) => PRIVATE_KEYS.includes(k))
          if (shown.length) problems.push(`${where} shows the private ${shown.join(", ")}`)
          const values = [world.a.affiliate.email, world.a.customer.id, "alpha-payouts@affiliates.test", "ALPHA private"].filter((s) => text.includes(s))
          if (values.length) problems.push(`${where} shows ${values.join(", ")}`)
        }
      }
      matrix.set(name, row)
      expect(problems.filter((p) => p.startsWith(`${name} as`))).toEqual([])
    })

    it("affiliate B cannot reach A's data with A's ids in a path, query or body", async () => {
      const a = world.a
      const b = world.b.headers
      const balances = await balancesOfA()
      const before = await tableFingerprint(dbConnection, tables)
      const attempts: [string, string, string, unknown, number[]][] = [
        ["GET", `/store/customers/me/affiliate/commissions?affiliate_id=${a.affiliate.id}`, "a filter by A's id", undefined, [400]],
        ["GET", `/store/customers/me/affiliate/commissions?affiliate_id[]=${a.affiliate.id}`, "A's id as a list", undefined, [400]],
        ["GET", `/store/customers/me/affiliate/payouts?affiliate_id=${a.affiliate.id}`, "A's payouts", undefined, [400]],
        ["GET", `/store/customers/me/affiliate/statement?currency_code=usd&affiliate_id=${a.affiliate.id}`, "A's statement", undefined, [400]],
        ["GET", `/store/customers/me/affiliate/stats?affiliate_id=${a.affiliate.id}`, "A's stats", undefined, [400]],
        ["GET", `/store/customers/me/affiliate?id=${a.affiliate.id}`, "A's profile", undefined, [400]],
        ["POST", "/store/customers/me/affiliate/payouts", "a payout for A", { currency_code: "usd", affiliate_id: a.affiliate.id }, [400]],
        // 422: B is an affiliate already (a duplicate, as portal.spec.ts has it).
        ["POST", "/store/customers/me/affiliate", "applying with A's code", { code: a.code }, [400, 422]],
        ["POST", `/store/carts/${world.alphaCartId}/affiliate`, "a referral on A's customer's cart", { code: world.b.code }, [403]],
        ["POST", `/store/carts/${world.alphaCartId}/affiliate`, "A's customer's cart by click", { click_id: world.b.clickId }, [403]],
        ["GET", `/admin/affiliates/${a.affiliate.id}`, "the admin route of A", undefined, [401]],
        ["GET", `/admin/affiliate-payouts/${a.requestedPayoutId}`, "A's payout on the admin route", undefined, [401]],
        ["POST", `/admin/affiliate-payouts/${a.requestedPayoutId}/paid`, "settling A's payout", {}, [401]],
      ]
      const refused: string[] = []
      for (const [method, url, what, body, statuses] of attempts) {
        const { status, text } = await send(method, url, b, body)
        const leaked = secretsOfA.filter((s) => text.includes(s))
        if (!statuses.includes(status)) refused.push(`${what}: ${status}, expected ${statuses.join(" or ")}`)
        if (leaked.length) refused.push(`${what} shows ${leaked.join(", ")}`)
      }
      // The anonymous storefront cannot put a referral on a registered customer's cart either.
      const guest = await send("POST", `/store/carts/${world.alphaCartId}/affiliate`, world.publicHeaders, { code: world.b.code })
      if (guest.status !== 403) refused.push(`a guest's referral on A's customer's cart: ${guest.status}, expected 403`)
      // B's own portal answers show B's records and none of A's.
      for (const url of ["/store/customers/me/affiliate", "/store/customers/me/affiliate/commissions", "/store/customers/me/affiliate/payouts", "/store/customers/me/affiliate/statement?currency_code=usd", "/store/customers/me/affiliate/stats"]) {
        const { status, text } = await send("GET", url, b)
        if (status !== 200) refused.push(`${url} as B: ${status}, expected 200`)
        if (url === "/store/customers/me/affiliate" && !text.includes(world.b.affiliate.id)) refused.push(`${url} as B is not B's profile`)
        const leaked = secretsOfA.filter((s) => text.includes(s))
        if (leaked.length) refused.push(`${url} as B shows ${leaked.join(", ")}`)
      }
      problems.push(...refused.map((r) => `cross-affiliate: ${r}`))
      expect(refused).toEqual([])
      // B's own profile read notes B's device (the visitor_match signal); nothing else moved.
      const { affiliate_visitor_sighting: _, ...after } = await tableFingerprint(dbConnection, tables)
      const { affiliate_visitor_sighting: __, ...untouched } = before
      expect(after).toEqual(untouched)
      const { rows: sightings } = await dbConnection.raw(`SELECT DISTINCT affiliate_id FROM affiliate_visitor_sighting`)
      expect(sightings.map((r: { affiliate_id: string }) => r.affiliate_id)).toEqual([world.b.affiliate.id])
      expect(await balancesOfA()).toBe(balances)
    })

    afterAll(() => {
      const cells = [...matrix.values()].flatMap((row) => Object.values(row))
      const byStatus: Record<string, number> = {}
      for (const s of cells) byStatus[s] = (byStatus[s] ?? 0) + 1
      recordReliability("authorization", {
        title: "Authorization matrix",
        order: 2,
        command: "TEST_TYPE=integration:http npx jest integration-tests/http/authorization.spec.ts",
        summary: [
          ["Routes x callers", `${matrix.size} x ${CALLERS.length} = ${cells.length}`],
          ["Requests (with the cross-affiliate attempts)", requests],
          ["Statuses", Object.entries(byStatus).sort().map(([s, n]) => `${s}: ${n}`).join(", ")],
          ["Problems (wrong status, leak, change)", problems.length],
          ["Run time", `${Math.round((Date.now() - started) / 1000)} s`],
        ],
        tables: [
          {
            title: "Status per route and caller (a refused caller sends a valid request; a let-in caller's admin or portal write sends a probe its input check refuses, 400/404)",
            columns: ["Route", ...CALLERS],
            rows: [...matrix.entries()].map(([route, row]) => [route, ...CALLERS.map((c) => row[c] ?? "")]),
          },
        ],
        notes: problems.length ? [`Problems: ${problems.join("; ")}`] : [],
      })
    })
  },
})
