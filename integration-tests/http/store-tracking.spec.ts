import { medusaIntegrationTestRunner } from "@medusajs/test-utils"
import { createCartWorkflow } from "@medusajs/medusa/core-flows"
import { affiliateService, createAffiliate, linkPromotion } from "../fixtures/affiliates"
import { createPromotion, seedStore, TestStore } from "../fixtures/store"
import { customerHeaders } from "../fixtures/auth"
import { expectError } from "../fixtures/http"

/** The requester's salted IP + user agent, which the cart referral carries (never the IP itself). */
const VISITOR_HASH = expect.stringMatching(/^[0-9a-f]{64}$/)

jest.setTimeout(120_000)

medusaIntegrationTestRunner({
  testSuite: ({ api, getContainer }) => {
    let store: TestStore
    let headers: Record<string, string>

    beforeEach(async () => {
      store = await seedStore(getContainer())
      headers = { "x-publishable-api-key": store.publishableKey }
    })

    describe("GET /store/affiliates/:code", () => {
      it("returns public facts of an active affiliate in any case, with its active promotion codes", async () => {
        const alice = await createAffiliate(getContainer(), "ALICE", { email: "alice@private.test", customer_id: "cus_x" })
        await linkPromotion(getContainer(), alice.id, (await createPromotion(getContainer(), "ALICE10")).id)
        await linkPromotion(getContainer(), alice.id, (await createPromotion(getContainer(), "ALICE20", 20)).id)

        const { data, status } = await api.get("/store/affiliates/aLiCe", { headers })
        expect(status).toBe(200)
        expect(data).toEqual({
          affiliate: { code: "ALICE", name: "Affiliate ALICE", promotion_codes: ["ALICE10", "ALICE20"], link_discount_code: null },
        })
        expect(JSON.stringify(data)).not.toMatch(/private|cus_x/)
      })

      it("404 for an unknown, malformed or not active code", async () => {
        await createAffiliate(getContainer(), "PENDING", { status: "pending" })
        await expectError(api.get("/store/affiliates/NOBODY", { headers }), 404, /NOBODY/)
        await expectError(api.get("/store/affiliates/PENDING", { headers }), 404)
        await expectError(api.get("/store/affiliates/a!b", { headers }), 404)
      })

      it("requires a publishable key", async () => {
        await createAffiliate(getContainer(), "ALICE")
        await expectError(api.get("/store/affiliates/ALICE"), 400, /publishable/i)
      })
    })

    describe("POST /store/affiliates/:code/clicks", () => {
      it("records a click, and a repeated session gets its first click back", async () => {
        await createAffiliate(getContainer(), "ALICE")
        const body = { session_id: "sess-1", sub_id: "newsletter", landing_url: "https://shop.test/?ref=alice", referrer: "https://blog.test" }
        const first = await api.post("/store/affiliates/alice/clicks", body, {
          headers: { ...headers, "user-agent": "Mozilla/5.0 test" },
        })
        expect(first.status).toBe(201)
        expect(first.data).toEqual({
          click: { id: expect.stringMatching(/^afclk_/), affiliate_code: "ALICE", created_at: expect.any(String) },
          deduplicated: false,
        })

        const again = await api.post("/store/affiliates/ALICE/clicks", { ...body, sub_id: "other" }, { headers })
        expect(again.status).toBe(200)
        expect(again.data.deduplicated).toBe(true)
        expect(again.data.click.id).toBe(first.data.click.id)

        const [stored] = await affiliateService(getContainer()).listAffiliateClicks({ id: first.data.click.id })
        expect(stored).toEqual(
          expect.objectContaining({ session_id: "sess-1", sub_id: "newsletter", referrer: "https://blog.test" })
        )
        // Only a salted hash of IP and user agent is kept.
        expect(stored.visitor_hash).toMatch(/^[0-9a-f]{64}$/)
        expect(JSON.stringify(stored)).not.toMatch(/127\.0\.0\.1|::1|Mozilla/)
      })

      it("clicks without a session are not deduplicated; sessions are per affiliate", async () => {
        await createAffiliate(getContainer(), "ALICE")
        await createAffiliate(getContainer(), "BOB")
        const a = await api.post("/store/affiliates/ALICE/clicks", {}, { headers })
        const b = await api.post("/store/affiliates/ALICE/clicks", { session_id: "" }, { headers })
        const c = await api.post("/store/affiliates/ALICE/clicks", { session_id: "s" }, { headers })
        const d = await api.post("/store/affiliates/BOB/clicks", { session_id: "s" }, { headers })
        expect(new Set([a, b, c, d].map((r) => r.data.click.id)).size).toBe(4)
        expect([a, b, c, d].every((r) => r.data.deduplicated === false)).toBe(true)
      })

      it("concurrent clicks of one session record exactly one click", async () => {
        await createAffiliate(getContainer(), "ALICE")
        const responses = await Promise.all(
          Array.from({ length: 8 }, () => api.post("/store/affiliates/ALICE/clicks", { session_id: "race" }, { headers }))
        )
        expect(new Set(responses.map((r) => r.data.click.id)).size).toBe(1)
        expect(responses.filter((r) => !r.data.deduplicated)).toHaveLength(1)
        expect(await affiliateService(getContainer()).listAffiliateClicks({ session_id: "race" })).toHaveLength(1)
      })

      it("bad fields are refused with their name and record nothing", async () => {
        await createAffiliate(getContainer(), "ALICE")
        const cases: [Record<string, unknown>, RegExp][] = [
          [{ landing_url: "x".repeat(2049) }, /landing_url/],
          [{ referrer: "x".repeat(2049) }, /referrer/],
          [{ session_id: "s".repeat(129) }, /session_id/],
          [{ sub_id: 42 }, /sub_id/],
          [{ campaign: "x" }, /campaign/],
        ]
        for (const [body, field] of cases) {
          await expectError(api.post("/store/affiliates/ALICE/clicks", body, { headers }), 400, field)
        }
        expect(await affiliateService(getContainer()).listAffiliateClicks()).toHaveLength(0)
      })

      it("404 for an unknown or not active code", async () => {
        await createAffiliate(getContainer(), "GONE", { status: "suspended" })
        await expectError(api.post("/store/affiliates/NOBODY/clicks", {}, { headers }), 404)
        await expectError(api.post("/store/affiliates/GONE/clicks", {}, { headers }), 404)
        expect(await affiliateService(getContainer()).listAffiliateClicks()).toHaveLength(0)
      })
    })

    describe("POST /store/carts/:id/affiliate", () => {
      const createCart = async (metadata?: Record<string, unknown>) => {
        const { result } = await createCartWorkflow(getContainer()).run({
          input: { region_id: store.region.id, sales_channel_id: store.salesChannel.id, currency_code: "usd", metadata },
        })
        return result
      }

      it("a registered customer's cart takes a referral only from that customer, logged in; a guest cart from anyone with its id", async () => {
        await createAffiliate(getContainer(), "ALICE")
        await createAffiliate(getContainer(), "MALLORY")
        const owner = await customerHeaders(getContainer(), store.publishableKey, "owner@shop.test")
        const other = await customerHeaders(getContainer(), store.publishableKey, "other@shop.test")
        const { result: cart } = await createCartWorkflow(getContainer()).run({
          input: { region_id: store.region.id, sales_channel_id: store.salesChannel.id, currency_code: "usd", customer_id: owner.customer.id },
        })
        const attach = (code: string, h: Record<string, string>) => api.post(`/store/carts/${cart.id}/affiliate`, { code }, { headers: h })

        expect((await attach("ALICE", owner.headers)).data.cart.metadata).toEqual({ affiliate_code: "ALICE", affiliate_visitor_hash: VISITOR_HASH })
        await expectError(attach("MALLORY", headers), 403, /belongs to a registered customer/)
        await expectError(attach("MALLORY", other.headers), 403, /only they, logged in/)
        const { data: [stored] } = await getContainer().resolve("query").graph({ entity: "cart", fields: ["metadata"], filters: { id: cart.id } })
        expect(stored.metadata.affiliate_code).toBe("ALICE")

        const guestCart = await createCart()
        const { data } = await api.post(`/store/carts/${guestCart.id}/affiliate`, { code: "MALLORY" }, { headers: other.headers })
        expect(data.cart.metadata).toEqual({ affiliate_code: "MALLORY", affiliate_visitor_hash: VISITOR_HASH })
      })

      it("puts a code on the cart, keeping the storefront's own metadata", async () => {
        await createAffiliate(getContainer(), "ALICE")
        const cart = await createCart({ gift: true })
        const { data } = await api.post(`/store/carts/${cart.id}/affiliate`, { code: "alice" }, { headers })
        expect(data).toEqual({ cart: { id: cart.id, metadata: { gift: true, affiliate_code: "ALICE", affiliate_visitor_hash: VISITOR_HASH } } })
      })

      it("puts a click and its affiliate on the cart; a later code replaces the click", async () => {
        await createAffiliate(getContainer(), "ALICE")
        await createAffiliate(getContainer(), "BOB")
        const click = (await api.post("/store/affiliates/ALICE/clicks", {}, { headers })).data.click
        const cart = await createCart()
        const { data } = await api.post(`/store/carts/${cart.id}/affiliate`, { click_id: click.id }, { headers })
        expect(data.cart.metadata).toEqual({ affiliate_code: "ALICE", affiliate_click_id: click.id, affiliate_visitor_hash: VISITOR_HASH })

        const replaced = await api.post(`/store/carts/${cart.id}/affiliate`, { code: "BOB" }, { headers })
        expect(replaced.data.cart.metadata).toEqual({ affiliate_code: "BOB", affiliate_visitor_hash: VISITOR_HASH })
      })

      it("400 when neither or both are given, 404 for unknown cart, code or click", async () => {
        await createAffiliate(getContainer(), "ALICE")
        await createAffiliate(getContainer(), "SLEEPY", { status: "suspended" })
        const cart = await createCart({ keep: 1 })
        await expectError(api.post(`/store/carts/${cart.id}/affiliate`, {}, { headers }), 400, /code|click_id/)
        await expectError(
          api.post(`/store/carts/${cart.id}/affiliate`, { code: "ALICE", click_id: "afclk_1" }, { headers }),
          400,
          /code|click_id/
        )
        await expectError(api.post(`/store/carts/${cart.id}/affiliate`, { code: 7 }, { headers }), 400, /code/)
        await expectError(api.post(`/store/carts/cart_missing/affiliate`, { code: "ALICE" }, { headers }), 404)
        await expectError(api.post(`/store/carts/${cart.id}/affiliate`, { code: "NOBODY" }, { headers }), 404, /NOBODY/)
        await expectError(api.post(`/store/carts/${cart.id}/affiliate`, { code: "SLEEPY" }, { headers }), 404)
        await expectError(api.post(`/store/carts/${cart.id}/affiliate`, { click_id: "afclk_missing" }, { headers }), 404)
        const { data } = await api.get(`/store/carts/${cart.id}`, { headers })
        expect(data.cart.metadata).toEqual({ keep: 1 })
      })
    })
  },
})
