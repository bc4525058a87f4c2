import { medusaIntegrationTestRunner } from "@medusajs/test-utils"
import { Modules } from "@medusajs/framework/utils"
import { config as reconcileJobConfig } from "../../src/jobs/reconcile-orders"
import { affiliateService, createAffiliate, linkPromotion, receiptOf } from "../fixtures/affiliates"
import { adminHeaders, customerHeaders } from "../fixtures/auth"
import { unscheduleJob } from "../fixtures/jobs"
import { createPromotion, placeOrder, PlaceOrderInput, seedStore, TestStore } from "../fixtures/store"

jest.setTimeout(240_000)

/**
 * Risk signals (issue 11, item 1): every credited order's receipt carries its signals with
 * their evidence, computed at attribution from real orders placed through
 * completeCartWorkflow, and the admin sees them on the order's affiliate route.
 */
medusaIntegrationTestRunner({
  testSuite: ({ api, getContainer }) => {
    let store: TestStore
    const c = () => getContainer()
    const service = () => affiliateService(c())
    const shirt = { variant_id: "", quantity: 1 }
    const order = async (input: Omit<PlaceOrderInput, "items">) => {
      const orderId = await placeOrder(c(), store, { items: [{ ...shirt, variant_id: store.products.shirt.variant_id }], ...input })
      const receipt = await receiptOf(c(), orderId)
      expect(receipt.outcome).toBe("credited")
      return { orderId, receipt }
    }
    const signal = (receipt: any, type: string) => receipt.risk.signals.find((s: any) => s.type === type)
    const fired = (receipt: any) => receipt.risk.signals.filter((s: any) => s.triggered).map((s: any) => s.type)

    beforeAll(async () => {
      await unscheduleJob(reconcileJobConfig)
    })

    beforeEach(async () => {
      store = await seedStore(c())
    })

    it("a code used without the affiliate's traffic is flagged with the code; with their referral on the cart it is not", async () => {
      const alice = await createAffiliate(c(), "ALICE")
      await linkPromotion(c(), alice.id, (await createPromotion(c(), "ALICE10")).id)

      const leaked = await order({ email: "coupon-site@example.org", promo_codes: ["ALICE10"] })
      expect(leaked.receipt.source).toBe("code")
      expect(signal(leaked.receipt, "code_without_click")).toEqual({
        type: "code_without_click",
        triggered: true,
        evidence: { code: "ALICE10", cart_click_affiliate_id: null, customer_attributed: false },
      })
      expect(fired(leaked.receipt)).toEqual(["code_without_click"])

      const { click } = (await service().recordClick({ code: "ALICE", session_id: "fan" }))!
      const fan = await order({ email: "fan@example.org", promo_codes: ["ALICE10"], metadata: { affiliate_click_id: click.id } })
      expect(signal(fan.receipt, "code_without_click").triggered).toBe(false)
      expect(fired(fan.receipt)).toEqual([])
      // A referral link's code on the cart is the affiliate's traffic too.
      const reader = await order({ email: "reader@example.org", promo_codes: ["ALICE10"], metadata: { affiliate_code: "ALICE" } })
      expect(fired(reader.receipt)).toEqual([])

      // The admin sees them on the order's receipt.
      const { headers } = await adminHeaders(c())
      const { data } = await api.get(`/admin/orders/${leaked.orderId}/affiliate`, { headers })
      expect(data.order_attribution.risk.signals).toEqual(leaked.receipt.risk.signals)
    })

    it("a buyer at the affiliate's own mailbox or address is flagged, with what matched", async () => {
      const customers = c().resolve(Modules.CUSTOMER)
      const account = await customers.createCustomers({
        email: "bob@shop-owner.test",
        phone: "+1 212 555 0100",
        addresses: [{ address_1: "2 Side Street", city: "New York", postal_code: "10001", country_code: "US" }],
      } as any)
      const bob = await createAffiliate(c(), "BOB", { email: "b.o.b@gmail.com", customer_id: account.id })
      await linkPromotion(c(), bob.id, (await createPromotion(c(), "BOB10")).id)

      // placeOrder ships to "2 Side St", New York 10001, US: Bob's own address, written short.
      const second = await order({ email: "bob+second@googlemail.com", promo_codes: ["BOB10"] })
      expect(signal(second.receipt, "email_alias")).toEqual({
        type: "email_alias",
        triggered: true,
        evidence: { match: "same_mailbox", buyer_email: "bob+second@googlemail.com", affiliate_email: "b.o.b@gmail.com" },
      })
      expect(signal(second.receipt, "contact_match")).toEqual({ type: "contact_match", triggered: true, evidence: { matched: ["shipping_address"] } })
      expect(fired(second.receipt).sort()).toEqual(["code_without_click", "contact_match", "email_alias"])
    })

    it("velocity and refund rate are evaluated where the program's rules use them, with the affiliate's record as evidence", async () => {
      const busy = await service().createAffiliatePrograms({
        name: "Watched",
        commission_value: 10,
        risk_rules: { review_on: ["velocity"], velocity: { factor: 2, min_orders: 2 } },
      } as any)
      const carla = await createAffiliate(c(), "CARLA", { program_id: busy.id })
      await linkPromotion(c(), carla.id, (await createPromotion(c(), "CARLA10")).id)
      const receipts = []
      for (const n of [1, 2, 3]) {
        receipts.push((await order({ email: `buyer-${n}@example.org`, promo_codes: ["CARLA10"] })).receipt)
      }
      // Before the third order: 2 credited in the last hour, 2 in 30 days (2 / 720 an hour, x 2).
      expect(signal(receipts[2], "velocity")).toEqual({
        type: "velocity",
        triggered: true,
        evidence: { orders_last_hour: 2, orders_30_days: 2, hourly_rate_30_days: "0.002778", factor: 2, min_orders: 2 },
      })
      expect(signal(receipts[1], "velocity").triggered).toBe(false)
      expect(signal(receipts[2], "refund_rate")).toEqual(
        expect.objectContaining({ triggered: false, evidence: expect.objectContaining({ credited_orders_90_days: 2, refunded_orders_90_days: 0 }) })
      )

      // A program that does not use them does not read the record: neither signal is there.
      const dave = await createAffiliate(c(), "DAVE")
      await linkPromotion(c(), dave.id, (await createPromotion(c(), "DAVE10")).id)
      const plain = await order({ email: "plain@example.org", promo_codes: ["DAVE10"] })
      expect(plain.receipt.risk.signals.map((s: any) => s.type)).toEqual(["email_alias", "contact_match", "code_without_click"])
    })

    it("a buyer on the affiliate's own device is flagged with the sighting; many orders from one device are counted", async () => {
      const program = await service().createAffiliatePrograms({
        name: "Devices",
        commission_value: 10,
        risk_rules: { visitor_orders: { max_orders: 2, window_days: 30 } },
      } as any)
      const { customer, headers: portal } = await customerHeaders(c(), store.publishableKey, "erin@portal.test")
      await createAffiliate(c(), "ERIN", { customer_id: customer.id, program_id: program.id })
      const erinsPhone = { "user-agent": "ErinPhone/1.0" }
      expect((await api.get("/store/customers/me/affiliate", { headers: { ...portal, ...erinsPhone } })).status).toBe(200)

      /** An order whose cart got ERIN's referral through the store route, from `device`. */
      const referredFrom = (device: Record<string, string>, email: string) =>
        order({
          email,
          beforeComplete: (cartId) =>
            api.post(`/store/carts/${cartId}/affiliate`, { code: "ERIN" }, { headers: { "x-publishable-api-key": store.publishableKey, ...device } }),
        })

      const own = await referredFrom(erinsPhone, "second-account@example.org")
      expect(signal(own.receipt, "visitor_match")).toEqual({
        type: "visitor_match",
        triggered: true,
        evidence: { visitor_hash: expect.stringMatching(/^[0-9a-f]{64}$/), source: "portal_session", seen_at: expect.any(String) },
      })
      expect(own.receipt.visitor_hash).toBe(signal(own.receipt, "visitor_match").evidence.visitor_hash)

      // Another device: no match; its third order within 30 days is over the 2 allowed.
      const stranger = { "user-agent": "StrangerTablet/2.0" }
      const first = await referredFrom(stranger, "s1@example.org")
      expect(signal(first.receipt, "visitor_match").triggered).toBe(false)
      expect(signal(first.receipt, "visitor_orders")).toEqual(expect.objectContaining({ triggered: false, evidence: expect.objectContaining({ orders: 1 }) }))
      await referredFrom(stranger, "s2@example.org")
      const third = await referredFrom(stranger, "s3@example.org")
      expect(signal(third.receipt, "visitor_orders")).toEqual({
        type: "visitor_orders",
        triggered: true,
        evidence: { visitor_hash: first.receipt.visitor_hash, orders: 3, max_orders: 2, window_days: 30 },
      })

      // The device that completes the checkout (Medusa's store route) is noted too: a
      // referral written into the cart by the storefront, completed from Erin's phone.
      const checkout = await order({
        email: "third-account@example.org",
        metadata: { affiliate_code: "ERIN" },
        completeWith: async (cartId) => {
          const { data } = await api.post(`/store/carts/${cartId}/complete`, {}, { headers: { "x-publishable-api-key": store.publishableKey, ...erinsPhone } })
          expect(data.type).toBe("order")
          return data.order.id
        },
      })
      expect(signal(checkout.receipt, "visitor_match")).toEqual(
        expect.objectContaining({ triggered: true, evidence: expect.objectContaining({ visitor_hash: own.receipt.visitor_hash }) })
      )
      expect(checkout.receipt.visitor_hash).toBe(own.receipt.visitor_hash)

      // Without a hash (an order whose storefront sent none) the visitor signals are absent.
      const plain = await order({ email: "no-device@example.org", metadata: { affiliate_code: "ERIN" } })
      expect(plain.receipt.risk.signals.map((s: any) => s.type)).not.toContain("visitor_match")
    })
  },
})
