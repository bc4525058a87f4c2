import { medusaIntegrationTestRunner } from "@medusajs/test-utils"
import { ContainerRegistrationKeys, Modules } from "@medusajs/framework/utils"
import { createStep, createWorkflow } from "@medusajs/framework/workflows-sdk"
import { affiliateService, createAffiliate, eventually, linkPromotion } from "../fixtures/affiliates"
import { adminHeaders } from "../fixtures/auth"
import { createCustomer, createPromotion } from "../fixtures/store"
import { createAffiliateWorkflow } from "../../src/workflows/affiliates/workflows/create-affiliate"
import { deleteAffiliateWorkflow } from "../../src/workflows/affiliates/workflows/delete-affiliate"
import { updateAffiliateWorkflow } from "../../src/workflows/affiliates/workflows/update-affiliate"
import { updateAffiliatePromotionsWorkflow } from "../../src/workflows/affiliates/workflows/update-affiliate-promotions"
import { expectError } from "../fixtures/http"

jest.setTimeout(120_000)

// Workflows that run an affiliate workflow and then fail, to prove its compensation.
const failAfterwardsStep = createStep("test-fail-afterwards", async () => {
  throw new Error("a later step failed")
})
const failAfterCreate = createWorkflow("test-fail-after-create-affiliate", (input: any) => {
  createAffiliateWorkflow.runAsStep({ input })
  failAfterwardsStep()
})
const failAfterUpdate = createWorkflow("test-fail-after-update-affiliate", (input: any) => {
  updateAffiliateWorkflow.runAsStep({ input })
  failAfterwardsStep()
})
const failAfterDelete = createWorkflow("test-fail-after-delete-affiliate", (input: any) => {
  deleteAffiliateWorkflow.runAsStep({ input })
  failAfterwardsStep()
})
const failAfterPromotions = createWorkflow("test-fail-after-affiliate-promotions", (input: any) => {
  updateAffiliatePromotionsWorkflow.runAsStep({ input })
  failAfterwardsStep()
})

type RecordedEvent = { name: string; data: any }

