import { medusaIntegrationTestRunner } from "@medusajs/test-utils"
import { createOrderWorkflow, createRegionsWorkflow } from "@medusajs/medusa/core-flows"
import { createStep, createWorkflow } from "@medusajs/framework/workflows-sdk"
import { affiliateService, createAffiliate, linkPromotion, receiptOf } from "../fixtures/affiliates"
import { adminHeaders } from "../fixtures/auth"
import { createCustomer, createPromotion, placeOrder, seedStore } from "../fixtures/store"
import { reassignCustomerAttributionWorkflow } from "../../src/workflows/affiliates/workflows/reassign-customer-attribution"
import { expectError } from "../fixtures/http"

jest.setTimeout(120_000)

const failAfterwardsStep = createStep("test-reassign-fail-afterwards", async () => {
  throw new Error("a later step failed")
})
const failAfterReassign = createWorkflow("test-fail-after-reassign-attribution", (input: any) => {
  reassignCustomerAttributionWorkflow.runAsStep({ input })
  failAfterwardsStep()
})

const DAY_MS = 86_400_000

medusaIntegrationTestRunner({
  testSuite: ({ api, getContainer }) => {
    let headers: Record<string, string>
    let adminUserId: string
    const service = () => affiliateService(getContainer())
    const attributionsOf = async (customerId: string) =>
      JSON.stringify(await service().listAffiliateAttributions({ customer_id: customerId }, { withDeleted: true, order: { id: "ASC" } }))

    beforeEach(async () => {
      const admin = await adminHeaders(getContainer())
      headers = admin.headers
      adminUserId = admin.user.id
    })

    describe("GET /admin/orders/:id/affiliate shows the order's receipt and its ledger entries", () => {
      it("null and [] before the order is processed", async () => {
        const { result: [region] } = await createRegionsWorkflow(getContainer()).run({
          input: { regions: [{ name: "US", currency_code: "usd", countries: ["us"] }] },
        })
        // createOrderWorkflow emits no order.placed: the order stays unprocessed.
        const { result: order } = await createOrderWorkflow(getContainer()).run({
          input: { region_id: region.id, email: "buyer@example.com", currency_code: "usd", items: [{ title: "Shirt", quantity: 1, unit_price: 100 }] },
        })
        const { data, status } = await api.get(`/admin/orders/${order.id}/affiliate`, { headers })
        expect(status).toBe(200)
        expect(data).toEqual({ order_attribution: null, affiliate_commissions: [] })
      })

      it("a credited order names its affiliate, money as numbers; an order without referral has a no_referral receipt", async () => {
        const store = await seedStore(getContainer())
        const alice = await createAffiliate(getContainer(), "ALICE", { name: "Alice Able" })
        await linkPromotion(getContainer(), alice.id, (await createPromotion(getContainer(), "ALICE10")).id)
        const credited = await placeOrder(getContainer(), store, {
          items: [{ variant_id: store.products.shirt.variant_id, quantity: 1 }],
          promo_codes: ["ALICE10"],
        })
        const plain = await placeOrder(getContainer(), store, {
          email: "stranger@example.com",
          items: [{ variant_id: store.products.mug.variant_id, quantity: 1 }],
        })
        await receiptOf(getContainer(), credited)
        await receiptOf(getContainer(), plain)

        const { data } = await api.get(`/admin/orders/${credited}/affiliate`, { headers })
        expect(data.order_attribution).toEqual(
          expect.objectContaining({
            id: expect.stringMatching(/^aford_/),
            order_id: credited,
            affiliate_id: alice.id,
            affiliate: expect.objectContaining({ id: alice.id, code: "ALICE", name: "Alice Able" }),
            outcome: "credited",
            source: "code",
            candidates: expect.any(Array),
            risk: {
              hold: { hold_days: 30, reasons: [{ rule: "program", hold_days: 30 }] },
              signals: [
                expect.objectContaining({ type: "email_alias", triggered: false }),
                expect.objectContaining({ type: "contact_match", triggered: false }),
                expect.objectContaining({ type: "code_without_click", triggered: true, evidence: expect.objectContaining({ code: "ALICE10" }) }),
              ],
              // The default program holds nothing for review.
              review: null,
            },
            review: null,
          })
        )
        // Shirt 100 less the 10 % code = 90 commissionable, at the default program's 10 %.
        expect(data.affiliate_commissions).toEqual([
          expect.objectContaining({
            affiliate_id: alice.id,
            type: "sale",
            status: "pending",
            amount: 9,
            base_amount: 90,
            rate: 10,
            currency_code: "usd",
            order_id: credited,
            payout_id: null,
            available_at: expect.any(String),
            hold: { hold_days: 30, reasons: [{ rule: "program", hold_days: 30 }] },
            created_at: expect.any(String),
          }),
        ])
        expect(JSON.stringify(data)).not.toMatch(/raw_|money_fingerprint/)

        const none = await api.get(`/admin/orders/${plain}/affiliate`, { headers })
        expect(none.data).toEqual({
          order_attribution: expect.objectContaining({ order_id: plain, affiliate_id: null, affiliate: null, outcome: "no_referral", source: null }),
          affiliate_commissions: [],
        })

        // A deleted affiliate is still named on the receipts it was credited on.
        await api.delete(`/admin/affiliates/${alice.id}`, { headers })
        const after = await api.get(`/admin/orders/${credited}/affiliate`, { headers })
        expect(after.data.order_attribution.affiliate).toEqual(expect.objectContaining({ code: "ALICE", deleted_at: expect.any(String) }))
      })

      it("404 for an unknown order; 400 for unknown query parameters", async () => {
        await expectError(api.get("/admin/orders/order_nope/affiliate", { headers }), 404, /order_nope/)
        await expectError(api.get("/admin/orders/order_nope/affiliate?fields=id", { headers }), 400, /fields/)
      })
    })

    describe("GET /admin/customers/:id/affiliate: whom the customer is attributed to, and their own affiliate profile", () => {
      it("both null for a customer with neither", async () => {
        const customer = await createCustomer(getContainer(), "plain@example.com")
        const { data, status } = await api.get(`/admin/customers/${customer.id}/affiliate`, { headers })
        expect(status).toBe(200)
        expect(data).toEqual({ attribution: null, affiliate: null })
      })

      it("attribution is the affiliate credited for their orders; affiliate is their own profile", async () => {
        const customer = await createCustomer(getContainer(), "bob@example.com")
        const alice = await createAffiliate(getContainer(), "ALICE")
        const bob = await createAffiliate(getContainer(), "BOB", { customer_id: customer.id, email: "bob@example.com" })
        const bound = await service().createAffiliateAttributions({
          customer_id: customer.id,
          affiliate_id: alice.id,
          source: "code",
          promotion_code: "ALICE10",
        } as any)

        const { data } = await api.get(`/admin/customers/${customer.id}/affiliate`, { headers })
        expect(data.attribution).toEqual(
          expect.objectContaining({
            id: bound.id,
            customer_id: customer.id,
            affiliate_id: alice.id,
            source: "code",
            promotion_code: "ALICE10",
            expires_at: null,
            affiliate: { id: alice.id, code: "ALICE", name: "Affiliate ALICE", email: "alice@affiliates.test", status: "active" },
          })
        )
        expect(data.affiliate).toEqual(expect.objectContaining({ id: bob.id, code: "BOB", customer_id: customer.id, email: "bob@example.com" }))
      })

      it("an expired attribution is not live: null", async () => {
        const customer = await createCustomer(getContainer(), "old@example.com")
        const alice = await createAffiliate(getContainer(), "ALICE")
        await service().createAffiliateAttributions({
          customer_id: customer.id,
          affiliate_id: alice.id,
          source: "link",
          expires_at: new Date(Date.now() - DAY_MS),
        } as any)
        const { data } = await api.get(`/admin/customers/${customer.id}/affiliate`, { headers })
        expect(data).toEqual({ attribution: null, affiliate: null })
      })

      it("404 for an unknown customer; 400 for unknown query parameters", async () => {
        await expectError(api.get("/admin/customers/cus_nope/affiliate", { headers }), 404, /cus_nope/)
        const customer = await createCustomer(getContainer(), "c@example.com")
        await expectError(api.get(`/admin/customers/${customer.id}/affiliate?with=all`, { headers }), 400, /with/)
      })
    })

    describe("POST /admin/customers/:id/affiliate: an admin reassigns a customer by hand", () => {
      it("replaces the live attribution with a manual one by the admin, lasting the program's trailing months", async () => {
        const customer = await createCustomer(getContainer(), "buyer@example.com")
        const alice = await createAffiliate(getContainer(), "ALICE")
        const sixMonths = await service().createAffiliatePrograms({ name: "Six months", commission_value: 10, trailing_months: 6 } as any)
        const bob = await createAffiliate(getContainer(), "BOB", { program_id: sixMonths.id })
        const old = await service().createAffiliateAttributions({ customer_id: customer.id, affiliate_id: alice.id, source: "link" } as any)

        const { data, status } = await api.post(`/admin/customers/${customer.id}/affiliate`, { affiliate_id: bob.id }, { headers })
        expect(status).toBe(200)
        expect(data.attribution).toEqual(
          expect.objectContaining({
            id: expect.stringMatching(/^afatt_/),
            customer_id: customer.id,
            affiliate_id: bob.id,
            source: "manual",
            created_by: adminUserId,
            affiliate: expect.objectContaining({ id: bob.id, code: "BOB" }),
          })
        )
        const expiresIn = Date.parse(data.attribution.expires_at) - Date.now()
        expect(expiresIn).toBeGreaterThan(180 * DAY_MS)
        expect(expiresIn).toBeLessThan(185 * DAY_MS)

        const [retired] = await service().listAffiliateAttributions({ id: old.id }, { withDeleted: true })
        expect(retired.deleted_at).toBeTruthy()
        expect(await service().listAffiliateAttributions({ customer_id: customer.id })).toEqual([
          expect.objectContaining({ id: data.attribution.id, affiliate_id: bob.id }),
        ])
        expect((await api.get(`/admin/customers/${customer.id}/affiliate`, { headers })).data.attribution.id).toBe(data.attribution.id)
      })

      it("after a reassignment the customer's next order credits the new affiliate", async () => {
        const store = await seedStore(getContainer())
        const customer = await createCustomer(getContainer(), "loyal@example.com")
        const alice = await createAffiliate(getContainer(), "ALICE")
        const bob = await createAffiliate(getContainer(), "BOB")
        await service().createAffiliateAttributions({ customer_id: customer.id, affiliate_id: alice.id, source: "link" } as any)
        await api.post(`/admin/customers/${customer.id}/affiliate`, { affiliate_id: bob.id }, { headers })

        const orderId = await placeOrder(getContainer(), store, {
          customer_id: customer.id,
          email: "loyal@example.com",
          items: [{ variant_id: store.products.shirt.variant_id, quantity: 1 }],
        })
        const receipt = await receiptOf(getContainer(), orderId)
        expect(receipt).toEqual(expect.objectContaining({ outcome: "credited", affiliate_id: bob.id, source: "attribution" }))
      })

      it("an unknown customer or affiliate is 404; self-referral and bad bodies are 400 naming the field; nothing changes", async () => {
        const customer = await createCustomer(getContainer(), "self@example.com")
        const alice = await createAffiliate(getContainer(), "ALICE")
        const own = await createAffiliate(getContainer(), "SELF", { customer_id: customer.id })
        const gone = await createAffiliate(getContainer(), "GONE")
        await service().softDeleteAffiliates([gone.id])
        await service().createAffiliateAttributions({ customer_id: customer.id, affiliate_id: alice.id, source: "link" } as any)
        const before = await attributionsOf(customer.id)

        const cases: [string, Record<string, unknown>, number, RegExp][] = [
          ["cus_nope", { affiliate_id: alice.id }, 404, /cus_nope/],
          [customer.id, { affiliate_id: "aff_nope" }, 404, /affiliate_id.*aff_nope/],
          [customer.id, { affiliate_id: gone.id }, 404, /affiliate_id/],
          [customer.id, { affiliate_id: own.id }, 400, /affiliate_id: SELF is the customer's own affiliate profile/],
          [customer.id, {}, 400, /affiliate_id/],
          [customer.id, { affiliate_id: 42 }, 400, /affiliate_id/],
          [customer.id, { affiliate_id: "a".repeat(65) }, 400, /affiliate_id/],
          [customer.id, { affiliate_id: alice.id, source: "code" }, 400, /source/],
        ]
        for (const [customerId, body, status, message] of cases) {
          await expectError(api.post(`/admin/customers/${customerId}/affiliate`, body, { headers }), status, message)
        }
        expect(await attributionsOf(customer.id)).toBe(before)
        expect(await service().listAffiliateAttributions({ customer_id: "cus_nope" })).toEqual([])
      })

      it("a failure after the reassignment puts the previous attribution back", async () => {
        const customer = await createCustomer(getContainer(), "undo@example.com")
        const alice = await createAffiliate(getContainer(), "ALICE")
        const bob = await createAffiliate(getContainer(), "BOB")
        const old = await service().createAffiliateAttributions({ customer_id: customer.id, affiliate_id: alice.id, source: "link" } as any)
        const { errors } = await failAfterReassign(getContainer()).run({
          input: { customer_id: customer.id, affiliate_id: bob.id, created_by: null },
          throwOnError: false,
        })
        expect(errors).toHaveLength(1)
        expect(await service().listAffiliateAttributions({ customer_id: customer.id }, { withDeleted: true })).toEqual([
          expect.objectContaining({ id: old.id, affiliate_id: alice.id, deleted_at: null }),
        ])
      })
    })

    describe("admin order and customer affiliate routes need an admin", () => {
      it("anonymous requests are 401 and change nothing", async () => {
        const customer = await createCustomer(getContainer(), "anon@example.com")
        const alice = await createAffiliate(getContainer(), "ALICE")
        for (const request of [
          () => api.get("/admin/orders/order_1/affiliate"),
          () => api.get(`/admin/customers/${customer.id}/affiliate`),
          () => api.post(`/admin/customers/${customer.id}/affiliate`, { affiliate_id: alice.id }),
        ]) {
          await expectError(request(), 401)
        }
        expect(await service().listAffiliateAttributions({ customer_id: customer.id })).toEqual([])
      })
    })
  },
})
