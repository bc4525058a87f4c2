import { medusaIntegrationTestRunner } from "@medusajs/test-utils"
import { config as reconcileJobConfig } from "../../src/jobs/reconcile-orders"
import { affiliateService, createAffiliate, ledgerOf, linkPromotion, receiptOf } from "../fixtures/affiliates"
import { adminHeaders } from "../fixtures/auth"
import { expectError } from "../fixtures/http"
import { unscheduleJob } from "../fixtures/jobs"
import { createPromotion, placeOrder, seedStore, TestStore } from "../fixtures/store"

jest.setTimeout(240_000)

const LEAKS = "/admin/affiliate-reports/promotion-codes"

/**
 * Coupon-leak binding (issue 11, item 3): under a program's `code_binding`, an affiliate's
 * promotion code used without that affiliate's traffic on the cart credits nobody
 * (`no_credit`) or is held for review (`review`); the per-code leak report counts such
 * orders. Real orders through completeCartWorkflow, the referral attached through the store
 * route as a storefront does.
 */
medusaIntegrationTestRunner({
  testSuite: ({ api, getContainer }) => {
    let store: TestStore
    let headers: Record<string, string>
    const c = () => getContainer()
    const service = () => affiliateService(c())

    const boundAffiliate = async (code: string, code_binding: "no_credit" | "review") => {
      const program = await service().createAffiliatePrograms({
        name: `${code} bound`,
        commission_value: 10,
        risk_rules: { code_binding },
      } as any)
      const affiliate = await createAffiliate(c(), code, { program_id: program.id })
      await linkPromotion(c(), affiliate.id, (await createPromotion(c(), `${code}10`)).id)
      return affiliate
    }
    /** An order with the code; with `viaLink` the cart first got the affiliate's click through the store route, from a device. */
    const order = async (code: string, email: string, viaLink?: { device: string }) => {
      const click = viaLink ? (await service().recordClick({ code, session_id: email }))!.click : null
      const orderId = await placeOrder(c(), store, {
        items: [{ variant_id: store.products.shirt.variant_id, quantity: 1 }],
        promo_codes: [`${code}10`],
        email,
        beforeComplete: click
          ? (cartId) =>
              api.post(
                `/store/carts/${cartId}/affiliate`,
                { click_id: click.id },
                { headers: { "x-publishable-api-key": store.publishableKey, "user-agent": viaLink!.device } }
              )
          : undefined,
      })
      return { orderId, receipt: await receiptOf(c(), orderId) }
    }

    beforeAll(async () => {
      await unscheduleJob(reconcileJobConfig)
    })

    beforeEach(async () => {
      store = await seedStore(c())
      headers = (await adminHeaders(c())).headers
    })

    it("no_credit: a code without the affiliate's click credits nobody and the receipt says why; with the click it credits", async () => {
      const bound = await boundAffiliate("BOUND", "no_credit")

      const leaked = await order("BOUND", "deal-hunter@example.org")
      expect(leaked.receipt).toEqual(
        expect.objectContaining({
          outcome: "code_without_click",
          affiliate_id: null,
          reason: "promotion code BOUND10 was used without BOUND's referral on the cart (code binding: no_credit)",
        })
      )
      expect(leaked.receipt.candidates).toEqual([
        expect.objectContaining({ source: "code", affiliate_id: bound.id, reference: "BOUND10", won: false }),
      ])
      expect(await ledgerOf(c(), leaked.orderId)).toEqual([])

      const fan = await order("BOUND", "fan@example.org", { device: "FanPhone/2.0" })
      expect(fan.receipt).toEqual(expect.objectContaining({ outcome: "credited", source: "code", affiliate_id: bound.id }))
      expect(await ledgerOf(c(), fan.orderId)).toEqual([expect.objectContaining({ type: "sale", affiliate_id: bound.id })])

      // The leak report: 2 orders with the code, 1 without a click, 1 device known.
      const { data } = await api.get(`${LEAKS}?code=bound10`, { headers })
      expect(data.promotion_codes).toEqual([
        { code: "BOUND10", affiliate_id: bound.id, orders: 2, orders_without_click: 1, share_without_click: "50", visitors: 1 },
      ])
      // Filtered to another affiliate it is empty; a bad limit is a 400 naming it.
      const other = await createAffiliate(c(), "OTHER")
      expect((await api.get(`${LEAKS}?affiliate_id=${other.id}`, { headers })).data.promotion_codes).toEqual([])
      await expectError(api.get(`${LEAKS}?limit=0`, { headers }), 400, /limit/)
    })

    it("review: a code without the affiliate's click is credited and held for review; the report counts it", async () => {
      const watched = await boundAffiliate("WATCHED", "review")
      const leaked = await order("WATCHED", "coupon-site@example.org")
      expect(leaked.receipt).toEqual(expect.objectContaining({ outcome: "credited", affiliate_id: watched.id }))
      expect(leaked.receipt.risk.review).toEqual({ because: ["code_without_click"] })
      const [sale] = await ledgerOf(c(), leaked.orderId)
      const [review] = await service().listAffiliateCommissionReviews({ commission_id: sale.id })
      expect(review).toEqual(expect.objectContaining({ status: "required", because: ["code_without_click"] }))

      const fan = await order("WATCHED", "reader@example.org", { device: "ReaderTablet/1.0" })
      expect(fan.receipt.risk.review).toBeNull()
      expect(await service().listAffiliateCommissionReviews({ order_id: fan.orderId })).toEqual([])

      const { data } = await api.get(`${LEAKS}?affiliate_id=${watched.id}`, { headers })
      expect(data.promotion_codes).toEqual([expect.objectContaining({ code: "WATCHED10", orders: 2, orders_without_click: 1 })])
    })
  },
})