medusaIntegrationTestRunner({
  testSuite: ({ api, getContainer }) => {
    let headers: Record<string, string>
    const events: RecordedEvent[] = []
    let subscribed = false

    const service = () => affiliateService(getContainer())
    const eventsNamed = (name: string) => events.filter((e) => e.name === name).map((e) => e.data)
    // Events are released when their workflow finishes; give a refused request the time
    // a successful one would have needed to emit.
    const settle = () => new Promise((r) => setTimeout(r, 150))
    const snapshot = async () =>
      JSON.stringify(
        (await service().listAffiliates({}, { order: { id: "ASC" } })).map((a) => ({ ...a, updated_at: undefined }))
      )
    const linkedPromotionIds = async (affiliateId: string) => {
      const query = getContainer().resolve(ContainerRegistrationKeys.QUERY)
      const { data: [a] } = await query.graph({ entity: "affiliate", fields: ["promotions.id"], filters: { id: affiliateId } })
      return (a?.promotions ?? []).filter(Boolean).map((p: any) => p.id).sort()
    }

    beforeEach(async () => {
      headers = (await adminHeaders(getContainer())).headers
      events.length = 0
      if (!subscribed) {
        const eventBus = getContainer().resolve(Modules.EVENT_BUS)
        for (const name of ["affiliate.created", "affiliate.status_changed"]) {
          eventBus.subscribe(name, async (event: any) => void events.push({ name, data: event.data }), {
            subscriberId: `admin-affiliates-spec-${name}`,
          })
        }
        subscribed = true
      }
    })

    describe("GET /admin/affiliates: search, filters, pagination and order", () => {
      let program: any
      beforeEach(async () => {
        program = await service().createAffiliatePrograms({ name: "VIP", commission_value: 20 } as any)
        await createAffiliate(getContainer(), "ALICE", { name: "Alice Able", email: "alice@blog.test" })
        await createAffiliate(getContainer(), "BOB", { name: "Bob Brown", status: "pending", program_id: program.id })
        await createAffiliate(getContainer(), "CAROL", { name: "Carol Cole", email: "carol@shop.test", status: "suspended" })
        await createAffiliate(getContainer(), "DAVE", { name: "Dave Dale", email: "dave@blog.test", status: "pending" })
      })

      it("lists every affiliate, newest first by default, with count, offset and limit", async () => {
        const { data, status } = await api.get("/admin/affiliates", { headers })
        expect(status).toBe(200)
        expect(data).toEqual({ affiliates: expect.any(Array), count: 4, offset: 0, limit: 50 })
        expect(data.affiliates.map((a: any) => a.code)).toEqual(["DAVE", "CAROL", "BOB", "ALICE"])
        expect(data.affiliates[0]).toEqual(
          expect.objectContaining({
            id: expect.stringMatching(/^aff_/),
            code: "DAVE",
            name: "Dave Dale",
            email: "dave@blog.test",
            status: "pending",
            program_id: expect.stringMatching(/^afprog_/),
            customer_id: null,
            commission_rate: null,
            created_at: expect.any(String),
          })
        )
        expect(JSON.stringify(data)).not.toMatch(/raw_/)
      })

      it("q searches code, name and email, in any case", async () => {
        const codes = async (q: string) =>
          (await api.get(`/admin/affiliates?q=${encodeURIComponent(q)}&order=code`, { headers })).data.affiliates.map((a: any) => a.code)
        expect(await codes("bo")).toEqual(["BOB"])
        expect(await codes("cole")).toEqual(["CAROL"])
        expect(await codes("BLOG.TEST")).toEqual(["ALICE", "DAVE"])
        expect(await codes("nobody")).toEqual([])
      })

      it("filters by one or many statuses and by program", async () => {
        const codes = async (params: string) =>
          (await api.get(`/admin/affiliates?${params}&order=code`, { headers })).data.affiliates.map((a: any) => a.code)
        expect(await codes("status=pending")).toEqual(["BOB", "DAVE"])
        expect(await codes("status=active&status=suspended")).toEqual(["ALICE", "CAROL"])
        expect(await codes("status[]=active,suspended")).toEqual(["ALICE", "CAROL"])
        expect(await codes(`program_id=${program.id}`)).toEqual(["BOB"])
        expect(await codes(`program_id=${program.id}&status=active`)).toEqual([])
      })

      it("pages with limit and offset, ordered by a field either way", async () => {
        const page = async (params: string) => (await api.get(`/admin/affiliates?${params}`, { headers })).data
        const first = await page("order=code&limit=2")
        expect(first.affiliates.map((a: any) => a.code)).toEqual(["ALICE", "BOB"])
        expect([first.count, first.offset, first.limit]).toEqual([4, 0, 2])
        const second = await page("order=code&limit=2&offset=2")
        expect(second.affiliates.map((a: any) => a.code)).toEqual(["CAROL", "DAVE"])
        expect((await page("order=-name&limit=1")).affiliates[0].code).toBe("DAVE")
        expect((await page("order=code&offset=10")).affiliates).toEqual([])
      })

      it("fields picks what each affiliate shows", async () => {
        const { data } = await api.get("/admin/affiliates?fields=id,code&order=code&limit=1", { headers })
        expect(data.affiliates).toEqual([{ id: expect.any(String), code: "ALICE" }])
      })

      it("bad query parameters are refused naming the parameter", async () => {
        const cases: [string, RegExp][] = [
          ["limit=abc", /limit/],
          ["limit=0", /limit/],
          ["limit=100000", /limit/],
          ["offset=-1", /offset/],
          ["status=gone", /status/],
          ["order=password", /order/],
          ["order=code;drop", /order/],
          [`q=${"x".repeat(201)}`, /q/],
          ["colour=red", /colour/],
        ]
        for (const [params, field] of cases) {
          await expectError(api.get(`/admin/affiliates?${params}`, { headers }), 400, field)
        }
      })
    })

    describe("POST /admin/affiliates creates an affiliate", () => {
      it("normalises the code, joins the default program, starts pending and emits affiliate.created", async () => {
        const { data, status } = await api.post(
          "/admin/affiliates",
          { code: " alice_01 ", name: "Alice", email: "alice@example.com", commission_rate: "12.5", metadata: { tier: "gold" } },
          { headers }
        )
        expect(status).toBe(200)
        const defaultProgram = await service().retrieveDefaultProgram()
        expect(data.affiliate).toEqual(
          expect.objectContaining({
            id: expect.stringMatching(/^aff_/),
            code: "ALICE_01",
            name: "Alice",
            email: "alice@example.com",
            status: "pending",
            program_id: defaultProgram.id,
            program: { id: defaultProgram.id, name: defaultProgram.name },
            commission_rate: 12.5,
            customer_id: null,
            metadata: { tier: "gold" },
            promotions: [],
            created_at: expect.any(String),
          })
        )
        expect(await service().retrieveAffiliate(data.affiliate.id)).toEqual(expect.objectContaining({ code: "ALICE_01" }))
        await eventually(async () => eventsNamed("affiliate.created").length === 1)
        expect(eventsNamed("affiliate.created")).toEqual([{ id: data.affiliate.id }])
      })

      it("takes a status, a program and a customer account", async () => {
        const program = await service().createAffiliatePrograms({ name: "VIP", commission_value: 20 } as any)
        const customer = await createCustomer(getContainer(), "carol@example.com")
        const { data } = await api.post(
          "/admin/affiliates",
          { code: "CAROL", name: "Carol", email: "carol@example.com", status: "active", program_id: program.id, customer_id: customer.id },
          { headers }
        )
        expect(data.affiliate).toEqual(
          expect.objectContaining({ status: "active", program_id: program.id, customer_id: customer.id })
        )
        // Created, not changed: no status event.
        await eventually(async () => eventsNamed("affiliate.created").length === 1)
        expect(eventsNamed("affiliate.status_changed")).toEqual([])
      })
    })

    describe("bad input to POST /admin/affiliates is refused naming the field, and nothing is written", () => {
      const valid = { code: "NEWBIE", name: "Newbie", email: "newbie@example.com" }

      it("wrong types, formats, ranges, lengths and unknown fields are 400", async () => {
        const cases: [Record<string, unknown>, RegExp][] = [
          [{ name: "No code", email: "x@example.com" }, /code/],
          [{ ...valid, code: "a!b" }, /code/],
          [{ ...valid, code: "AB" }, /code/],
          [{ ...valid, code: "X".repeat(33) }, /code/],
          [{ ...valid, code: "straße" }, /code/],
          [{ ...valid, code: 42 }, /code/],
          [{ ...valid, name: 42 }, /name/],
          [{ ...valid, name: "" }, /name/],
          [{ ...valid, name: "n".repeat(256) }, /name/],
          [{ ...valid, email: "not-an-email" }, /email/],
          [{ ...valid, email: `${"e".repeat(320)}@example.com` }, /email/],
          [{ ...valid, status: "vip" }, /status/],
          [{ ...valid, commission_rate: 101 }, /commission_rate/],
          [{ ...valid, commission_rate: -1 }, /commission_rate/],
          [{ ...valid, commission_rate: "ten" }, /commission_rate/],
          [{ ...valid, commission_rate: true }, /commission_rate/],
          [{ ...valid, program_id: "p".repeat(65) }, /program_id/],
          [{ ...valid, customer_id: 7 }, /customer_id/],
          [{ ...valid, metadata: "gold" }, /metadata/],
          [{ ...valid, is_admin: true }, /is_admin/],
          [{ ...valid, payout_details: { iban: "x" } }, /payout_details/],
        ]
        const before = await snapshot()
        for (const [body, field] of cases) {
          await expectError(api.post("/admin/affiliates", body, { headers }), 400, field)
        }
        expect(await snapshot()).toBe(before)
        await settle()
        expect(eventsNamed("affiliate.created")).toEqual([])
      })

      it("an unknown program or customer is 404 naming the field", async () => {
        await expectError(api.post("/admin/affiliates", { ...valid, program_id: "afprog_nope" }, { headers }), 404, /program_id/)
        await expectError(api.post("/admin/affiliates", { ...valid, customer_id: "cus_nope" }, { headers }), 404, /customer_id/)
        expect(await service().listAffiliates()).toHaveLength(0)
      })

      it("a code taken in any case is refused naming code", async () => {
        await createAffiliate(getContainer(), "ALICE")
        await expectError(api.post("/admin/affiliates", { ...valid, code: "alice" }, { headers }), 422, /code/)
        expect(await service().listAffiliates()).toHaveLength(1)
      })

      it("a customer who is an affiliate already is refused naming customer_id", async () => {
        const customer = await createCustomer(getContainer(), "alice@example.com")
        await createAffiliate(getContainer(), "ALICE", { customer_id: customer.id })
        await expectError(api.post("/admin/affiliates", { ...valid, customer_id: customer.id }, { headers }), 422, /customer_id.*ALICE/)
        expect(await service().listAffiliates()).toHaveLength(1)
        await settle()
        expect(eventsNamed("affiliate.created")).toEqual([])
      })
    })

    describe("GET /admin/affiliates/:id shows the affiliate with its promotions and balances", () => {
      it("returns the promotions (id, code, status) and a balance per currency", async () => {
        const alice = await createAffiliate(getContainer(), "ALICE")
        const summer = await createPromotion(getContainer(), "SUMMER")
        const alice10 = await createPromotion(getContainer(), "ALICE10")
        await linkPromotion(getContainer(), alice.id, summer.id)
        await linkPromotion(getContainer(), alice.id, alice10.id)
        await service().appendLedgerEntries([
          { affiliate_id: alice.id, type: "adjustment", amount: "12.5", currency_code: "usd", idempotency_key: "t:1", note: "bonus" },
          { affiliate_id: alice.id, type: "sale", amount: "4", currency_code: "eur", idempotency_key: "t:2", available_at: new Date() },
        ])

        const { data } = await api.get(`/admin/affiliates/${alice.id}`, { headers })
        expect(data.affiliate).toEqual(
          expect.objectContaining({
            id: alice.id,
            code: "ALICE",
            promotions: [
              { id: alice10.id, code: "ALICE10", status: "active" },
              { id: summer.id, code: "SUMMER", status: "active" },
            ],
          })
        )
        expect(data.balances).toEqual([
          { currency_code: "eur", pending: 4, available: 0, requested: 0, paid: 0 },
          { currency_code: "usd", pending: 0, available: 12.5, requested: 0, paid: 0 },
        ])
      })

      it("404 for an unknown or deleted affiliate; 400 for unknown query parameters", async () => {
        const alice = await createAffiliate(getContainer(), "ALICE")
        await expectError(api.get("/admin/affiliates/aff_nope", { headers }), 404, /aff_nope/)
        await expectError(api.get(`/admin/affiliates/${alice.id}?expand=all`, { headers }), 400, /expand/)
        await service().softDeleteAffiliates([alice.id])
        await expectError(api.get(`/admin/affiliates/${alice.id}`, { headers }), 404)
      })
    })

    describe("POST /admin/affiliates/:id updates any field; status moves only as the affiliate status flow allows", () => {
      it("updates profile fields and merges metadata", async () => {
        const alice = await createAffiliate(getContainer(), "ALICE", { metadata: { tier: "silver", note: "x" } })
        const program = await service().createAffiliatePrograms({ name: "VIP", commission_value: 20 } as any)
        const { data } = await api.post(
          `/admin/affiliates/${alice.id}`,
          { code: "alice-2", name: "Alice B", email: "b@example.com", program_id: program.id, commission_rate: 5, metadata: { tier: "gold", note: "" } },
          { headers }
        )
        expect(data.affiliate).toEqual(
          expect.objectContaining({
            code: "ALICE-2",
            name: "Alice B",
            email: "b@example.com",
            program_id: program.id,
            commission_rate: 5,
            metadata: { tier: "gold" },
          })
        )
        const cleared = await api.post(`/admin/affiliates/${alice.id}`, { commission_rate: null }, { headers })
        expect(cleared.data.affiliate.commission_rate).toBeNull()
      })

      it("pending -> active -> suspended -> active, each move emitting affiliate.status_changed", async () => {
        const alice = await createAffiliate(getContainer(), "ALICE", { status: "pending" })
        for (const status of ["active", "suspended", "active"]) {
          const { data } = await api.post(`/admin/affiliates/${alice.id}`, { status }, { headers })
          expect(data.affiliate.status).toBe(status)
        }
        await eventually(async () => eventsNamed("affiliate.status_changed").length === 3)
        expect(eventsNamed("affiliate.status_changed")).toEqual([
          { id: alice.id, affiliate_id: alice.id, from: "pending", to: "active" },
          { id: alice.id, affiliate_id: alice.id, from: "active", to: "suspended" },
          { id: alice.id, affiliate_id: alice.id, from: "suspended", to: "active" },
        ])
      })

      it("pending -> rejected is allowed; setting the current status again emits nothing", async () => {
        const bob = await createAffiliate(getContainer(), "BOB", { status: "pending" })
        await api.post(`/admin/affiliates/${bob.id}`, { status: "pending", name: "Bob" }, { headers })
        await api.post(`/admin/affiliates/${bob.id}`, { status: "rejected" }, { headers })
        await eventually(async () => eventsNamed("affiliate.status_changed").length === 1)
        await settle()
        expect(eventsNamed("affiliate.status_changed")).toEqual([
          { id: bob.id, affiliate_id: bob.id, from: "pending", to: "rejected" },
        ])
      })

      it("an illegal move is 400 naming status, and changes nothing", async () => {
        const pending = await createAffiliate(getContainer(), "PENDING", { status: "pending" })
        const active = await createAffiliate(getContainer(), "ACTIVE", { status: "active" })
        const rejected = await createAffiliate(getContainer(), "REJECTED", { status: "rejected" })
        const cases: [string, string][] = [
          [pending.id, "suspended"],
          [active.id, "pending"],
          [active.id, "rejected"],
          [rejected.id, "active"],
          [rejected.id, "pending"],
        ]
        const before = await snapshot()
        for (const [id, status] of cases) {
          await expectError(api.post(`/admin/affiliates/${id}`, { status, name: "Changed" }, { headers }), 400, /status/)
        }
        expect(await snapshot()).toBe(before)
        await settle()
        expect(eventsNamed("affiliate.status_changed")).toEqual([])
      })

      it("bad fields, a taken code or customer and unknown ids are refused naming the field, changing nothing", async () => {
        const alice = await createAffiliate(getContainer(), "ALICE")
        const customer = await createCustomer(getContainer(), "bob@example.com")
        await createAffiliate(getContainer(), "BOB", { customer_id: customer.id })
        const before = await snapshot()
        const cases: [Record<string, unknown>, number, RegExp][] = [
          [{ code: "no spaces" }, 400, /code/],
          [{ email: "nope" }, 400, /email/],
          [{ name: null }, 400, /name/],
          [{ status: "vip" }, 400, /status/],
          [{ commission_rate: 100.5 }, 400, /commission_rate/],
          [{ is_default: true }, 400, /is_default/],
          [{ code: "bob" }, 422, /code/],
          [{ customer_id: customer.id }, 422, /customer_id/],
          [{ program_id: "afprog_nope" }, 404, /program_id/],
          [{ customer_id: "cus_nope" }, 404, /customer_id/],
        ]
        for (const [body, status, field] of cases) {
          await expectError(api.post(`/admin/affiliates/${alice.id}`, body, { headers }), status, field)
        }
        await expectError(api.post("/admin/affiliates/aff_nope", { name: "X" }, { headers }), 404, /aff_nope/)
        expect(await snapshot()).toBe(before)
      })

      it("a failure after the update puts the old values back, status included, and emits nothing", async () => {
        const alice = await createAffiliate(getContainer(), "ALICE", { status: "pending", metadata: { tier: "silver" } })
        const { errors } = await failAfterUpdate(getContainer()).run({
          input: { id: alice.id, status: "active", name: "Changed", metadata: { tier: "gold", extra: 1 } },
          throwOnError: false,
        })
        expect(errors).toHaveLength(1)
        expect(await service().retrieveAffiliate(alice.id)).toEqual(
          expect.objectContaining({ status: "pending", name: "Affiliate ALICE", metadata: { tier: "silver" } })
        )
        await settle()
        expect(eventsNamed("affiliate.status_changed")).toEqual([])
      })

      it("a failure after the creation removes the affiliate and emits nothing", async () => {
        const { errors } = await failAfterCreate(getContainer()).run({
          input: { code: "GHOST", name: "Ghost", email: "ghost@example.com" },
          throwOnError: false,
        })
        expect(errors).toHaveLength(1)
        expect(await service().listAffiliates({}, { withDeleted: true })).toHaveLength(0)
        await settle()
        expect(eventsNamed("affiliate.created")).toEqual([])
      })
    })

    describe("DELETE /admin/affiliates/:id soft-deletes, frees its promotions and releases its customers", () => {
      it("deletes the affiliate, dismisses its promotion links and keeps its ledger", async () => {
        const alice = await createAffiliate(getContainer(), "ALICE")
        const promotion = await createPromotion(getContainer(), "ALICE10")
        await linkPromotion(getContainer(), alice.id, promotion.id)
        const customer = await createCustomer(getContainer(), "buyer@example.com")
        await service().reassignCustomerAttribution({ customer_id: customer.id, affiliate_id: alice.id })
        await service().appendLedgerEntries([
          { affiliate_id: alice.id, type: "adjustment", amount: "3", currency_code: "usd", idempotency_key: "t:1", note: "bonus" },
        ])

        const { data, status } = await api.delete(`/admin/affiliates/${alice.id}`, { headers })
        expect(status).toBe(200)
        expect(data).toEqual({ id: alice.id, object: "affiliate", deleted: true })

        expect(await service().listAffiliates({ id: alice.id })).toHaveLength(0)
        const [deleted] = await service().listAffiliates({ id: alice.id }, { withDeleted: true })
        expect(deleted.deleted_at).toBeTruthy()
        expect(await service().listAffiliateAttributions({ customer_id: customer.id })).toHaveLength(0)
        expect(await service().listAffiliateCommissions({ affiliate_id: alice.id })).toHaveLength(1)
        await expectError(api.get(`/admin/affiliates/${alice.id}`, { headers }), 404)

        // The code is free for another affiliate now.
        const bob = await createAffiliate(getContainer(), "BOB")
        const linked = await api.post(`/admin/affiliates/${bob.id}/promotions`, { add: [promotion.id] }, { headers })
        expect(linked.data.affiliate.promotions.map((p: any) => p.code)).toEqual(["ALICE10"])
      })

      it("404 for an unknown or already deleted affiliate", async () => {
        const alice = await createAffiliate(getContainer(), "ALICE")
        await expectError(api.delete("/admin/affiliates/aff_nope", { headers }), 404)
        await api.delete(`/admin/affiliates/${alice.id}`, { headers })
        await expectError(api.delete(`/admin/affiliates/${alice.id}`, { headers }), 404)
      })

      it("a failure after the deletion restores the affiliate, its links and its customers", async () => {
        const alice = await createAffiliate(getContainer(), "ALICE")
        const promotion = await createPromotion(getContainer(), "ALICE10")
        await linkPromotion(getContainer(), alice.id, promotion.id)
        const customer = await createCustomer(getContainer(), "buyer@example.com")
        await service().reassignCustomerAttribution({ customer_id: customer.id, affiliate_id: alice.id })

        const { errors } = await failAfterDelete(getContainer()).run({ input: { id: alice.id }, throwOnError: false })
        expect(errors).toHaveLength(1)
        expect(await service().listAffiliates({ id: alice.id })).toHaveLength(1)
        expect(await linkedPromotionIds(alice.id)).toEqual([promotion.id])
        expect(await service().listAffiliateAttributions({ customer_id: customer.id })).toHaveLength(1)
      })
    })

    describe("POST /admin/affiliates/:id/promotions: a promotion belongs to at most one affiliate", () => {
      it("adds and removes promotions; adding a linked one or removing an unlinked one changes nothing", async () => {
        const alice = await createAffiliate(getContainer(), "ALICE")
        const [a, b, c] = await Promise.all(["ALICE10", "ALICE20", "SUMMER"].map((code) => createPromotion(getContainer(), code)))

        const added = await api.post(`/admin/affiliates/${alice.id}/promotions`, { add: [a.id, b.id] }, { headers })
        expect(added.status).toBe(200)
        expect(added.data.affiliate.promotions).toEqual([
          { id: a.id, code: "ALICE10", status: "active" },
          { id: b.id, code: "ALICE20", status: "active" },
        ])

        const swapped = await api.post(`/admin/affiliates/${alice.id}/promotions`, { add: [a.id, c.id], remove: [b.id] }, { headers })
        expect(swapped.data.affiliate.promotions.map((p: any) => p.code)).toEqual(["ALICE10", "SUMMER"])

        await api.post(`/admin/affiliates/${alice.id}/promotions`, { remove: [b.id] }, { headers })
        expect(await linkedPromotionIds(alice.id)).toEqual([a.id, c.id].sort())
      })

      it("a promotion of another affiliate is refused naming it, and nothing of the request is applied", async () => {
        const alice = await createAffiliate(getContainer(), "ALICE")
        const bob = await createAffiliate(getContainer(), "BOB")
        const bobs = await createPromotion(getContainer(), "BOB10")
        const free = await createPromotion(getContainer(), "FREE")
        await linkPromotion(getContainer(), bob.id, bobs.id)

        await expectError(
          api.post(`/admin/affiliates/${alice.id}/promotions`, { add: [free.id, bobs.id] }, { headers }),
          400,
          /add: a promotion belongs to at most one affiliate: BOB10 belongs to affiliate BOB$/
        )
        expect(await linkedPromotionIds(alice.id)).toEqual([])
        expect(await linkedPromotionIds(bob.id)).toEqual([bobs.id])
        // Removing it through another affiliate leaves BOB's link alone.
        await api.post(`/admin/affiliates/${alice.id}/promotions`, { remove: [bobs.id] }, { headers })
        expect(await linkedPromotionIds(bob.id)).toEqual([bobs.id])
      })

      it("two admins giving one promotion to two affiliates at once: exactly one wins", async () => {
        const alice = await createAffiliate(getContainer(), "ALICE")
        const bob = await createAffiliate(getContainer(), "BOB")
        const promotion = await createPromotion(getContainer(), "CONTESTED")
        const results = await Promise.allSettled(
          [alice.id, bob.id].map((id) => api.post(`/admin/affiliates/${id}/promotions`, { add: [promotion.id] }, { headers }))
        )
        expect(results.filter((r) => r.status === "fulfilled")).toHaveLength(1)
        const owners = [...(await linkedPromotionIds(alice.id)), ...(await linkedPromotionIds(bob.id))]
        expect(owners).toEqual([promotion.id])
      })

      it("unknown promotions are 404 naming them; an unknown affiliate is 404", async () => {
        const alice = await createAffiliate(getContainer(), "ALICE")
        const real = await createPromotion(getContainer(), "REAL")
        await expectError(
          api.post(`/admin/affiliates/${alice.id}/promotions`, { add: [real.id, "promo_nope"], remove: ["promo_gone"] }, { headers }),
          404,
          /add: promotions not found: promo_nope; remove: promotions not found: promo_gone/
        )
        expect(await linkedPromotionIds(alice.id)).toEqual([])
        await expectError(api.post("/admin/affiliates/aff_nope/promotions", { add: [real.id] }, { headers }), 404, /aff_nope/)
      })

      it("bad bodies are 400 naming the field", async () => {
        const alice = await createAffiliate(getContainer(), "ALICE")
        const promotion = await createPromotion(getContainer(), "P1")
        const cases: [Record<string, unknown>, RegExp][] = [
          [{ add: promotion.id }, /add/],
          [{ add: [42] }, /add/],
          [{ remove: ["x".repeat(65)] }, /remove/],
          [{ add: [promotion.id], remove: [promotion.id] }, /add, remove/],
          [{ add: [promotion.id], replace: [] }, /replace/],
        ]
        for (const [body, field] of cases) {
          await expectError(api.post(`/admin/affiliates/${alice.id}/promotions`, body, { headers }), 400, field)
        }
        expect(await linkedPromotionIds(alice.id)).toEqual([])
      })

      it("a failure after linking dismisses the new links", async () => {
        const alice = await createAffiliate(getContainer(), "ALICE")
        const kept = await createPromotion(getContainer(), "KEPT")
        const added = await createPromotion(getContainer(), "ADDED")
        await linkPromotion(getContainer(), alice.id, kept.id)
        const { errors } = await failAfterPromotions(getContainer()).run({
          input: { id: alice.id, add: [kept.id, added.id], remove: [] },
          throwOnError: false,
        })
        expect(errors).toHaveLength(1)
        expect(await linkedPromotionIds(alice.id)).toEqual([kept.id])
      })
    })

    describe("admin affiliate routes need an admin", () => {
      it("anonymous requests are 401 and change nothing", async () => {
        const alice = await createAffiliate(getContainer(), "ALICE")
        const requests = [
          () => api.get("/admin/affiliates"),
          () => api.post("/admin/affiliates", { code: "ANON", name: "Anon", email: "anon@example.com" }),
          () => api.get(`/admin/affiliates/${alice.id}`),
          () => api.post(`/admin/affiliates/${alice.id}`, { status: "suspended" }),
          () => api.delete(`/admin/affiliates/${alice.id}`),
          () => api.post(`/admin/affiliates/${alice.id}/promotions`, { add: [] }),
        ]
        for (const request of requests) {
          await expectError(request(), 401)
        }
        expect(await service().listAffiliates()).toEqual([expect.objectContaining({ code: "ALICE", status: "active" })])
      })
    })
  },
})
