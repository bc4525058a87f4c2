import { medusaIntegrationTestRunner } from "@medusajs/test-utils"
import { ContainerRegistrationKeys } from "@medusajs/framework/utils"
import { createAffiliate, eventually, ledgerOf, receiptOf } from "../fixtures/affiliates"
import { moneyFingerprint, placeCreditedOrder } from "../fixtures/credited-order"
import { claimItems, exchangeItems, receiveReturn, refund, returnItems, seedStore, TestStore } from "../fixtures/store"

jest.setTimeout(180_000)

/*
 * Claims and exchanges take goods back and send others in their place. Commission follows
 * the money the customer kept paying: goods sent in place of returned ones keep the
 * returned units' commission, in proportion to their price (domain/replacement.ts); a refund
 * claim sends nothing, so its units are reversed as a return's are.
 *
 * Each order: 2 shirts (100) and a mug (50) + shipping 10, paid 260, sale 25 (10 % of 250).
 */
medusaIntegrationTestRunner({
  testSuite: ({ getContainer }) => {
    let store: TestStore
    const c = () => getContainer()
    const entries = async (orderId: string) => (await ledgerOf(c(), orderId)).map((e) => [e.type, e.amount])
    const net = async (orderId: string) => (await ledgerOf(c(), orderId)).reduce((sum, e) => sum + e.amount, 0)
    /** The ledger once the subscribers have followed the order's money state to `count` entries. */
    const ledgerWith = (orderId: string, count: number) =>
      eventually(async () => {
        const l = await entries(orderId)
        return l.length === count ? l : null
      })
    /** The ledger once the subscribers have followed the order's money state as it is now (booking nothing, where the test says so). */
    const settled = async (orderId: string) => {
      await eventually(async () => (await receiptOf(c(), orderId)).money_fingerprint === (await moneyFingerprint(c(), orderId)))
      return entries(orderId)
    }
    const credited = () => placeCreditedOrder(c(), store)

    beforeEach(async () => {
      store = await seedStore(c())
      await createAffiliate(c(), "ALICE")
    })

    it("a replacement claim whose claimed shirt comes back keeps the whole commission: the customer paid for a shirt and has one", async () => {
      const { orderId, shirtLine } = await credited()
      await claimItems(c(), orderId, [{ id: shirtLine, quantity: 1 }], {
        newItems: [{ variant_id: store.products.shirt.variant_id, quantity: 1 }],
        receive: true,
      })
      expect(await settled(orderId)).toEqual([["sale", 25]])
    })

    it("a shirt exchanged for a mug keeps the mug's share (half): the order nets 20, and the refunded difference reverses nothing more", async () => {
      const { orderId, shirtLine } = await credited()
      await exchangeItems(c(), orderId, [{ id: shirtLine, quantity: 1 }], [{ variant_id: store.products.mug.variant_id, quantity: 1 }], {
        receive: true,
      })
      expect(await ledgerWith(orderId, 2)).toEqual([["sale", 25], ["reversal", -5]])
      // Medusa owes the customer the 50 difference; refunding it is explained by the exchange.
      await refund(c(), orderId, 50)
      expect(await settled(orderId)).toEqual([["sale", 25], ["reversal", -5]])
    })

    it("the mug sent in an exchange, returned in turn, takes its share with it: the order nets 15", async () => {
      const { orderId, shirtLine } = await credited()
      await exchangeItems(c(), orderId, [{ id: shirtLine, quantity: 1 }], [{ variant_id: store.products.mug.variant_id, quantity: 1 }], {
        receive: true,
      })
      await ledgerWith(orderId, 2)
      const { data: [order] } = await c().resolve(ContainerRegistrationKeys.QUERY).graph({
        entity: "order",
        fields: ["returns.exchange.additional_items.item_id"],
        filters: { id: orderId },
      })
      const mugSent = order.returns.find((r: any) => r.exchange)!.exchange.additional_items[0].item_id
      await returnItems(c(), orderId, [{ id: mugSent, quantity: 1 }])
      expect(await ledgerWith(orderId, 3)).toEqual([["sale", 25], ["reversal", -5], ["reversal", -5]])
      expect(await net(orderId)).toBe(15)
    })

    it("a refund claim refunded before the shirt is back reverses in proportion, and settles at the shirt's 10 once it arrives", async () => {
      const { orderId, shirtLine } = await credited()
      const { returnId } = await claimItems(c(), orderId, [{ id: shirtLine, quantity: 1 }], { type: "refund" })
      // Claimed, not back, nothing refunded: nothing moved.
      expect(await settled(orderId)).toEqual([["sale", 25]])
      // Refunded first: 100 of the 260 paid, not explained by any received return yet.
      await refund(c(), orderId, 100)
      expect(await ledgerWith(orderId, 2)).toEqual([["sale", 25], ["reversal", -9.62]])
      // The shirt arrives: the refund is explained by it, the net is what a return gives.
      await receiveReturn(c(), returnId, [{ id: shirtLine, quantity: 1 }])
      expect(await ledgerWith(orderId, 3)).toEqual([["sale", 25], ["reversal", -9.62], ["reversal", -0.38]])
      expect(await net(orderId)).toBeCloseTo(15, 10)
    })
  },
})
