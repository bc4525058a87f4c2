import { medusaIntegrationTestRunner } from "@medusajs/test-utils"
import { ContainerRegistrationKeys, Modules } from "@medusajs/framework/utils"
import { createApiKeysWorkflow } from "@medusajs/medusa/core-flows"
import { affiliateService, createAffiliate } from "../fixtures/affiliates"
import { customerHeaders } from "../fixtures/auth"
import { expectError } from "../fixtures/http"
import { creditOrder, payOut } from "../fixtures/ledger"

jest.setTimeout(120_000)

const DAY = 86_400_000
const PORTAL = "/store/customers/me/affiliate"

medusaIntegrationTestRunner({
  testSuite: ({ api, getContainer }) => {
    const c = () => getContainer()
    const service = () => affiliateService(c())
    let publishableKey: string
    let keyOnly: Record<string, string>


    /** A logged-in customer's headers (bearer token and publishable key). */
    const loggedIn = async (email: string) => await customerHeaders(c(), publishableKey, email)

    /** A logged-in customer who is an active affiliate with `code`. */
    const affiliateCustomer = async (code: string) => {
      const { customer, headers } = await loggedIn(`${code.toLowerCase()}@portal.test`)
      const affiliate = await createAffiliate(c(), code, { customer_id: customer.id })
      return { customer, headers, affiliate }
    }

    let key = 0
    const entry = (affiliateId: string, fields: Record<string, unknown>) =>
      service().appendLedgerEntries([
        { affiliate_id: affiliateId, currency_code: "usd", idempotency_key: `test-${++key}`, ...fields } as any,
      ])

    /** Moves rows into the past; the ledger's append-only trigger is off for this one transaction. */
    const backdate = async (table: string, ids: string[], at: Date) => {
      const db = c().resolve(ContainerRegistrationKeys.PG_CONNECTION)
      await db.transaction(async (trx: any) => {
        await trx.raw("SET LOCAL session_replication_role = replica")
        await trx(table).update({ created_at: at }).whereIn("id", ids)
      })
    }

    beforeEach(async () => {
      const { result: [apiKey] } = await createApiKeysWorkflow(c()).run({
        input: { api_keys: [{ title: "Storefront", type: "publishable", created_by: "test" }] },
      })
      publishableKey = apiKey.token
      keyOnly = { "x-publishable-api-key": publishableKey }
    })

    describe("a customer applies to become an affiliate", () => {
      it("starts pending in the default program, named and addressed after their account", async () => {
        const { customer, headers } = await loggedIn("jane@portal.test")
        await c().resolve(Modules.CUSTOMER).updateCustomers(customer.id, { first_name: "Jane", last_name: "Doe" })
        const emit = jest.spyOn(c().resolve(Modules.EVENT_BUS), "emit")

        const { status, data } = await api.post(PORTAL, { code: "jane-2026", payout_email: "pay@jane.test" }, { headers })
        expect(status).toBe(201)
        const program = await service().retrieveDefaultProgram()
        expect(data.affiliate).toEqual(
          expect.objectContaining({
            id: expect.stringMatching(/^aff_/),
            code: "JANE-2026",
            name: "Jane Doe",
            email: "jane@portal.test",
            status: "pending",
            program_id: program.id,
            customer_id: customer.id,
            payout_email: "pay@jane.test",
            created_at: expect.any(String),
            program: expect.objectContaining({ commission_type: "percentage", commission_value: 10, hold_days: 30 }),
          })
        )
        const emitted = emit.mock.calls.flatMap(([messages]) => [messages].flat())
        expect(emitted).toContainEqual(expect.objectContaining({ name: "affiliate.created", data: { id: data.affiliate.id } }))
        emit.mockRestore()
      })

      it("starts active when the default program auto-approves", async () => {
        const program = await service().retrieveDefaultProgram()
        await service().updateAffiliatePrograms({ id: program.id, auto_approve: true })
        const { headers } = await loggedIn("sam@portal.test")
        const { data } = await api.post(PORTAL, { name: "Sam's Reviews" }, { headers })
        expect(data.affiliate).toEqual(expect.objectContaining({ status: "active", name: "Sam's Reviews", code: "SAMSREVIEWS" }))
      })

      it("a customer is an affiliate at most once", async () => {
        const { headers } = await loggedIn("once@portal.test")
        await api.post(PORTAL, {}, { headers })
        await expectError(api.post(PORTAL, { code: "OTHER" }, { headers }), 422, /already an affiliate/)
        expect(await service().listAffiliates({ code: "OTHER" })).toHaveLength(0)
      })

      it("a code taken in any case is refused, naming code", async () => {
        await createAffiliate(c(), "ALICE")
        const { headers } = await loggedIn("alice2@portal.test")
        await expectError(api.post(PORTAL, { code: "aLiCe" }, { headers }), 422, /^code: ALICE is already taken/)
      })

      it("an invalid code is refused, naming code, and nothing is created", async () => {
        const { customer, headers } = await loggedIn("bad@portal.test")
        for (const code of ["ab", "has space", "x".repeat(33), "straße"]) {
          await expectError(api.post(PORTAL, { code }, { headers }), 400, /^Invalid request: code: /)
        }
        expect(await service().listAffiliates({ customer_id: customer.id })).toHaveLength(0)
      })

      it("without a code one is generated from the name, with digits added until it is free", async () => {
        await createAffiliate(c(), "JANEDOE")
        await createAffiliate(c(), "JANEDOE2")
        const { customer, headers } = await loggedIn("jd@portal.test")
        await c().resolve(Modules.CUSTOMER).updateCustomers(customer.id, { first_name: "Jane", last_name: "Doe" })
        const { data } = await api.post(PORTAL, {}, { headers })
        expect(data.affiliate.code).toBe("JANEDOE3")
      })

      it("when a later step fails, the new affiliate is deleted again and the customer may retry", async () => {
        const { customer, headers } = await loggedIn("retry@portal.test")
        const emit = jest.spyOn(c().resolve(Modules.EVENT_BUS), "emit").mockRejectedValueOnce(new Error("event bus down"))
        await expectError(api.post(PORTAL, { code: "RETRY" }, { headers }), 500)
        expect(emit).toHaveBeenCalledWith([expect.objectContaining({ name: "affiliate.created" })])
        emit.mockRestore()
        expect(await service().listAffiliates({ customer_id: customer.id }, { withDeleted: true })).toHaveLength(0)

        const { data } = await api.post(PORTAL, { code: "RETRY" }, { headers })
        expect(data.affiliate.code).toBe("RETRY")
      })

      it("fields the customer may not set are refused with their name", async () => {
        const { headers } = await loggedIn("sneaky@portal.test")
        await expectError(api.post(PORTAL, { status: "active" }, { headers }), 400, /status/)
        await expectError(api.post(PORTAL, { program_id: "afprog_x" }, { headers }), 400, /program_id/)
        await expectError(api.post(PORTAL, { payout_email: "nope" }, { headers }), 400, /^Invalid request: payout_email: /)
        await expectError(api.post(PORTAL, { name: "" }, { headers }), 400, /name/)
      })
    })

    describe("the profile shows the affiliate, its program's terms and balances per currency", () => {
      it("balances are derived per currency and status", async () => {
        const { affiliate, headers } = await affiliateCustomer("ALICE")
        await entry(affiliate.id, { type: "sale", amount: 10 })
        await entry(affiliate.id, { type: "sale", amount: 20, status: "available" })
        await entry(affiliate.id, { type: "reversal", amount: -3 })
        await entry(affiliate.id, { type: "adjustment", amount: 5, currency_code: "eur", note: "bonus" })
        await payOut(c(), affiliate.id, "eur", { settle: false })
        await payOut(c(), affiliate.id, "usd", { settle: true })

        const { data } = await api.get(PORTAL, { headers })
        expect(data.affiliate).toEqual(
          expect.objectContaining({ id: affiliate.id, code: "ALICE", status: "active", customer_id: affiliate.customer_id })
        )
        expect(data.balances).toEqual([
          { currency_code: "eur", pending: 0, available: 0, requested: 5, paid: 0, min_payout_amount: 0 },
          { currency_code: "usd", pending: 10, available: 0, requested: 0, paid: 17, min_payout_amount: 0 },
        ])
        // Medusa's `fields` convention narrows the affiliate; fields the portal does not show
        // (admin-only ones, relations) are left out, as Medusa's store routes leave them.
        const narrowed = (await api.get(`${PORTAL}?fields=email,program.hold_days`, { headers })).data
        // As Medusa does, the id always comes.
        expect(narrowed.affiliate).toEqual({ id: affiliate.id, email: affiliate.email, program: { hold_days: 30 } })
        expect(narrowed.balances).toEqual(data.balances)
        const guarded = (await api.get(`${PORTAL}?fields=id,payout_details,commissions.amount`, { headers })).data
        expect(guarded.affiliate).toEqual({ id: affiliate.id })
        await expectError(api.get(`${PORTAL}?expand=program`, { headers }), 400, /expand/)
      })
    })

    describe("commissions lists only the caller's entries, newest first", () => {
      it("filters by status, type and currency, and pages", async () => {
        const { affiliate, headers } = await affiliateCustomer("ALICE")
        const bob = await createAffiliate(c(), "BOB")
        const [k1] = await entry(affiliate.id, { type: "sale", amount: 10, base_amount: 100, rate: 10, order_id: "order_1" })
        const [k2] = await entry(affiliate.id, { type: "sale", amount: 20, status: "available" })
        const [k3] = await entry(affiliate.id, { type: "reversal", amount: -3 })
        const [k4] = await entry(affiliate.id, { type: "adjustment", amount: 5, currency_code: "eur", note: "bonus" })
        await entry(bob.id, { type: "sale", amount: 99 })
        const ids = async (query = "") => {
          const { data } = await api.get(`${PORTAL}/commissions${query}`, { headers })
          return { ids: data.commissions.map((e: any) => e.id), count: data.count, data }
        }

        const all = await ids()
        expect(all.ids).toEqual([k4.entry.id, k3.entry.id, k2.entry.id, k1.entry.id])
        expect(all.data).toEqual(expect.objectContaining({ count: 4, offset: 0, limit: 50 }))
        expect(all.data.commissions[3]).toEqual(
          expect.objectContaining({
            id: k1.entry.id,
            affiliate_id: affiliate.id,
            type: "sale",
            status: "pending",
            amount: 10,
            currency_code: "usd",
            rate: 10,
            base_amount: 100,
            order_id: "order_1",
            available_at: null,
            payout_id: null,
            created_at: expect.any(String),
          })
        )
        expect(await ids("?status=available")).toEqual(expect.objectContaining({ ids: [k4.entry.id, k3.entry.id, k2.entry.id], count: 3 }))
        expect((await ids("?type=sale&status=pending")).ids).toEqual([k1.entry.id])
        expect((await ids("?type[]=sale&type[]=reversal")).count).toBe(3)
        expect((await ids("?currency_code=EUR")).ids).toEqual([k4.entry.id])
        expect(await ids("?limit=2&offset=1")).toEqual(expect.objectContaining({ ids: [k3.entry.id, k2.entry.id], count: 4 }))

        await expectError(api.get(`${PORTAL}/commissions?status=lost`, { headers }), 400, /status: must be one of pending, available, requested, paid/)
        await expectError(api.get(`${PORTAL}/commissions?affiliate_id=${bob.id}`, { headers }), 400, /affiliate_id/)
        await expectError(api.get(`${PORTAL}/commissions?limit=0`, { headers }), 400, /limit/)

        // Medusa's list conventions, as the js-sdk sends them: order and fields.
        expect((await ids("?order=-created_at")).ids).toEqual(all.ids)
        expect((await ids("?order=amount")).ids).toEqual([k3.entry.id, k4.entry.id, k1.entry.id, k2.entry.id])
        const picked = await ids("?fields=id,amount&limit=1")
        expect(picked.data.commissions).toEqual([{ id: k4.entry.id, amount: 5 }])
        const guarded = await ids("?fields=id,affiliate.payout_email,idempotency_key,metadata&limit=1")
        expect(guarded.data.commissions).toEqual([{ id: k4.entry.id }])
        await expectError(api.get(`${PORTAL}/commissions?order=idempotency_key`, { headers }), 400, /order/)
      })
    })

    describe("stats count clicks, credited orders, revenue and net commission per interval", () => {
      it("buckets by day with every day present, and totals the range", async () => {
        const { affiliate, headers } = await affiliateCustomer("ALICE")
        const bob = await createAffiliate(c(), "BOB")
        const today = new Date(new Date().toISOString().slice(0, 10))
        const twoDaysAgo = new Date(today.getTime() - 2 * DAY + 12 * 3_600_000)

        const click = async (code: string, session: string) => (await service().recordClick({ code, session_id: session }))!.click
        await click("ALICE", "s1")
        await click("ALICE", "s2")
        await click("ALICE", "s2") // the same session again: still one click
        const old = await click("ALICE", "s3")
        await backdate("affiliate_click", [old.id], twoDaysAgo)
        await click("BOB", "s1")

        await creditOrder(c(), { affiliate_id: affiliate.id, order_id: "order_usd", currency_code: "usd", base: 100, commission: 10 })
        await entry(affiliate.id, { type: "reversal", amount: -2.5, order_id: "order_usd" })
        await entry(affiliate.id, { type: "adjustment", amount: 7, note: "not commission of a sale" })
        const eurSale = await creditOrder(c(), { affiliate_id: affiliate.id, order_id: "order_eur", currency_code: "eur", base: 45, commission: 4.5 })
        const [eurReceipt] = await service().listAffiliateOrderAttributions({ order_id: "order_eur" })
        await backdate("affiliate_order_attribution", [eurReceipt.id], twoDaysAgo)
        await backdate("affiliate_commission", [eurSale.id], twoDaysAgo)
        await service().recordOrderAttribution({
          receipt: { order_id: "order_none", customer_id: null, affiliate_id: null, outcome: "no_referral", source: null, reason: "test", candidates: [], currency_code: "usd" },
        })
        await creditOrder(c(), { affiliate_id: bob.id, order_id: "order_bob", currency_code: "usd", base: 500, commission: 50 })

        const day = (n: number) => new Date(today.getTime() - n * DAY).toISOString().slice(0, 10)
        const { data } = await api.get(`${PORTAL}/stats?from=${day(3)}&to=${day(0)}&interval=day`, { headers })
        expect(data.stats).toEqual({
          clicks: 3,
          orders: 2,
          revenue: [
            { currency_code: "eur", amount: 45 },
            { currency_code: "usd", amount: 100 },
          ],
          commission: [
            { currency_code: "eur", amount: 4.5 },
            { currency_code: "usd", amount: 7.5 },
          ],
        })
        const empty = { clicks: 0, orders: 0, revenue: [], commission: [] }
        expect(data.series).toEqual([
          { date: `${day(3)}T00:00:00.000Z`, ...empty },
          {
            date: `${day(2)}T00:00:00.000Z`,
            clicks: 1,
            orders: 1,
            revenue: [{ currency_code: "eur", amount: 45 }],
            commission: [{ currency_code: "eur", amount: 4.5 }],
          },
          { date: `${day(1)}T00:00:00.000Z`, ...empty },
          {
            date: `${day(0)}T00:00:00.000Z`,
            clicks: 2,
            orders: 1,
            revenue: [{ currency_code: "usd", amount: 100 }],
            commission: [{ currency_code: "usd", amount: 7.5 }],
          },
        ])

        const { data: monthly } = await api.get(`${PORTAL}/stats?from=${day(3)}&to=${day(0)}&interval=month`, { headers })
        expect(monthly.series.reduce((sum: number, p: any) => sum + p.clicks, 0)).toBe(3)
      })

      it("a range of more than 400 intervals is refused naming interval; bad dates name their field", async () => {
        const { headers } = await affiliateCustomer("ALICE")
        await expectError(api.get(`${PORTAL}/stats?from=2020-01-01&to=2026-01-01`, { headers }), 400, /interval: 2193 days/)
        const { status } = await api.get(`${PORTAL}/stats?from=2020-01-01&to=2026-01-01&interval=week`, { headers })
        expect(status).toBe(200)
        await expectError(api.get(`${PORTAL}/stats?interval=year`, { headers }), 400, /interval: must be one of day, week, month/)
        await expectError(api.get(`${PORTAL}/stats?from=yesterday`, { headers }), 400, /from: must be an ISO date/)
        await expectError(api.get(`${PORTAL}/stats?from=2026-02-01&to=2026-01-01`, { headers }), 400, /from must be before to/)
      })
    })

    describe("only a logged-in affiliate uses the portal, and only for their own data", () => {
      const reads = [PORTAL, `${PORTAL}/commissions`, `${PORTAL}/stats`, `${PORTAL}/statement?currency_code=usd`]

      it("anonymous requests are 401 on every portal route", async () => {
        for (const path of reads) {
          await expectError(api.get(path, { headers: keyOnly }), 401)
        }
        await expectError(api.post(PORTAL, {}, { headers: keyOnly }), 401)
      })

      it("a customer who is not an affiliate gets 404 on every portal read", async () => {
        const { headers } = await loggedIn("shopper@portal.test")
        for (const path of reads) {
          await expectError(api.get(path, { headers }), 404, /not an affiliate/)
        }
      })

      it("store routes without a publishable key are refused", async () => {
        const { headers } = await affiliateCustomer("ALICE")
        const { ["x-publishable-api-key"]: _, ...withoutKey } = headers
        for (const path of reads) {
          await expectError(api.get(path, { headers: withoutKey }), 400, /publishable/i)
        }
        await expectError(api.post(PORTAL, {}, { headers: withoutKey }), 400, /publishable/i)
      })

      it("one affiliate never sees another's entries, stats or statement", async () => {
        const alice = await affiliateCustomer("ALICE")
        const bob = await affiliateCustomer("BOB")
        await creditOrder(c(), { affiliate_id: alice.affiliate.id, order_id: "order_alice", currency_code: "usd", base: 100, commission: 10 })
        await creditOrder(c(), { affiliate_id: bob.affiliate.id, order_id: "order_bob", currency_code: "usd", base: 300, commission: 30 })
        await service().recordClick({ code: "BOB", session_id: "s" })

        const { data: commissions } = await api.get(`${PORTAL}/commissions`, { headers: alice.headers })
        expect(commissions.commissions.map((e: any) => e.order_id)).toEqual(["order_alice"])
        const { data: stats } = await api.get(`${PORTAL}/stats`, { headers: alice.headers })
        expect(stats.stats).toEqual(expect.objectContaining({ clicks: 0, orders: 1, commission: [{ currency_code: "usd", amount: 10 }] }))
        const { data: statement } = await api.get(`${PORTAL}/statement?currency_code=usd`, { headers: alice.headers })
        expect(statement.statement.entries.map((e: any) => e.order_id)).toEqual(["order_alice"])
        expect(statement.statement.closing).toBe(10)
        const { data: profile } = await api.get(PORTAL, { headers: bob.headers })
        expect(profile.affiliate.id).toBe(bob.affiliate.id)
        expect(profile.balances).toEqual([{ currency_code: "usd", pending: 30, available: 0, requested: 0, paid: 0, min_payout_amount: 0 }])
      })
    })
  },
})
