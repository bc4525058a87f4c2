// This suite's app has @medusajs/loyalty-plugin (medusa-config.ts reads the flag when the
// runner loads it); set before anything loads the config.
process.env.AFFILIATE_TEST_LOYALTY = "true"

import { medusaIntegrationTestRunner } from "@medusajs/test-utils"
import { MathBN } from "@medusajs/framework/utils"
import { capturePaymentWorkflow } from "@medusajs/medusa/core-flows"
import { creditAccountsWorkflow } from "@medusajs/loyalty-plugin/workflows"
import { affiliateStorefront } from "../../src/storefront"
import { affiliateService, eventually, ledgerOf, receiptOf } from "../fixtures/affiliates"
import { adminHeaders } from "../fixtures/auth"
import { checkOutWithSdk, storefrontSdk } from "../fixtures/js-sdk"
import { createPromotion, orderPayment, refund, seedStore, TestStore } from "../fixtures/store"

jest.setTimeout(240_000)

const DAY = 86_400_000

medusaIntegrationTestRunner({
  testSuite: ({ api, getContainer }) => {
    const c = () => getContainer()
    let store: TestStore
    let admin: Record<string, string>

    afterAll(() => {
      delete process.env.AFFILIATE_TEST_LOYALTY
    })

    const sdk = () => storefrontSdk(api.defaults.baseURL as string, store.publishableKey)

    const storeCredit = () => c().resolve("store_credit") as any
    /** The store-credit transactions that pay `payoutId`. */
    const creditsOf = async (payoutId: string) => await storeCredit().listAccountTransactions({ reference: "affiliate_payout", reference_id: payoutId })
    const balanceOf = async (customerId: string) => {
      const [account] = await storeCredit().listStoreCreditAccounts({ customer_id: customerId, currency_code: "usd" })
      return account ? Number(account.balance) : null
    }

    /** A registered, logged-in customer of the storefront. */
    const customerSdk = async (email: string) => {
      const medusa = sdk()
      await medusa.auth.register("customer", "emailpass", { email, password: "friend-secret" })
      const { customer } = await medusa.store.customer.create({ email, first_name: "Ria", last_name: "Ferrer" })
      await medusa.auth.login("customer", "emailpass", { email, password: "friend-secret" })
      return { medusa, customer }
    }

    beforeEach(async () => {
      store = await seedStore(c())
      admin = (await adminHeaders(c())).headers
    })

    it("refer a friend: a customer's code, the friend's discount, the reward paid once as store credit, clawed back on refund", async () => {
      const friendDiscount = await createPromotion(c(), "FRIEND10")
      const { data: created } = await api.post(
        "/admin/affiliate-programs",
        { name: "Refer a friend", kind: "customer", payout_method: "store_credit", commission_type: "flat", commission_value: 5, hold_days: 14, link_promotion_id: friendDiscount.id },
        { headers: admin }
      )
      expect(created.affiliate_program).toEqual(expect.objectContaining({ kind: "customer", payout_method: "store_credit", link_promotion_id: friendDiscount.id }))

      // Any customer gets a personal code from the portal, once.
      const referrer = await customerSdk("ria@friends.test")
      const portal = affiliateStorefront(referrer.medusa).portal
      const { affiliate } = await portal.referralCode()
      expect(affiliate).toEqual(
        expect.objectContaining({ code: "RIAFERRER", status: "active", customer_id: referrer.customer.id, program: expect.objectContaining({ kind: "customer", payout_method: "store_credit" }) })
      )
      expect((await portal.referralCode()).affiliate.id).toBe(affiliate.id)

      // The friend's cart carries the code and gets the program's friend discount by itself.
      const friend = sdk()
      const friendKit = affiliateStorefront(friend)
      const { cart } = await friend.store.cart.create({ region_id: store.region.id, email: "friend@friends.test" })
      await friend.store.cart.createLineItem(cart.id, { variant_id: store.products.shirt.variant_id, quantity: 1 })
      await friendKit.attachToCart(cart.id, { code: affiliate.code })
      const { cart: discounted } = await friend.store.cart.retrieve(cart.id, { fields: "*promotions,discount_total" })
      expect(discounted.promotions?.map((p: any) => p.code)).toEqual(["FRIEND10"])
      expect(Number(discounted.discount_total)).toBe(10)
      const orderId = await checkOutWithSdk(friend, cart.id, store.shippingOption.id)

      const receipt = await receiptOf(c(), orderId)
      expect(receipt).toEqual(expect.objectContaining({ outcome: "credited", affiliate_id: affiliate.id, source: "link" }))
      expect(receipt.candidates).toEqual([expect.objectContaining({ source: "link", reference: affiliate.code, promotion_code: "FRIEND10", won: true })])

      // The same hold as any sale, then a payout in store credit.
      await affiliateService(c()).releaseDueCommissions({ now: new Date(Date.now() + 15 * DAY) })
      const { payout } = await portal.requestPayout({ currency_code: "usd" })
      expect(payout).toEqual(expect.objectContaining({ amount: 5, method: "store_credit", status: "requested" }))
      expect(await balanceOf(referrer.customer.id)).toBeNull()

      // Two admins mark it paid at once, then a third time: one credit.
      const settle = () => api.post(`/admin/affiliate-payouts/${payout.id}/paid`, {}, { headers: admin, validateStatus: () => true })
      const statuses = (await Promise.all([settle(), settle()])).map((r) => r.status).sort()
      expect(statuses[0]).toBe(200)
      expect(statuses[1]).toBeGreaterThanOrEqual(400)
      expect((await settle()).status).toBe(400)
      const credits = await creditsOf(payout.id)
      expect(credits).toHaveLength(1)
      expect(Number(credits[0].amount)).toBe(5)
      expect(await balanceOf(referrer.customer.id)).toBe(5)
      const { data: paid } = await api.get(`/admin/affiliate-payouts/${payout.id}`, { headers: admin })
      expect(paid.affiliate_payout).toEqual(expect.objectContaining({ status: "paid", reference: credits[0].id }))

      // The friend's order refunded after the payout: clawed back, as any sale.
      await capturePaymentWorkflow(c()).run({ input: { payment_id: (await orderPayment(c(), orderId)).id } })
      await refund(c(), orderId, 100)
      const ledger = await eventually(async () => {
        const entries = await ledgerOf(c(), orderId)
        return entries.some((e: any) => e.type === "clawback") && entries
      })
      expect(MathBN.convert(ledger.reduce((sum: any, e: any) => MathBN.add(sum, e.amount), 0)).toNumber()).toBe(0)
    })

    it("a settlement that crashed after crediting is retried without crediting again", async () => {
      const { data } = await api.post("/admin/affiliate-programs", { name: "Refer a friend", kind: "customer", payout_method: "store_credit", commission_value: 10 }, { headers: admin })
      const referrer = await customerSdk("crash@friends.test")
      const { affiliate } = await affiliateStorefront(referrer.medusa).portal.referralCode({ code: "crashy" })
      expect(affiliate).toEqual(expect.objectContaining({ code: "CRASHY", program_id: data.affiliate_program.id }))
      await affiliateService(c()).appendLedgerEntries([
        { affiliate_id: affiliate.id, type: "sale", status: "available", amount: 12, currency_code: "usd", order_id: "order_crash", idempotency_key: "sale:order_crash" } as any,
      ])
      const { payout } = await affiliateStorefront(referrer.medusa).portal.requestPayout({ currency_code: "usd" })

      // What a run that died between the credit and the settlement leaves behind.
      const [account] = await storeCredit().createStoreCreditAccounts([{ customer_id: referrer.customer.id, currency_code: "usd" }])
      await creditAccountsWorkflow(c()).run({ input: [{ account_id: account.id, amount: 12, reference: "affiliate_payout", reference_id: payout.id }] })

      const { data: settled } = await api.post(`/admin/affiliate-payouts/${payout.id}/paid`, {}, { headers: admin })
      expect(settled.affiliate_payout.status).toBe("paid")
      expect(await creditsOf(payout.id)).toHaveLength(1)
      expect(await balanceOf(referrer.customer.id)).toBe(12)
    })
  },
})
