import { medusaIntegrationTestRunner } from "@medusajs/test-utils"
import { createApiKeysWorkflow } from "@medusajs/medusa/core-flows"
import { parse } from "csv-parse/sync"
import { affiliateService, createAffiliate } from "../fixtures/affiliates"
import { adminHeaders, customerHeaders } from "../fixtures/auth"
import { expectError } from "../fixtures/http"
import { payOut, sumAmounts } from "../fixtures/ledger"

jest.setTimeout(120_000)

const STATEMENT = "/store/customers/me/affiliate/statement"
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms))

medusaIntegrationTestRunner({
  testSuite: ({ api, getContainer }) => {
    const c = () => getContainer()
    const service = () => affiliateService(c())


    let key = 0
    const book = async (affiliateId: string, currency: string, fields: Record<string, unknown>) => {
      const [{ entry }] = await service().appendLedgerEntries([
        { affiliate_id: affiliateId, currency_code: currency, idempotency_key: `test-${++key}`, ...fields } as any,
      ])
      return entry
    }

    /** A boundary between two phases of the ledger, clear of the entries on both sides. */
    const boundary = async () => {
      await sleep(15)
      const at = new Date()
      await sleep(15)
      return at
    }

    const CURRENCIES = { usd: 1, eur: 1.5 } as const

    /**
     * ALICE's ledger in usd and eur (eur amounts are 1.5 times usd's), in three phases split
     * at `from` and `to`, with every type of entry and payouts paid before, in and after the
     * period. BOB books in between and must never show. Per unit (usd):
     *   before:  sale 10 paid out; sale 20 held; sale 5 available           -> opening 25
     *   period:  sale 30 held, its reversal -6 held, clawback -4, adjustments +7 and -2;
     *            the held sale 20 is released; a payout of 20+5-4+7-2 = 26 is paid;
     *            sale 3 available, then requested in a payout not yet paid
     *            -> earned 33, reversed 6, clawed_back 4, adjustments 5, paid 26, closing 27
     *   after:   the payout of 3 is paid; sale 50 held
     */
    const seedLedger = async () => {
      const { result: [apiKey] } = await createApiKeysWorkflow(c()).run({
        input: { api_keys: [{ title: "Storefront", type: "publishable", created_by: "test" }] },
      })
      const { customer, headers } = await customerHeaders(c(), apiKey.token, "alice@statements.test")
      const alice = await createAffiliate(c(), "ALICE", { customer_id: customer.id })
      const bob = await createAffiliate(c(), "BOB")
      const inPeriod: Record<string, string[]> = { usd: [], eur: [] }
      const requested: Record<string, string> = {}

      for (const [currency, m] of Object.entries(CURRENCIES)) {
        await book(alice.id, currency, { type: "sale", amount: 10 * m, status: "available" })
        await payOut(c(), alice.id, currency, { settle: true })
        await book(alice.id, currency, { type: "sale", amount: 20 * m, idempotency_key: `held-${currency}`, available_at: new Date() })
        await book(alice.id, currency, { type: "sale", amount: 5 * m, status: "available" })
        await book(bob.id, currency, { type: "sale", amount: 1000, status: "available" })
      }
      const from = await boundary()

      for (const [currency, m] of Object.entries(CURRENCIES)) {
        const ids = inPeriod[currency]
        ids.push((await book(alice.id, currency, { type: "sale", amount: 30 * m, order_id: `order_${currency}`, rate: 10, base_amount: 300 * m })).id)
        ids.push((await book(alice.id, currency, { type: "reversal", amount: -6 * m, order_id: `order_${currency}`, status: "pending" })).id)
        ids.push((await book(alice.id, currency, { type: "clawback", amount: -4 * m })).id)
        ids.push((await book(alice.id, currency, { type: "adjustment", amount: 7 * m, note: "launch bonus" })).id)
        ids.push((await book(alice.id, currency, { type: "adjustment", amount: -2 * m, note: "correction, with a comma" })).id)
        // The held sale is the only entry due (the others have no available_at).
        await service().releaseDueCommissions({ now: new Date() })
        await payOut(c(), alice.id, currency, { settle: true })
        ids.push((await book(alice.id, currency, { type: "sale", amount: 3 * m, status: "available" })).id)
        requested[currency] = (await payOut(c(), alice.id, currency, { settle: false })).id
        await book(bob.id, currency, { type: "adjustment", amount: -500, note: "bob" })
      }
      const to = await boundary()

      for (const [currency, m] of Object.entries(CURRENCIES)) {
        await service().settlePayout({ id: requested[currency], status: "paid", reference: "wire" })
        await book(alice.id, currency, { type: "sale", amount: 50 * m })
      }
      return { alice, headers, from, to, inPeriod }
    }

    const expected = (m: number) => ({
      opening: 25 * m,
      earned: 33 * m,
      reversed: 6 * m,
      clawed_back: 4 * m,
      adjustments: 5 * m,
      paid: 26 * m,
      closing: 27 * m,
    })

    const period = (from: Date, to?: Date) =>
      `from=${encodeURIComponent(from.toISOString())}${to ? `&to=${encodeURIComponent(to.toISOString())}` : ""}`

    describe("a statement reconciles: opening + earned - reversed - clawed_back + adjustments - paid = closing", () => {
      it("per currency, on a ledger with sales, reversals, clawbacks, adjustments and paid payouts", async () => {
        const { alice, headers, from, to, inPeriod } = await seedLedger()

        for (const [currency, m] of Object.entries(CURRENCIES)) {
          const { data } = await api.get(`${STATEMENT}?currency_code=${currency.toUpperCase()}&${period(from, to)}`, { headers })
          const s = data.statement
          expect(s).toEqual(
            expect.objectContaining({
              currency_code: currency,
              from: from.toISOString(),
              to: to.toISOString(),
              ...expected(m),
            })
          )
          expect(s.opening + s.earned - s.reversed - s.clawed_back + s.adjustments - s.paid).toBeCloseTo(s.closing, 10)
          // The period's entries, oldest first, signed as booked; only ALICE's, only this currency.
          expect(s.entries.map((e: any) => e.id)).toEqual(inPeriod[currency])
          expect(s.entries.map((e: any) => e.amount)).toEqual([30, -6, -4, 7, -2, 3].map((a) => a * m))
          expect(s.entries.every((e: any) => e.affiliate_id === alice.id && e.currency_code === currency)).toBe(true)
        }
      })

      it("the closing is the unpaid balance at the period's end, and the next period opens with it", async () => {
        const { headers, from, to } = await seedLedger()
        const { data: profile } = await api.get("/store/customers/me/affiliate", { headers })

        for (const [currency, m] of Object.entries(CURRENCIES)) {
          const { data: upToNow } = await api.get(`${STATEMENT}?currency_code=${currency}&${period(from)}`, { headers })
          const balance = profile.balances.find((b: any) => b.currency_code === currency)
          expect(upToNow.statement.closing).toBeCloseTo(balance.pending + balance.available + balance.requested, 10)
          expect(balance).toEqual({ currency_code: currency, pending: 74 * m, available: 0, requested: 0, paid: 39 * m, min_payout_amount: 0 })

          const { data: next } = await api.get(`${STATEMENT}?currency_code=${currency}&${period(to)}`, { headers })
          expect(next.statement).toEqual(
            expect.objectContaining({ opening: 27 * m, earned: 50 * m, paid: 3 * m, closing: 74 * m })
          )
        }
      })

      it("a currency without entries has an all-zero statement", async () => {
        const { headers, from, to } = await seedLedger()
        const { data } = await api.get(`${STATEMENT}?currency_code=gbp&${period(from, to)}`, { headers })
        expect(data.statement).toEqual(
          expect.objectContaining({ opening: 0, earned: 0, reversed: 0, clawed_back: 0, adjustments: 0, paid: 0, closing: 0, entries: [] })
        )
      })
    })

    describe("a statement as CSV: the opening, the period's entries, the totals and the closing", () => {
      it("has one header row and reconciles line by line", async () => {
        const { headers, from, to, inPeriod } = await seedLedger()
        const res = await api.get(`${STATEMENT}?currency_code=eur&format=csv&${period(from, to)}`, { headers })
        expect(res.headers["content-type"]).toMatch(/^text\/csv/)
        expect(res.headers["content-disposition"]).toBe(
          `attachment; filename="statement-ALICE-eur-${from.toISOString().slice(0, 10)}-${new Date(to.getTime() - 1).toISOString().slice(0, 10)}.csv"`
        )
        const rows: Record<string, string>[] = parse(res.data, { columns: true })
        expect(Object.keys(rows[0])).toEqual([
          "line", "date", "id", "type", "status", "order_id", "payout_id", "rate", "base_amount", "amount", "currency_code", "note",
        ])
        expect(rows.map((r) => r.line)).toEqual([
          "opening", "entry", "entry", "entry", "entry", "entry", "entry", "earned", "reversed", "clawed_back", "adjustments", "paid", "closing",
        ])
        const amount = (line: string) => Number(rows.find((r) => r.line === line)!.amount)
        const e = expected(1.5)
        expect([amount("opening"), amount("earned"), amount("reversed"), amount("clawed_back"), amount("adjustments"), amount("paid"), amount("closing")])
          .toEqual([e.opening, e.earned, e.reversed, e.clawed_back, e.adjustments, e.paid, e.closing])
        expect(rows[0].date).toBe(from.toISOString())
        expect(rows[12].date).toBe(to.toISOString())

        const entries = rows.filter((r) => r.line === "entry")
        expect(entries.map((r) => r.id)).toEqual(inPeriod.eur)
        expect(entries[0]).toEqual(
          expect.objectContaining({ type: "sale", status: "pending", order_id: "order_eur", rate: "10", base_amount: "450", amount: "45", currency_code: "eur" })
        )
        expect(entries[4].note).toBe("correction, with a comma")
        // Every entry of the period is a sale, reversal, clawback or adjustment booked in it.
        expect(sumAmounts(entries)).toBe(String(e.earned - e.reversed - e.clawed_back + e.adjustments))
      })
    })

    describe("a statement's query is checked, naming the field", () => {
      it("needs a currency, a known format and from before to; nothing else", async () => {
        const { headers } = await seedLedger()
        await expectError(api.get(STATEMENT, { headers }), 400, /currency_code: is required/)
        await expectError(api.get(`${STATEMENT}?currency_code=dollars`, { headers }), 400, /currency_code: must be a three-letter currency code/)
        await expectError(api.get(`${STATEMENT}?currency_code=usd&format=xml`, { headers }), 400, /format: must be one of json, csv/)
        await expectError(api.get(`${STATEMENT}?currency_code=usd&from=2026-03-01&to=2026-02-01`, { headers }), 400, /from must be before to/)
        await expectError(api.get(`${STATEMENT}?currency_code=usd&to=31.01.2026`, { headers }), 400, /to: must be an ISO date/)
        // A 10,000-year period was a 500 (PostgreSQL has no year 10000).
        await expectError(api.get(`${STATEMENT}?currency_code=usd&from=0001-01-01&to=9999-12-31`, { headers }), 400, /^Invalid request: from: must be from 1970 to 9998; to: must be from 1970 to 9998$/)
        await expectError(api.get(`${STATEMENT}?currency_code=usd&affiliate_id=aff_1`, { headers }), 400, /affiliate_id/)
      })

      it("a date-only `to` includes that whole day", async () => {
        const { headers } = await seedLedger()
        const { data } = await api.get(`${STATEMENT}?currency_code=usd&from=2026-01-01&to=2026-01-31`, { headers })
        expect(data.statement).toEqual(
          expect.objectContaining({ from: "2026-01-01T00:00:00.000Z", to: "2026-02-01T00:00:00.000Z" })
        )
      })
    })

    describe("an admin reads any affiliate's statement, exactly as the affiliate sees it", () => {
      it("the same figures and entries as the portal, JSON and CSV", async () => {
        const { alice, headers, from, to } = await seedLedger()
        const { headers: admin } = await adminHeaders(c())
        for (const format of ["json", "csv"]) {
          const query = `currency_code=usd&format=${format}&${period(from, to)}`
          const { data: portal } = await api.get(`${STATEMENT}?${query}`, { headers })
          const { data: asAdmin, status } = await api.get(`/admin/affiliates/${alice.id}/statement?${query}`, { headers: admin })
          expect(status).toBe(200)
          expect(asAdmin).toEqual(portal)
        }
      })

      it("404 for an unknown affiliate, 400 for a bad query, 401 without an admin", async () => {
        const { alice } = await seedLedger()
        const { headers: admin } = await adminHeaders(c())
        await expectError(api.get("/admin/affiliates/aff_unknown/statement?currency_code=usd", { headers: admin }), 404, /aff_unknown/)
        await expectError(api.get(`/admin/affiliates/${alice.id}/statement`, { headers: admin }), 400, /currency_code: is required/)
        await expectError(api.get(`/admin/affiliates/${alice.id}/statement?currency_code=usd`), 401)
      })
    })
  },
})
