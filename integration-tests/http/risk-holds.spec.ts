import { medusaIntegrationTestRunner } from "@medusajs/test-utils"
import { config as releaseJobConfig } from "../../src/jobs/release-commissions"
import { config as reconcileJobConfig } from "../../src/jobs/reconcile-orders"
import { affiliateService, createAffiliate, eventually, ledgerOf, linkPromotion, receiptOf } from "../fixtures/affiliates"
import { unscheduleJob } from "../fixtures/jobs"
import { createPromotion, placeOrder, refund, seedStore, TestStore } from "../fixtures/store"

jest.setTimeout(240_000)

const DAY = 86_400_000

/**
 * Risk-based holds (issue 11, item 4): program rules lengthen a credited sale's hold for new
 * affiliates, affiliates with many refunds and large orders. Real orders through
 * completeCartWorkflow; the hold and why are on the entry and the receipt; the release job
 * releases each entry when its own hold ends, not before.
 */
medusaIntegrationTestRunner({
  testSuite: ({ getContainer }) => {
    let store: TestStore
    const c = () => getContainer()
    const service = () => affiliateService(c())
    const shirt = (quantity = 1) => ({ variant_id: store.products.shirt.variant_id, quantity })

    /** An affiliate on a program with a 10-day hold and `risk_rules`, credited through code <code>10. */
    const affiliateOn = async (code: string, risk_rules: Record<string, unknown>) => {
      const program = await service().createAffiliatePrograms({ name: `${code} terms`, commission_value: 10, hold_days: 10, risk_rules } as any)
      const affiliate = await createAffiliate(c(), code, { program_id: program.id })
      await linkPromotion(c(), affiliate.id, (await createPromotion(c(), `${code}10`)).id)
      return affiliate
    }
    /** Places an order with the code and waits for its sale; each affiliate's buyers are their own. */
    const creditedOrder = async (code: string, quantity = 1, capture = false) => {
      const email = `${code.toLowerCase()}-buyer@example.com`
      const orderId = await placeOrder(c(), store, { items: [shirt(quantity)], promo_codes: [`${code}10`], capture, email })
      const receipt = await receiptOf(c(), orderId)
      expect(receipt.outcome).toBe("credited")
      const [sale] = await ledgerOf(c(), orderId)
      return { orderId, receipt, sale }
    }
    const heldDays = (sale: { available_at: Date | string | null }, receipt: { created_at: Date | string }) =>
      Math.round((new Date(sale.available_at!).getTime() - new Date(receipt.created_at).getTime()) / DAY)
    const statusOf = async (id: string) => (await service().retrieveAffiliateCommission(id)).status

    beforeAll(async () => {
      await unscheduleJob(reconcileJobConfig)
      await unscheduleJob(releaseJobConfig)
    })

    beforeEach(async () => {
      store = await seedStore(c())
    })

    it("a new affiliate's first 2 credited orders are held 40 days, the third 10; each is released when its own hold ends", async () => {
      await affiliateOn("NEWBIE", { holds: { new_affiliate: { first_orders: 2, hold_days: 40 } } })
      const first = await creditedOrder("NEWBIE")
      const second = await creditedOrder("NEWBIE")
      const third = await creditedOrder("NEWBIE")

      const lengthened = { hold_days: 40, reasons: [{ rule: "program", hold_days: 10 }, { rule: "new_affiliate", hold_days: 40 }] }
      for (const { sale, receipt } of [first, second]) {
        expect(heldDays(sale, receipt)).toBe(40)
        expect(sale.hold).toEqual(lengthened)
        expect(receipt.risk.hold).toEqual(lengthened)
      }
      expect(heldDays(third.sale, third.receipt)).toBe(10)
      expect(third.sale.hold).toEqual({ hold_days: 10, reasons: [{ rule: "program", hold_days: 10 }] })

      // Day 11: only the third is due. Day 39: still only it. Day 41: the first two.
      const placed = new Date(first.receipt.created_at).getTime()
      expect((await service().releaseDueCommissions({ now: new Date(placed + 11 * DAY) })).released).toBe(1)
      expect(await statusOf(third.sale.id)).toBe("available")
      expect(await statusOf(first.sale.id)).toBe("pending")
      expect((await service().releaseDueCommissions({ now: new Date(placed + 39 * DAY) })).released).toBe(0)
      expect((await service().releaseDueCommissions({ now: new Date(placed + 41 * DAY) })).released).toBe(2)
      expect([await statusOf(first.sale.id), await statusOf(second.sale.id)]).toEqual(["available", "available"])
    })

    it("an order over the amount in its currency is held longer; a smaller one, or one of another program, is not", async () => {
      await affiliateOn("BIGTICKET", { holds: { order_over: [{ currency_code: "usd", amount: 250, hold_days: 60 }] } })
      const big = await creditedOrder("BIGTICKET", 3)
      const small = await creditedOrder("BIGTICKET", 2)
      // 3 shirts at 100, 10 % off: 270 > 250.
      expect(big.sale.hold).toEqual({ hold_days: 60, reasons: [{ rule: "program", hold_days: 10 }, { rule: "order_over", hold_days: 60 }] })
      expect(heldDays(big.sale, big.receipt)).toBe(60)
      expect(heldDays(small.sale, small.receipt)).toBe(10)

      const plain = await createAffiliate(c(), "PLAIN")
      await linkPromotion(c(), plain.id, (await createPromotion(c(), "PLAIN10")).id)
      const other = await creditedOrder("PLAIN", 3)
      expect(other.sale.hold).toEqual({ hold_days: 30, reasons: [{ rule: "program", hold_days: 30 }] })
    })

    it("an affiliate whose 90-day refund rate is over the limit has new sales held longer; a refund of a held sale waits with it", async () => {
      await affiliateOn("REFUNDS", {
        refund_rate: { min_orders: 3 },
        holds: { refund_rate: { over_percent: 50, hold_days: 90 }, new_affiliate: null },
      })
      const orders = [await creditedOrder("REFUNDS", 1, true), await creditedOrder("REFUNDS", 1, true), await creditedOrder("REFUNDS", 1, true)]
      for (const o of orders) {
        expect(o.sale.hold?.hold_days).toBe(10)
      }
      // 1 of 3 refunded: 33 %, not over 50.
      await refund(c(), orders[0].orderId, 50)
      await eventually(async () => (await ledgerOf(c(), orders[0].orderId)).length === 2)
      expect((await creditedOrder("REFUNDS")).sale.hold?.hold_days).toBe(10)

      // 2 of 4 refunded: 50 %, not over. 3 of 5: 60 %, over: the next sale is held 90 days.
      await refund(c(), orders[1].orderId, 50)
      await eventually(async () => (await ledgerOf(c(), orders[1].orderId)).length === 2)
      const atFifty = await creditedOrder("REFUNDS")
      expect(atFifty.sale.hold?.hold_days).toBe(10)
      await refund(c(), orders[2].orderId, 90)
      await eventually(async () => (await ledgerOf(c(), orders[2].orderId)).length === 2)
      const risky = await creditedOrder("REFUNDS", 1, true)
      expect(risky.sale.hold).toEqual({ hold_days: 90, reasons: [{ rule: "program", hold_days: 10 }, { rule: "refund_rate", hold_days: 90 }] })
      expect(risky.receipt.risk.hold).toEqual(risky.sale.hold)

      // Its refund is booked pending until the same day as the sale: both leave the hold together.
      await refund(c(), risky.orderId, 90)
      const [, reversal] = await eventually(async () => {
        const ledger = await ledgerOf(c(), risky.orderId)
        return ledger.length === 2 ? ledger : null
      })
      expect(reversal).toEqual(expect.objectContaining({ type: "reversal", status: "pending", hold: null }))
      expect(new Date(reversal.available_at!).getTime()).toBe(new Date(risky.sale.available_at!).getTime())
    })
  },
})
