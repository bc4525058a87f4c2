import { medusaIntegrationTestRunner } from "@medusajs/test-utils"
import { affiliateService, createAffiliate } from "../fixtures/affiliates"
import { adminHeaders } from "../fixtures/auth"
import { expectError } from "../fixtures/http"
import { creditOrder } from "../fixtures/ledger"
import { unscheduleJob } from "../fixtures/jobs"
import { config as rollupJobConfig } from "../../src/jobs/roll-up-activity"

jest.setTimeout(120_000)

const DAY = 86_400_000
const REPORTS = "/admin/affiliate-reports"

medusaIntegrationTestRunner({
  testSuite: ({ api, getContainer, dbConnection }) => {
    const c = () => getContainer()
    const service = () => affiliateService(c())
    let admin: Record<string, string>


    const today = () => new Date().toISOString().slice(0, 10)
    const yesterday = () => new Date(Date.now() - DAY).toISOString().slice(0, 10)

    /** ALICE: 2 clicks, orders of 100 and 200 usd, a reversal of 5; BOB: 1 click, an order of 400 eur; CAROL: nothing. */
    const seedActivity = async () => {
      const alice = await createAffiliate(c(), "ALICE")
      const bob = await createAffiliate(c(), "BOB")
      await createAffiliate(c(), "CAROL")
      await service().recordClick({ code: "ALICE", session_id: "a1" })
      await service().recordClick({ code: "ALICE", session_id: "a2" })
      await service().recordClick({ code: "BOB", session_id: "b1" })
      await creditOrder(c(), { affiliate_id: alice.id, order_id: "order_a1", currency_code: "usd", base: 100, commission: 10, source: "link" })
      await creditOrder(c(), { affiliate_id: alice.id, order_id: "order_a2", currency_code: "usd", base: 200, commission: 20, source: "link" })
      await service().appendLedgerEntries([
        { affiliate_id: alice.id, type: "reversal", amount: -5, currency_code: "usd", order_id: "order_a2", idempotency_key: "rev:a2" },
      ])
      await creditOrder(c(), { affiliate_id: bob.id, order_id: "order_b1", currency_code: "eur", base: 400, commission: 40, source: "link" })
      return { alice, bob }
    }

    beforeAll(async () => {
      // A scheduled rollup inside a test would roll up days before the test restamps rows into them.
      await unscheduleJob(rollupJobConfig)
    })

    beforeEach(async () => {
      admin = (await adminHeaders(c())).headers
    })

    describe("the program-wide report totals every affiliate's activity per interval", () => {
      it("series per day, totals, and the top affiliates by commission", async () => {
        const { alice, bob } = await seedActivity()
        const { status, data } = await api.get(`${REPORTS}?from=${yesterday()}&to=${today()}&interval=day`, { headers: admin })
        expect(status).toBe(200)
        const { report } = data
        expect(report.totals).toEqual({
          clicks: 3,
          orders: 3,
          revenue: [
            { currency_code: "eur", amount: 400 },
            { currency_code: "usd", amount: 300 },
          ],
          commission: [
            { currency_code: "eur", amount: 40 },
            { currency_code: "usd", amount: 25 },
          ],
        })
        expect(report.series).toEqual([
          { date: `${yesterday()}T00:00:00.000Z`, clicks: 0, orders: 0, revenue: [], commission: [] },
          { date: `${today()}T00:00:00.000Z`, ...report.totals },
        ])
        expect(report.top_affiliates).toEqual([
          { affiliate_id: bob.id, code: "BOB", name: "Affiliate BOB", orders: 1, commission: [{ currency_code: "eur", amount: 40 }] },
          { affiliate_id: alice.id, code: "ALICE", name: "Affiliate ALICE", orders: 2, commission: [{ currency_code: "usd", amount: 25 }] },
        ])

        const { data: top1 } = await api.get(`${REPORTS}?from=${yesterday()}&to=${today()}&top=1`, { headers: admin })
        expect(top1.report.top_affiliates.map((a: any) => a.code)).toEqual(["BOB"])
      })

      it("by default covers the last 30 days by day", async () => {
        await seedActivity()
        const { data } = await api.get(REPORTS, { headers: admin })
        expect(data.report.interval).toBe("day")
        expect(data.report.series).toHaveLength(31)
        expect(data.report.totals.clicks).toBe(3)
      })
    })

    describe("a report for one affiliate counts only that affiliate", () => {
      it("filters by affiliate_id, without a ranking", async () => {
        const { alice } = await seedActivity()
        const { data } = await api.get(`${REPORTS}?affiliate_id=${alice.id}&from=${today()}&to=${today()}&interval=week`, { headers: admin })
        expect(data.report.totals).toEqual({
          clicks: 2,
          orders: 2,
          revenue: [{ currency_code: "usd", amount: 300 }],
          commission: [{ currency_code: "usd", amount: 25 }],
        })
        expect(data.report.series).toHaveLength(1)
        expect(data.report.top_affiliates).toBeUndefined()
      })

      it("404 for an unknown affiliate", async () => {
        await expectError(api.get(`${REPORTS}?affiliate_id=aff_unknown`, { headers: admin }), 404, /aff_unknown/)
      })
    })

    describe("the daily rollup behind reports", () => {
      const at = (daysAgo: number, hour: number) => {
        const d = new Date(Date.now() - daysAgo * DAY)
        d.setUTCHours(hour, 0, 0, 0)
        return d
      }
      /** Moves an order's receipt and entries, or a session's click, to another time. */
      const restamp = async (kind: "order" | "click", id: string, when: Date) => {
        if (kind === "click") {
          await dbConnection.raw(`UPDATE affiliate_click SET created_at = ? WHERE session_id = ?`, [when, id])
          return
        }
        await dbConnection.raw(`UPDATE affiliate_order_attribution SET created_at = ? WHERE order_id = ?`, [when, id])
        await dbConnection.raw(`ALTER TABLE affiliate_commission DISABLE TRIGGER affiliate_commission_append_only`)
        await dbConnection.raw(`UPDATE affiliate_commission SET created_at = ? WHERE order_id = ?`, [when, id])
        await dbConnection.raw(`ALTER TABLE affiliate_commission ENABLE TRIGGER affiliate_commission_append_only`)
      }
      const rollup = async () => ({
        activity: (await dbConnection.raw(`SELECT * FROM affiliate_daily_activity ORDER BY affiliate_id, day`)).rows,
        commission: (await dbConnection.raw(`SELECT * FROM affiliate_daily_commission ORDER BY affiliate_id, day, currency_code`)).rows,
      })

      it("reports read the same figures from the rollup as from the rows, and a rebuild equals the incremental rollup", async () => {
        const { alice } = await seedActivity()
        // Spread over the week: a1 5 days ago, a2 (and its reversal) 2 days ago, b1 yesterday;
        // clicks 6, 3 and 0 days ago.
        await restamp("order", "order_a1", at(5, 10))
        await restamp("order", "order_a2", at(2, 23))
        await restamp("order", "order_b1", at(1, 0))
        await restamp("click", "a1", at(6, 12))
        await restamp("click", "b1", at(3, 8))

        // Partial first day (from mid-day 6 days ago), by day and by week, program-wide and for ALICE.
        const from = new Date(Date.now() - 6.5 * DAY)
        const to = new Date()
        const reports = async () =>
          Promise.all([
            service().getActivityReport({ from, to, interval: "day" }),
            service().getActivityReport({ from, to, interval: "week" }),
            service().getActivityReport({ affiliate_id: alice.id, from, to, interval: "day" }),
          ])
        const fromRows = await reports()
        expect(fromRows[0].totals).toEqual(expect.objectContaining({ clicks: 3, orders: 3 }))

        // Incrementally, as the hourly job would over the week, then up to today.
        for (const daysAgo of [4, 2, 0]) {
          await service().rollUpActivity({ until: new Date(Date.now() - daysAgo * DAY) })
          expect(await reports()).toEqual(fromRows)
        }
        const incremental = await rollup()
        expect(incremental.activity.length).toBeGreaterThan(0)
        expect(incremental.commission.length).toBeGreaterThan(0)

        await service().rebuildActivityRollup({ until: new Date() })
        expect(await rollup()).toEqual(incremental)

        // The report really reads whole days from the rollup...
        await dbConnection.raw(`UPDATE affiliate_daily_activity SET clicks = clicks + 100 WHERE day = ?`, [at(3, 0)])
        expect((await service().getActivityReport({ from, to, interval: "day" })).totals.clicks).toBe(103)
        // ...which is derived: a rebuild puts it right, from the rows.
        await service().rebuildActivityRollup({ until: new Date() })
        expect(await reports()).toEqual(fromRows)

        // A row committed late into the last rolled-up day is taken in by the next run.
        await service().recordClick({ code: "BOB", session_id: "late" })
        await restamp("click", "late", at(1, 5))
        await service().rollUpActivity({ until: new Date() })
        expect((await service().getActivityReport({ from, to, interval: "day" })).totals.clicks).toBe(4)
        await service().rebuildActivityRollup({ until: new Date() })
        expect((await service().getActivityReport({ from, to, interval: "day" })).totals.clicks).toBe(4)

        // Over HTTP, the admin report is the service's.
        const { data } = await api.get(`${REPORTS}?from=${from.toISOString()}&to=${to.toISOString()}&interval=week`, { headers: admin })
        expect(data.report.series).toEqual(JSON.parse(JSON.stringify((await reports())[1].series)))
      })
    })

    describe("a report's query is checked, naming the field", () => {
      it("refuses more than 400 intervals, unknown intervals and fields, and bad dates", async () => {
        await expectError(api.get(`${REPORTS}?from=2020-01-01&to=2026-01-01&interval=day`, { headers: admin }), 400, /interval: 2193 days/)
        await expectError(api.get(`${REPORTS}?interval=hour`, { headers: admin }), 400, /interval: must be one of day, week, month/)
        await expectError(api.get(`${REPORTS}?program_id=afprog_1`, { headers: admin }), 400, /program_id/)
        await expectError(api.get(`${REPORTS}?from=not-a-date`, { headers: admin }), 400, /from: must be an ISO date/)
        await expectError(api.get(`${REPORTS}?top=0`, { headers: admin }), 400, /top/)
      })
    })

    describe("reports are for admins", () => {
      it("401 without an admin", async () => {
        await expectError(api.get(REPORTS), 401)
      })
    })
  },
})
