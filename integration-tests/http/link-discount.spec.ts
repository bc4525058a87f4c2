import Medusa from "@medusajs/js-sdk"
import { medusaIntegrationTestRunner } from "@medusajs/test-utils"
import { MathBN } from "@medusajs/framework/utils"
import { capturePaymentWorkflow } from "@medusajs/medusa/core-flows"
import { affiliateStorefront, attachReferral, trackReferral } from "../../src/storefront"
import { createAffiliate, eventually, ledgerOf, receiptOf } from "../fixtures/affiliates"
import { adminHeaders } from "../fixtures/auth"
import { expectError } from "../fixtures/http"
import { createPromotion, orderPayment, refund, seedStore, TestStore } from "../fixtures/store"
import { checkOutWithSdk, storefrontSdk } from "../fixtures/js-sdk"

jest.setTimeout(180_000)

const STOREFRONT = "http://localhost:8000"

medusaIntegrationTestRunner({
  testSuite: ({ api, getContainer }) => {
    const c = () => getContainer()
    let store: TestStore
    let admin: Record<string, string>

    const sdk = () => storefrontSdk(api.defaults.baseURL as string, store.publishableKey)

    /** An active affiliate whose promotion `code` (10 % off the order) is their link discount. */
    const affiliateWithLinkDiscount = async (code: string) => {
      const affiliate = await createAffiliate(c(), code)
      const promotion = await createPromotion(c(), `${code}10`)
      const { data } = await api.post(`/admin/affiliates/${affiliate.id}/promotions`, { add: [promotion.id], link_promotion_id: promotion.id }, { headers: admin })
      expect(data.affiliate).toEqual(expect.objectContaining({ id: affiliate.id, link_promotion_id: promotion.id }))
      return { affiliate, promotion }
    }

    const cartPromotions = async (medusa: Medusa, cartId: string) => {
      const { cart } = await medusa.store.cart.retrieve(cartId, { fields: "id,discount_total,total,*promotions" })
      return { codes: (cart.promotions ?? []).map((p: any) => p.code), discount: Number(cart.discount_total) }
    }

    beforeEach(async () => {
      store = await seedStore(c())
      admin = (await adminHeaders(c())).headers
    })

    it("a visitor through the link gets the discount by itself, the order credits the link once, and a refund reverses it", async () => {
      const { affiliate } = await affiliateWithLinkDiscount("LINDA")
      const shopper = sdk()
      const storefront = affiliateStorefront(shopper)
      expect((await storefront.retrieve("linda")).affiliate.link_discount_code).toBe("LINDA10")

      const cookies: Record<string, string> = {}
      const landing = await trackReferral(storefront, { url: `${STOREFRONT}/?ref=LINDA`, cookies }, { secure: false })
      for (const k of landing.cookies) cookies[k.name] = k.value

      // At cart creation (empty: Medusa keeps no promotion there), then after the first item.
      const { cart } = await shopper.store.cart.create({ region_id: store.region.id, email: "linda-fan@kit.test" })
      const first = await attachReferral(storefront, cart.id, cookies)
      expect(first!.cart.metadata).toEqual(expect.objectContaining({ affiliate_code: "LINDA", affiliate_link_promotion_code: "LINDA10" }))
      expect(await cartPromotions(shopper, cart.id)).toEqual({ codes: [], discount: 0 })
      await shopper.store.cart.createLineItem(cart.id, { variant_id: store.products.shirt.variant_id, quantity: 1 })
      await attachReferral(storefront, cart.id, cookies)
      expect(await cartPromotions(shopper, cart.id)).toEqual({ codes: ["LINDA10"], discount: 10 })
      // A second item keeps it (Medusa refreshes the cart's promotions).
      await shopper.store.cart.createLineItem(cart.id, { variant_id: store.products.mug.variant_id, quantity: 1 })
      expect(await cartPromotions(shopper, cart.id)).toEqual({ codes: ["LINDA10"], discount: 15 })

      const orderId = await checkOutWithSdk(shopper, cart.id, store.shippingOption.id)

      // One candidate: the link with its discount; one sale on the discounted items.
      const receipt = await receiptOf(c(), orderId)
      expect(receipt).toEqual(expect.objectContaining({ outcome: "credited", affiliate_id: affiliate.id, source: "link" }))
      expect(receipt.candidates).toEqual([
        expect.objectContaining({
          source: "link",
          reference: landing.referral!.click_id,
          promotion_code: "LINDA10",
          won: true,
          reason: "the cart carried a referral of LINDA, which applied their link discount LINDA10",
        }),
      ])
      const sales = (await ledgerOf(c(), orderId)).filter((e: any) => e.type === "sale")
      expect(sales.map((e: any) => [MathBN.convert(e.base_amount).toNumber(), MathBN.convert(e.amount).toNumber()])).toEqual([[135, 13.5]])

      // The whole payment refunded: the sale is reversed, net zero.
      const payment = await orderPayment(c(), orderId)
      await capturePaymentWorkflow(c()).run({ input: { payment_id: payment.id } })
      await refund(c(), orderId, 145)
      const ledger = await eventually(async () => {
        const entries = await ledgerOf(c(), orderId)
        return entries.some((e: any) => e.type === "reversal") && entries
      })
      expect(ledger.filter((e: any) => e.type === "sale")).toHaveLength(1)
      expect(MathBN.convert(ledger.reduce((sum: any, e: any) => MathBN.add(sum, e.amount), 0)).toNumber()).toBe(0)
    })

    it("a referral of another affiliate takes the replaced link discount off the cart", async () => {
      await affiliateWithLinkDiscount("LINDA")
      await createAffiliate(c(), "OTTO")
      const shopper = sdk()
      const storefront = affiliateStorefront(shopper)
      const { cart } = await shopper.store.cart.create({ region_id: store.region.id, email: "switch@kit.test" })
      await shopper.store.cart.createLineItem(cart.id, { variant_id: store.products.shirt.variant_id, quantity: 1 })
      await storefront.attachToCart(cart.id, { code: "LINDA" })
      expect((await cartPromotions(shopper, cart.id)).codes).toEqual(["LINDA10"])

      const { cart: switched } = await storefront.attachToCart(cart.id, { code: "OTTO" })
      expect(switched.metadata).toEqual(expect.objectContaining({ affiliate_code: "OTTO" }))
      expect(switched.metadata).not.toHaveProperty("affiliate_link_promotion_code")
      expect(await cartPromotions(shopper, cart.id)).toEqual({ codes: [], discount: 0 })
    })

    it("the link discount is one of the affiliate's promotions: anything else is a 400 naming it, and unlinking clears it", async () => {
      const { affiliate, promotion } = await affiliateWithLinkDiscount("LINDA")
      const other = await createPromotion(c(), "FOREIGN10")
      const path = `/admin/affiliates/${affiliate.id}/promotions`
      await expectError(api.post(path, { link_promotion_id: other.id }, { headers: admin }), 400, /link_promotion_id: FOREIGN10 is not one of the affiliate's promotions/)
      await expectError(api.post(path, { link_promotion_id: "promo_unknown" }, { headers: admin }), 404, /promo_unknown/)
      await expectError(api.post(path, { remove: [promotion.id], link_promotion_id: promotion.id }, { headers: admin }), 400, /link_promotion_id/)
      expect((await api.get(`/admin/affiliates/${affiliate.id}`, { headers: admin })).data.affiliate.link_promotion_id).toBe(promotion.id)

      // Adding and choosing in one request, then clearing by unlinking.
      const { data: chosen } = await api.post(path, { add: [other.id], link_promotion_id: other.id }, { headers: admin })
      expect(chosen.affiliate.link_promotion_id).toBe(other.id)
      const { data: cleared } = await api.post(path, { remove: [other.id] }, { headers: admin })
      expect(cleared.affiliate.link_promotion_id).toBeNull()
      const { data: none } = await api.post(path, { link_promotion_id: null }, { headers: admin })
      expect(none.affiliate).toEqual(expect.objectContaining({ link_promotion_id: null, promotions: [expect.objectContaining({ id: promotion.id })] }))
    })
  },
})
