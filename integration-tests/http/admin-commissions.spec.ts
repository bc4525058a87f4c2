import { medusaIntegrationTestRunner } from "@medusajs/test-utils"
import { affiliateService, createAffiliate, eventually } from "../fixtures/affiliates"
import { adminHeaders } from "../fixtures/auth"
import { captureEvents } from "../fixtures/events"
import { expectError } from "../fixtures/http"

jest.setTimeout(120_000)

const COMMISSIONS = "/admin/affiliate-commissions"
const CSV_HEADER =
  "id,created_at,affiliate_id,affiliate_code,type,status,amount,currency_code,rate,base_amount,order_id,available_at,payout_id,paid_at,reference,reference_id,note,created_by"

medusaIntegrationTestRunner({
  testSuite: ({ api, getContainer }) => {
    let headers: Record<string, string>
    let adminId: string
    const service = () => affiliateService(getContainer())
    const { emitted } = captureEvents(getContainer)

    const list = async (query = "") => (await api.get(`${COMMISSIONS}${query}`, { headers })).data
    const ids = (body: any) => body.affiliate_commissions.map((c: any) => c.id)

    /**
     * A small ledger: Alice has a held sale of an order (usd) and its reversal, an
     * available sale in eur and a clawback; Bob an available sale (usd). Booked in this
     * order, oldest first.
     */
    const seedLedger = async () => {
      const alice = await createAffiliate(getContainer(), "ALICE")
      const bob = await createAffiliate(getContainer(), "BOB")
      const book = async (entry: Record<string, unknown>) =>
        (await service().appendLedgerEntries([entry as any]))[0].entry
      const sale = await book({
        affiliate_id: alice.id, type: "sale", amount: "12.35", currency_code: "usd", rate: 10, base_amount: "123.45",
        order_id: "order_1", status: "pending", available_at: new Date("2030-01-01T00:00:00Z"), idempotency_key: "sale:order_1",
        reference: "order", reference_id: "order_1",
      })
      const reversal = await book({
        affiliate_id: alice.id, type: "reversal", amount: "-2", currency_code: "usd", rate: 10, order_id: "order_1",
        status: "pending", available_at: new Date("2030-01-01T00:00:00Z"), idempotency_key: "reversal:order_1", reference: "refund",
      })
      const eur = await book({
        affiliate_id: alice.id, type: "sale", amount: "30", currency_code: "eur", order_id: "order_2", status: "available",
        idempotency_key: "sale:order_2",
      })
      const clawback = await book({
        affiliate_id: alice.id, type: "clawback", amount: "-5", currency_code: "eur", order_id: "order_2", status: "available",
        idempotency_key: "clawback:order_2",
      })
      const bobs = await book({
        affiliate_id: bob.id, type: "sale", amount: "8", currency_code: "usd", order_id: "order_3", status: "available",
        idempotency_key: "sale:order_3",
      })
      return { alice, bob, sale, reversal, eur, clawback, bobs }
    }

    beforeEach(async () => {
      const admin = await adminHeaders(getContainer())
      headers = admin.headers
      adminId = admin.user.id
    })

    describe("GET /admin/affiliate-commissions lists the ledger, newest first, paged", () => {
      it("every entry with the contract's fields, count, offset and limit", async () => {
        const l = await seedLedger()
        const all = await list()
        expect(all).toEqual({ affiliate_commissions: expect.any(Array), count: 5, offset: 0, limit: 50 })
        expect(ids(all)).toEqual([l.bobs.id, l.clawback.id, l.eur.id, l.reversal.id, l.sale.id])
        expect(all.affiliate_commissions[4]).toEqual(
          expect.objectContaining({
            id: l.sale.id,
            affiliate_id: l.alice.id,
            type: "sale",
            status: "pending",
            amount: 12.35,
            currency_code: "usd",
            rate: 10,
            base_amount: 123.45,
            order_id: "order_1",
            available_at: "2030-01-01T00:00:00.000Z",
            payout_id: null,
            note: null,
            created_by: null,
            reference: "order",
            created_at: expect.any(String),
          })
        )

        const page = await list("?limit=2&offset=1")
        expect(page).toEqual(expect.objectContaining({ count: 5, offset: 1, limit: 2 }))
        expect(ids(page)).toEqual([l.clawback.id, l.eur.id])
        expect(ids(await list("?order=amount"))).toEqual([l.clawback.id, l.reversal.id, l.bobs.id, l.sale.id, l.eur.id])
        expect((await list("?fields=id,amount")).affiliate_commissions[0]).toEqual({ id: l.bobs.id, amount: 8 })
      })
    })

    describe("the commission list filters by affiliate, status, type, order, currency and creation date", () => {
      it("each filter takes one value or many", async () => {
        const l = await seedLedger()
        expect(ids(await list(`?affiliate_id=${l.bob.id}`))).toEqual([l.bobs.id])
        expect(ids(await list(`?affiliate_id=${l.bob.id}&affiliate_id=${l.alice.id}`))).toHaveLength(5)
        expect(ids(await list("?status=pending"))).toEqual([l.reversal.id, l.sale.id])
        expect(ids(await list("?status=pending&status=available"))).toHaveLength(5)
        expect(ids(await list("?status=paid"))).toEqual([])
        expect(ids(await list("?type=clawback"))).toEqual([l.clawback.id])
        expect(ids(await list("?type[]=reversal&type[]=clawback"))).toEqual([l.clawback.id, l.reversal.id])
        expect(ids(await list("?type=reversal,clawback"))).toEqual([l.clawback.id, l.reversal.id])
        expect(ids(await list("?order_id=order_1"))).toEqual([l.reversal.id, l.sale.id])
        expect(ids(await list("?currency_code=EUR"))).toEqual([l.clawback.id, l.eur.id])
        expect(ids(await list(`?affiliate_id=${l.alice.id}&currency_code=usd&type=sale`))).toEqual([l.sale.id])
      })

      it("created_at[gte] / [lte] bound the creation time; a date-only upper bound includes that whole day", async () => {
        const alice = await createAffiliate(getContainer(), "ALICE")
        const book = async (key: string) =>
          (await service().appendLedgerEntries([
            { affiliate_id: alice.id, type: "sale", amount: "1", currency_code: "usd", status: "available", idempotency_key: key },
          ]))[0].entry
        const early = await book("early")
        await new Promise((r) => setTimeout(r, 50))
        const between = new Date().toISOString()
        await new Promise((r) => setTimeout(r, 50))
        const late = await book("late")

        expect(ids(await list(`?created_at[gte]=${between}`))).toEqual([late.id])
        expect(ids(await list(`?created_at[lte]=${between}`))).toEqual([early.id])
        expect(ids(await list(`?created_at[$gte]=${between}`))).toEqual([late.id])
        const today = between.slice(0, 10)
        const yesterday = new Date(Date.parse(today) - 86_400_000).toISOString().slice(0, 10)
        expect(ids(await list(`?created_at[gte]=${today}&created_at[lte]=${today}`))).toEqual([late.id, early.id])
        expect(ids(await list(`?created_at[lte]=${yesterday}`))).toEqual([])
      })

      it("bad filters are refused with the field's name", async () => {
        const cases: [string, RegExp][] = [
          ["status=bogus", /status: "bogus" is not one of pending, available, requested, paid/],
          ["type=sale,bonus", /type: "bonus" is not one of sale, reversal, clawback, adjustment/],
          ["currency_code=dollars", /currency_code: must be a three-letter currency code/],
          ["created_at[gte]=last-week", /created_at\.gte: must be an ISO date or date-time/],
          ["created_at[after]=2026-01-01", /after/],
          ["limit=abc", /limit/],
          ["limit=5000", /limit/],
          ["offset=-1", /offset/],
          ["order=note", /order/],
          ["format=pdf", /format/],
          ["affiliate=aff_1", /Unrecognized fields: 'affiliate'/],
        ]
        for (const [query, message] of cases) {
          await expectError(api.get(`${COMMISSIONS}?${query}`, { headers }), 400, message)
        }
      })
    })

    describe("GET /admin/affiliate-commissions?format=csv exports every matching entry", () => {
      it("a header row, then one line per entry, oldest first, with exact amounts; filters apply, pagination does not", async () => {
        const l = await seedLedger()
        const response = await api.get(`${COMMISSIONS}?format=csv&affiliate_id=${l.alice.id}&limit=1&offset=3`, { headers })
        expect(response.status).toBe(200)
        expect(response.headers["content-type"]).toMatch(/^text\/csv/)
        expect(response.headers["content-disposition"]).toMatch(/attachment; filename="affiliate-commissions\.csv"/)
        const [header, ...lines] = response.data.trim().split("\n")
        expect(header).toBe(CSV_HEADER)
        expect(lines.map((line: string) => line.split(",")[0])).toEqual([l.sale.id, l.reversal.id, l.eur.id, l.clawback.id])
        const sale = Object.fromEntries(CSV_HEADER.split(",").map((column, i) => [column, lines[0].split(",")[i]]))
        expect(sale).toEqual({
          id: l.sale.id,
          created_at: expect.stringMatching(/^\d{4}-\d{2}-\d{2}T/),
          affiliate_id: l.alice.id,
          affiliate_code: "ALICE",
          type: "sale",
          status: "pending",
          amount: "12.35",
          currency_code: "USD",
          rate: "10",
          base_amount: "123.45",
          order_id: "order_1",
          available_at: "2030-01-01T00:00:00.000Z",
          payout_id: "",
          paid_at: "",
          reference: "order",
          reference_id: "order_1",
          note: "",
          created_by: "",
        })
        expect(lines[1].split(",")[6]).toBe("-2")

        const empty = await api.get(`${COMMISSIONS}?format=csv&status=paid`, { headers })
        expect(empty.data.trim()).toBe(CSV_HEADER)
      })

      it("notes with commas, quotes and line breaks are quoted", async () => {
        const alice = await createAffiliate(getContainer(), "ALICE")
        await api.post(
          COMMISSIONS,
          { affiliate_id: alice.id, amount: 3, currency_code: "usd", note: 'Bonus, "spring"\ncampaign' },
          { headers }
        )
        const { data } = await api.get(`${COMMISSIONS}?format=csv`, { headers })
        expect(data).toContain(`"Bonus, ""spring""\ncampaign"`)
      })
    })

    describe("POST /admin/affiliate-commissions books a manual adjustment", () => {
      it("type adjustment, available at once, with the admin as created_by and the note; it counts in the balance", async () => {
        const alice = await createAffiliate(getContainer(), "ALICE")
        const { data, status } = await api.post(
          COMMISSIONS,
          { affiliate_id: alice.id, amount: "-7.50", currency_code: "EUR", note: "  Returned sample fee  " },
          { headers }
        )
        expect(status).toBe(200)
        expect(data.affiliate_commission).toEqual(
          expect.objectContaining({
            id: expect.stringMatching(/^afcom_/),
            affiliate_id: alice.id,
            type: "adjustment",
            status: "available",
            amount: -7.5,
            currency_code: "eur",
            rate: null,
            base_amount: null,
            order_id: null,
            payout_id: null,
            note: "Returned sample fee",
            created_by: adminId,
            created_at: expect.any(String),
          })
        )
        expect(await service().getBalances(alice.id)).toEqual([
          { currency_code: "eur", pending: 0, available: -7.5, requested: 0, paid: 0 },
        ])
        await eventually(async () => emitted("affiliate_commission.created").length === 1)
        expect(emitted("affiliate_commission.created")).toEqual([{ id: data.affiliate_commission.id, affiliate_id: alice.id }])
      })

      it("the same Idempotency-Key books once and answers with that entry again; reused for another adjustment it is refused", async () => {
        const alice = await createAffiliate(getContainer(), "ALICE")
        const body = { affiliate_id: alice.id, amount: 20, currency_code: "usd", note: "Spring bonus" }
        const withKey = { headers: { ...headers, "idempotency-key": "bonus-2026-04" } }

        const responses = await Promise.all([1, 2, 3].map(() => api.post(COMMISSIONS, body, withKey)))
        expect(new Set(responses.map((r) => r.data.affiliate_commission.id)).size).toBe(1)
        const stored = await service().listAffiliateCommissions({ affiliate_id: alice.id })
        expect(stored.map((e) => e.idempotency_key)).toEqual(["adjustment:bonus-2026-04"])

        await expectError(api.post(COMMISSIONS, { ...body, amount: 25 }, withKey), 422, /Idempotency-Key: was already used/)
        // Without a key every request is a new adjustment.
        await api.post(COMMISSIONS, body, { headers })
        expect(await service().listAffiliateCommissions({ affiliate_id: alice.id })).toHaveLength(2)
        await eventually(async () => emitted("affiliate_commission.created").length === 2)
        await new Promise((r) => setTimeout(r, 200))
        expect(emitted("affiliate_commission.created")).toHaveLength(2)
      })

      it("404 for an unknown affiliate, and nothing is booked", async () => {
        await expectError(
          api.post(COMMISSIONS, { affiliate_id: "aff_missing", amount: 5, currency_code: "usd", note: "x" }, { headers }),
          404,
          /aff_missing/
        )
        expect(await service().listAffiliateCommissions()).toHaveLength(0)
      })

      it("bad input is refused with the field's name and books nothing", async () => {
        const alice = await createAffiliate(getContainer(), "ALICE")
        const valid = { affiliate_id: alice.id, amount: 5, currency_code: "usd", note: "Bonus" }
        const { affiliate_id, ...withoutAffiliate } = valid
        const { amount, ...withoutAmount } = valid
        const { note, ...withoutNote } = valid
        const cases: [Record<string, unknown>, RegExp][] = [
          [withoutAffiliate, /Field 'affiliate_id' is required/],
          [withoutAmount, /Field 'amount' is required/],
          [{ ...valid, amount: 0 }, /amount: an adjustment cannot be zero/],
          [{ ...valid, amount: "-0.00" }, /amount: an adjustment cannot be zero/],
          [{ ...valid, amount: "12,50" }, /amount: must be a decimal number/],
          [{ ...valid, amount: true }, /amount/],
          // Money the ledger holds is whole minor units, within a sane bound.
          [{ ...valid, amount: 0.001 }, /amount: must be whole minor units of USD/],
          [{ ...valid, amount: "1.005" }, /amount: must be whole minor units of USD/],
          [{ ...valid, amount: "12.5", currency_code: "jpy" }, /amount: must be whole minor units of JPY/],
          [{ ...valid, amount: 1e44 }, /amount: must be a decimal number/],
          [{ ...valid, amount: "1" + "0".repeat(44) }, /amount: must be at most/],
          [{ ...valid, amount: "-1000000000.01" }, /amount: must be at most/],
          [withoutNote, /Field 'note' is required/],
          [{ ...valid, note: "   " }, /note/],
          [{ ...valid, note: "x".repeat(2001) }, /note/],
          [{ ...valid, currency_code: "euro" }, /currency_code: must be a three-letter currency code/],
          [{ ...valid, status: "paid" }, /Unrecognized fields: 'status'/],
          [{ ...valid, type: "sale" }, /Unrecognized fields: 'type'/],
        ]
        for (const [body, message] of cases) {
          await expectError(api.post(COMMISSIONS, body, { headers }), 400, message)
        }
        await expectError(
          api.post(COMMISSIONS, valid, { headers: { ...headers, "idempotency-key": "has spaces" } }),
          400,
          /Idempotency-Key/
        )
        expect(await service().listAffiliateCommissions()).toHaveLength(0)
        expect(emitted("affiliate_commission.created")).toEqual([])
      })
    })

    describe("commission routes need an admin", () => {
      it("401 without credentials, and nothing is booked", async () => {
        const alice = await createAffiliate(getContainer(), "ALICE")
        await expectError(api.get(COMMISSIONS), 401)
        await expectError(api.get(`${COMMISSIONS}?format=csv`), 401)
        await expectError(api.post(COMMISSIONS, { affiliate_id: alice.id, amount: 5, currency_code: "usd", note: "x" }), 401)
        expect(await service().listAffiliateCommissions()).toHaveLength(0)
      })
    })
  },
})
