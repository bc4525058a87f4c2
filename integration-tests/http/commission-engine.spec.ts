import { medusaIntegrationTestRunner } from "@medusajs/test-utils"
import { ContainerRegistrationKeys, Modules } from "@medusajs/framework/utils"
import { cancelOrderWorkflow, refundPaymentWorkflow } from "@medusajs/medusa/core-flows"
import releaseCommissionsJob, { config as releaseJobConfig } from "../../src/jobs/release-commissions"
import reconcileOrdersJob, { config as reconcileJobConfig } from "../../src/jobs/reconcile-orders"
import { unscheduleJob } from "../fixtures/jobs"
import { recomputeOrderCommissionWorkflow } from "../../src/workflows/commissions/workflows/recompute-order-commission"
import { attributeOrderWorkflow } from "../../src/workflows/attribution/workflows/attribute-order"
import {
  affiliateService,
  createAffiliate,
  eventually,
  ledgerOf,
  linkPromotion,
  receiptOf,
} from "../fixtures/affiliates"
import {
  confirmOrderEdit,
  createCustomer,
  createPromotion,
  orderPayment,
  placeOrder,
  returnItems,
  seedStore,
  TestStore,
} from "../fixtures/store"
import { payOut } from "../fixtures/ledger"

jest.setTimeout(180_000)

const DAY = 86_400_000

medusaIntegrationTestRunner({
  testSuite: ({ getContainer, dbConnection }) => {
    let store: TestStore
    const c = () => getContainer()
    const service = () => affiliateService(c())
    const net = (entries: { amount: number }[]) => entries.reduce((sum, e) => sum + e.amount, 0)
    const shirt = (quantity = 1) => ({ variant_id: store.products.shirt.variant_id, quantity })
    const mug = (quantity = 1) => ({ variant_id: store.products.mug.variant_id, quantity })
    const hat = (quantity = 1) => ({ variant_id: store.products.hat.variant_id, quantity })
    /** Orders placed by a logged-in customer carry their account and email. */
    const as = (customer: { id: string; email: string }) => ({ customer_id: customer.id, email: customer.email })

    /** Affiliate ALICE on the default program (10 %, 30 hold days) with promotion code ALICE10 (10 % off). */
    const aliceWithCode = async (extra: Record<string, unknown> = {}) => {
      const alice = await createAffiliate(c(), "ALICE", extra)
      await linkPromotion(c(), alice.id, (await createPromotion(c(), "ALICE10")).id)
      return alice
    }

    beforeAll(async () => {
      // The jobs' tests count what one run books: a scheduled tick must not run in between.
      await unscheduleJob(reconcileJobConfig)
      await unscheduleJob(releaseJobConfig)
    })

    beforeEach(async () => {
      store = await seedStore(c())
    })

    describe("attribution of an order", () => {
      it("an affiliate promotion code credits the affiliate and binds the customer", async () => {
        const alice = await aliceWithCode()
        const buyer = await createCustomer(c(), "buyer@example.com")
        const orderId = await placeOrder(c(), store, { items: [shirt(2)], ...as(buyer), promo_codes: ["ALICE10"] })

        const receipt = await receiptOf(c(), orderId)
        expect(receipt).toEqual(expect.objectContaining({ outcome: "credited", source: "code", affiliate_id: alice.id }))
        const [sale] = await ledgerOf(c(), orderId)
        // 2 x 100, 10 % off -> base 180 without tax and shipping; 10 % of it.
        expect(sale).toEqual(
          expect.objectContaining({ type: "sale", status: "pending", amount: 18, base_amount: 180, rate: 10, currency_code: "usd" })
        )
        const placedAt = new Date(receipt.created_at).getTime()
        expect(Math.abs(new Date(sale.available_at!).getTime() - (placedAt + 30 * DAY))).toBeLessThan(60_000)

        const [attribution] = await service().listAffiliateAttributions({ customer_id: buyer.id })
        expect(attribution).toEqual(
          expect.objectContaining({ affiliate_id: alice.id, source: "code", promotion_code: "ALICE10", expires_at: null })
        )
      })

      it("a referral link on the cart credits the affiliate within the cookie window", async () => {
        const alice = await createAffiliate(c(), "ALICE")
        const { click } = (await service().recordClick({ code: "ALICE", session_id: "s1" }))!
        const orderId = await placeOrder(c(), store, {
          items: [mug()],
          metadata: { affiliate_code: "ALICE", affiliate_click_id: click.id },
        })
        const receipt = await receiptOf(c(), orderId)
        expect(receipt).toEqual(expect.objectContaining({ outcome: "credited", source: "link", affiliate_id: alice.id }))
        expect((await ledgerOf(c(), orderId))[0].amount).toBe(5)
      })

      it("a click outside the cookie window is not credited, and the receipt says why", async () => {
        await createAffiliate(c(), "ALICE")
        const { click } = (await service().recordClick({ code: "ALICE", session_id: "old" }))!
        await dbConnection.raw(`UPDATE affiliate_click SET created_at = now() - interval '31 days' WHERE id = ?`, [click.id])
        const orderId = await placeOrder(c(), store, { items: [mug()], metadata: { affiliate_click_id: click.id } })

        const receipt = await receiptOf(c(), orderId)
        expect(receipt.outcome).toBe("referral_expired")
        expect(receipt.candidates[0]).toEqual(
          expect.objectContaining({ source: "link", won: false, reason: expect.stringContaining("cookie window") })
        )
        expect(await ledgerOf(c(), orderId)).toEqual([])
      })

      it("a live attribution keeps the customer with their first affiliate (trailing)", async () => {
        const alice = await aliceWithCode()
        const bob = await createAffiliate(c(), "BOB")
        await linkPromotion(c(), bob.id, (await createPromotion(c(), "BOB10")).id)
        const buyer = await createCustomer(c(), "loyal@example.com")

        await receiptOf(c(), await placeOrder(c(), store, { items: [mug()], ...as(buyer), promo_codes: ["ALICE10"] }))
        const second = await placeOrder(c(), store, { items: [mug()], ...as(buyer), promo_codes: ["BOB10"] })
        const receipt = await receiptOf(c(), second)
        expect(receipt).toEqual(expect.objectContaining({ outcome: "credited", source: "attribution", affiliate_id: alice.id }))
        expect(receipt.candidates).toEqual(
          expect.arrayContaining([
            expect.objectContaining({ source: "code", affiliate_id: bob.id, won: false, reason: expect.stringContaining("ALICE") }),
          ])
        )
      })

      it("an expired attribution is replaced by the new referral", async () => {
        const alice = await createAffiliate(c(), "ALICE")
        const bob = await createAffiliate(c(), "BOB")
        const buyer = await createCustomer(c(), "returning@example.com")
        const old = await service().createAffiliateAttributions({
          customer_id: buyer.id,
          affiliate_id: alice.id,
          source: "link",
          expires_at: new Date(Date.now() - DAY),
        })
        const orderId = await placeOrder(c(), store, { items: [mug()], ...as(buyer), metadata: { affiliate_code: "BOB" } })

        const receipt = await receiptOf(c(), orderId)
        expect(receipt).toEqual(expect.objectContaining({ outcome: "credited", source: "link", affiliate_id: bob.id }))
        const live = await service().listAffiliateAttributions({ customer_id: buyer.id })
        expect(live).toEqual([expect.objectContaining({ affiliate_id: bob.id, source: "link" })])
        expect(live[0].id).not.toBe(old.id)
      })

      it("self-referral is refused, by customer account or by email", async () => {
        // The affiliate's account has another email than the affiliate profile.
        const owner = await createCustomer(c(), "owner@example.com")
        await aliceWithCode({ customer_id: owner.id })
        const byAccount = await placeOrder(c(), store, { items: [mug()], ...as(owner), promo_codes: ["ALICE10"] })
        const byEmail = await placeOrder(c(), store, { items: [mug()], email: "ALICE@affiliates.test", promo_codes: ["ALICE10"] })
        for (const orderId of [byAccount, byEmail]) {
          expect((await receiptOf(c(), orderId)).outcome).toBe("self_referral")
          expect(await ledgerOf(c(), orderId)).toEqual([])
        }
        expect(await service().listAffiliateAttributions({ customer_id: owner.id })).toEqual([])
      })

      it("an inactive affiliate earns nothing", async () => {
        await aliceWithCode({ status: "suspended" })
        const orderId = await placeOrder(c(), store, { items: [mug()], promo_codes: ["ALICE10"] })
        const receipt = await receiptOf(c(), orderId)
        expect(receipt).toEqual(expect.objectContaining({ outcome: "affiliate_inactive", affiliate_id: null }))
        expect(await ledgerOf(c(), orderId)).toEqual([])
      })

      it("an order without any referral gets a no_referral receipt", async () => {
        const orderId = await placeOrder(c(), store, { items: [mug()] })
        expect(await receiptOf(c(), orderId)).toEqual(
          expect.objectContaining({ outcome: "no_referral", affiliate_id: null, source: null, candidates: [] })
        )
      })
    })

    describe("commission terms", () => {
      it("a product rule pays its own rate, an excluded collection pays nothing", async () => {
        const program = await service().createAffiliatePrograms({ name: "Partners", commission_value: 10 })
        await service().createAffiliateProgramRules([
          { program_id: program.id, target_type: "product", target_id: store.products.shirt.id, commission_value: 20 },
          { program_id: program.id, target_type: "collection", target_id: store.collection.id, excluded: true },
        ])
        await createAffiliate(c(), "ALICE", { program_id: program.id })
        const orderId = await placeOrder(c(), store, { items: [shirt(), mug(), hat()], metadata: { affiliate_code: "ALICE" } })

        await receiptOf(c(), orderId)
        const [sale] = await ledgerOf(c(), orderId)
        // Shirt 100 at 20 % + mug 50 at 10 %; the hat's collection is excluded.
        expect(sale.amount).toBe(25)
        expect(sale.base_amount).toBe(150)
        expect(sale.rate).toBeNull()
        expect((sale.lines as any[]).map((l) => [l.terms, l.amount]).sort()).toEqual(
          [["excluded", "0"], ["product", "20"], ["program", "5"]].sort()
        )
      })

      it("an affiliate's own rate overrides the program's", async () => {
        await createAffiliate(c(), "ALICE", { commission_rate: 15 })
        const orderId = await placeOrder(c(), store, { items: [shirt()], metadata: { affiliate_code: "ALICE" } })
        await receiptOf(c(), orderId)
        expect((await ledgerOf(c(), orderId))[0]).toEqual(expect.objectContaining({ amount: 15, rate: 15 }))
      })

      it("a flat program pays its amount once per order", async () => {
        const program = await service().createAffiliatePrograms({ name: "Flat", commission_type: "flat", commission_value: 7.5 })
        await createAffiliate(c(), "ALICE", { program_id: program.id })
        const orderId = await placeOrder(c(), store, { items: [shirt(2), mug()], metadata: { affiliate_code: "ALICE" } })
        await receiptOf(c(), orderId)
        expect((await ledgerOf(c(), orderId))[0]).toEqual(expect.objectContaining({ amount: 7.5, rate: null }))
      })

      it("a first-order-only program credits only the customer's first order", async () => {
        const program = await service().createAffiliatePrograms({ name: "Welcome", commission_value: 10, first_order_only: true })
        await createAffiliate(c(), "ALICE", { program_id: program.id })
        const buyer = await createCustomer(c(), "new@example.com")
        const first = await placeOrder(c(), store, { items: [mug()], ...as(buyer), metadata: { affiliate_code: "ALICE" } })
        expect((await receiptOf(c(), first)).outcome).toBe("credited")
        const second = await placeOrder(c(), store, { items: [mug()], ...as(buyer) })
        expect((await receiptOf(c(), second)).outcome).toBe("not_first_order")
        expect(await ledgerOf(c(), second)).toEqual([])
      })
    })

    describe("commission follows the money", () => {
      const creditedOrder = async (items = [shirt(2)]) => {
        const alice = await createAffiliate(c(), "ALICE")
        const orderId = await placeOrder(c(), store, { items, metadata: { affiliate_code: "ALICE" }, capture: true })
        await receiptOf(c(), orderId)
        return { alice, orderId, payment: await orderPayment(c(), orderId) }
      }
      const refund = async (paymentId: string, amount: number) =>
        refundPaymentWorkflow(c()).run({ input: { payment_id: paymentId, amount } })
      // 2 shirts (200) + shipping (10): the commission base is 200, the paid total 210.
      const PAID = 210
      const ledgerSettles = async (orderId: string, count: number) =>
        eventually(async () => {
          const ledger = await ledgerOf(c(), orderId)
          return ledger.length === count ? ledger : null
        })

      it("a refund of 30 % of the paid total lowers net commission by 30 %", async () => {
        const { orderId, payment } = await creditedOrder()
        await refund(payment.id, 0.3 * PAID)
        const ledger = await ledgerSettles(orderId, 2)
        expect(ledger[1]).toEqual(
          expect.objectContaining({ type: "reversal", amount: -6, status: "pending", reference: "refund", reference_id: payment.id })
        )
        expect(ledger[1].available_at).toEqual(ledger[0].available_at)
        expect(net(ledger)).toBeCloseTo(14, 10)
      })

      it("two partial refunds and then the rest bring net commission to zero, never below", async () => {
        const { orderId, payment } = await creditedOrder()
        await refund(payment.id, 0.25 * PAID)
        await ledgerSettles(orderId, 2)
        await refund(payment.id, 0.25 * PAID)
        const ledger = await ledgerSettles(orderId, 3)
        expect(net(ledger)).toBeCloseTo(10, 10)
        await refund(payment.id, 0.5 * PAID)
        const full = await ledgerSettles(orderId, 4)
        expect(net(full)).toBeCloseTo(0, 10)
      })

      it("four concurrent refunds lower net commission by all four, whatever credit lines Medusa keeps", async () => {
        const { orderId, payment } = await creditedOrder()
        // 4 x 10 % of the paid total at once. Medusa refunds the payment each time, but the
        // credit line step of the racing ones fails ("an existing active order change"), so
        // the order keeps fewer credit lines than refunds, and emits fewer payment.refunded.
        await Promise.allSettled(Array.from({ length: 4 }, () => refund(payment.id, 0.1 * PAID)))
        const { data: [paid] } = await c().resolve(ContainerRegistrationKeys.QUERY).graph({
          entity: "payment",
          fields: ["refunds.amount"],
          filters: { id: payment.id },
        })
        const refunded = paid.refunds.reduce((sum: number, r: { amount: number }) => sum + r.amount, 0)
        expect(refunded).toBeCloseTo(4 * 0.1 * PAID, 10)
        // A replayed event and the reconcile job book what the payments show, once.
        await eventually(async () => (await ledgerOf(c(), orderId)).length >= 2)
        await recomputeOrderCommissionWorkflow(c()).run({ input: { order_id: orderId, cause: { type: "refund", id: payment.id } } })
        await reconcileOrdersJob(c())
        expect(net(await ledgerOf(c(), orderId))).toBeCloseTo(12, 10) // 20 x (1 - 84 / 210)
        expect((await reconcileOrdersJob(c())).corrections).toBe(0)
      })

      /** Shirt at a 20 % product rule, mug at the program's 10 %. */
      const twoRates = async () => {
        const program = await service().createAffiliatePrograms({ name: "Mixed", commission_value: 10 })
        await service().createAffiliateProgramRules({
          program_id: program.id,
          target_type: "product",
          target_id: store.products.shirt.id,
          commission_value: 20,
        })
        await createAffiliate(c(), "ALICE", { program_id: program.id })
        const orderId = await placeOrder(c(), store, { items: [shirt(), mug()], metadata: { affiliate_code: "ALICE" }, capture: true })
        await receiptOf(c(), orderId)
        const query = c().resolve(ContainerRegistrationKeys.QUERY)
        const { data: [order] } = await query.graph({ entity: "order", fields: ["items.id", "items.variant_id"], filters: { id: orderId } })
        const lineOf = (variantId: string) => order.items.find((i: any) => i.variant_id === variantId).id
        return { orderId, shirtLine: lineOf(store.products.shirt.variant_id), mugLine: lineOf(store.products.mug.variant_id) }
      }

      it("a returned line is reversed at its own frozen rate", async () => {
        const { orderId, mugLine } = await twoRates()
        expect(net(await ledgerOf(c(), orderId))).toBe(25)
        await returnItems(c(), orderId, [{ id: mugLine, quantity: 1 }], { refund: true })
        const ledger = await ledgerSettles(orderId, 2)
        expect(ledger[1]).toEqual(expect.objectContaining({ type: "reversal", amount: -5, reference: "return" }))
        // The refund that followed the return is explained by it: nothing more is reversed.
        await new Promise((r) => setTimeout(r, 1500))
        expect(await ledgerOf(c(), orderId)).toHaveLength(2)
      })

      it("a confirmed order edit that removes a line reverses its commission", async () => {
        const { orderId, shirtLine } = await twoRates()
        await confirmOrderEdit(c(), orderId, [{ id: shirtLine, quantity: 0 }])
        const ledger = await ledgerSettles(orderId, 2)
        expect(ledger[1]).toEqual(expect.objectContaining({ type: "reversal", amount: -20, reference: "order_edit" }))
      })

      it("a canceled order earns nothing", async () => {
        const { orderId } = await creditedOrder()
        await cancelOrderWorkflow(c()).run({ input: { order_id: orderId } })
        const ledger = await eventually(async () => {
          const l = await ledgerOf(c(), orderId)
          return net(l) === 0 ? l : null
        })
        expect(ledger.filter((e) => e.type === "reversal").length).toBeGreaterThanOrEqual(1)
        expect(net(ledger)).toBe(0)
      })

      it("a refund after payout is clawed back, available and netted against the next payout", async () => {
        const { alice, orderId, payment } = await creditedOrder()
        // Past the hold: the sale is released, requested and paid.
        await service().releaseDueCommissions({ now: new Date(Date.now() + 31 * 86_400_000) })
        const payout = await payOut(c(), alice.id, "usd", { settle: true })
        expect(payout).toEqual(expect.objectContaining({ status: "paid", amount: 20 }))

        await refund(payment.id, PAID)
        const ledger = await ledgerSettles(orderId, 2)
        expect(ledger[1]).toEqual(expect.objectContaining({ type: "clawback", amount: -20, status: "available" }))
        expect(await service().getBalances(alice.id)).toEqual([
          { currency_code: "usd", pending: 0, available: -20, requested: 0, paid: 20 },
        ])
      })
    })

    describe("exactly once", () => {
      it("order.placed delivered three times, also concurrently, books one sale", async () => {
        await createAffiliate(c(), "ALICE")
        const orderId = await placeOrder(c(), store, { items: [shirt()], metadata: { affiliate_code: "ALICE" } })
        await receiptOf(c(), orderId)

        const eventBus = c().resolve(Modules.EVENT_BUS)
        await Promise.all([
          ...[1, 2, 3].map(() => attributeOrderWorkflow(c()).run({ input: { order_id: orderId } })),
          eventBus.emit([1, 2, 3].map(() => ({ name: "order.placed", data: { id: orderId } }))),
        ])
        await new Promise((r) => setTimeout(r, 1500))
        expect(await ledgerOf(c(), orderId)).toHaveLength(1)
        expect(await service().listAffiliateOrderAttributions({ order_id: orderId })).toHaveLength(1)
      })

      it("a refund event delivered again books nothing more", async () => {
        await createAffiliate(c(), "ALICE")
        const orderId = await placeOrder(c(), store, { items: [shirt()], metadata: { affiliate_code: "ALICE" }, capture: true })
        await receiptOf(c(), orderId)
        const payment = await orderPayment(c(), orderId)
        await refundPaymentWorkflow(c()).run({ input: { payment_id: payment.id, amount: 55 } }) // half of 110
        await eventually(async () => (await ledgerOf(c(), orderId)).length === 2)

        const eventBus = c().resolve(Modules.EVENT_BUS)
        await eventBus.emit([1, 2, 3].map(() => ({ name: "payment.refunded", data: { id: payment.id } })))
        await new Promise((r) => setTimeout(r, 1500))
        const ledger = await ledgerOf(c(), orderId)
        expect(ledger).toHaveLength(2)
        expect(net(ledger)).toBeCloseTo(5, 10)
      })
    })

    describe("jobs", () => {
      it("the release job makes due entries available; two runs at once release each entry once", async () => {
        const alice = await createAffiliate(c(), "ALICE")
        const due = new Date(Date.now() - 1000)
        await service().appendLedgerEntries(
          Array.from({ length: 25 }, (_, i) => ({
            affiliate_id: alice.id,
            type: "sale" as const,
            amount: 1,
            currency_code: "usd",
            idempotency_key: `due-${i}`,
            available_at: due,
          }))
        )
        await service().appendLedgerEntries([
          { affiliate_id: alice.id, type: "sale", amount: 99, currency_code: "usd", idempotency_key: "held", available_at: new Date(Date.now() + DAY) },
        ])

        const results = await Promise.all([releaseCommissionsJob(c()), releaseCommissionsJob(c())])
        expect(results.reduce((sum, r) => sum + r.released, 0)).toBe(25)
        expect(await service().getBalances(alice.id)).toEqual([
          { currency_code: "usd", pending: 99, available: 25, requested: 0, paid: 0 },
        ])
        expect((await releaseCommissionsJob(c())).released).toBe(0)
      })

      it("the reconcile job attributes an order whose order.placed was lost, and follows missed refunds", async () => {
        await createAffiliate(c(), "ALICE")
        const orderId = await placeOrder(c(), store, { items: [shirt(2)], metadata: { affiliate_code: "ALICE" }, capture: true })
        await receiptOf(c(), orderId)
        // Simulate lost events: drop the receipt and entries as if order.placed never ran.
        await dbConnection.raw(`ALTER TABLE affiliate_commission DISABLE TRIGGER affiliate_commission_append_only`)
        await dbConnection.raw(`DELETE FROM affiliate_commission WHERE order_id = ?`, [orderId])
        await dbConnection.raw(`ALTER TABLE affiliate_commission ENABLE TRIGGER affiliate_commission_append_only`)
        await dbConnection.raw(`DELETE FROM affiliate_order_attribution WHERE order_id = ?`, [orderId])

        // An order placed a moment ago is left to its own order.placed (its checkout may be
        // writing its links still); once settled, the job attributes it.
        expect((await reconcileOrdersJob(c())).attributed).toBe(0)
        expect((await dbConnection.raw(`SELECT count(*)::int AS n FROM affiliate_order_attribution WHERE order_id = ?`, [orderId])).rows[0].n).toBe(0)
        await dbConnection.raw(`UPDATE "order" SET created_at = now() - interval '11 minutes' WHERE id = ?`, [orderId])
        const first = await reconcileOrdersJob(c())
        expect(first.attributed).toBe(1)
        expect((await receiptOf(c(), orderId)).outcome).toBe("credited")
        expect(net(await ledgerOf(c(), orderId))).toBe(20)

        // A refund whose event is lost: the money state moved without a booking.
        const payment = await orderPayment(c(), orderId)
        const eventBus = c().resolve(Modules.EVENT_BUS) as any
        const emit = eventBus.emit
        eventBus.emit = async () => undefined
        try {
          await refundPaymentWorkflow(c()).run({ input: { payment_id: payment.id, amount: 105 } }) // half of 210
        } finally {
          eventBus.emit = emit
        }
        expect(await ledgerOf(c(), orderId)).toHaveLength(1)

        const second = await reconcileOrdersJob(c())
        expect(second.attributed).toBe(0)
        expect(second.recomputed).toBeGreaterThanOrEqual(1)
        expect(second.corrections).toBe(1)
        expect(net(await ledgerOf(c(), orderId))).toBeCloseTo(10, 10)

        const third = await reconcileOrdersJob(c())
        expect(third).toEqual(expect.objectContaining({ attributed: 0, recomputed: 0, corrections: 0 }))
        expect(await ledgerOf(c(), orderId)).toHaveLength(2)
      })

      it("a correction whose append failed is booked by the reconcile job, exactly once", async () => {
        await createAffiliate(c(), "ALICE")
        const orderId = await placeOrder(c(), store, { items: [shirt(2)], metadata: { affiliate_code: "ALICE" }, capture: true })
        await receiptOf(c(), orderId)
        // The next reversal insert fails once: nextval is not rolled back with the failed
        // transaction, so the second attempt goes through.
        await dbConnection.raw(`CREATE SEQUENCE fail_reversal_once`)
        await dbConnection.raw(`
          CREATE FUNCTION fail_reversal_once() RETURNS trigger LANGUAGE plpgsql AS $$
          BEGIN
            IF NEW.type = 'reversal' AND nextval('fail_reversal_once') = 1 THEN
              RAISE EXCEPTION 'injected failure';
            END IF;
            RETURN NEW;
          END $$`)
        await dbConnection.raw(
          `CREATE TRIGGER fail_reversal_once BEFORE INSERT ON affiliate_commission FOR EACH ROW EXECUTE FUNCTION fail_reversal_once()`
        )
        try {
          const payment = await orderPayment(c(), orderId)
          await refundPaymentWorkflow(c()).run({ input: { payment_id: payment.id, amount: 105 } }) // half of 210
          // The refund's subscriber tried to book the reversal and failed.
          await eventually(async () => {
            const { rows } = await dbConnection.raw(`SELECT is_called FROM fail_reversal_once`)
            return rows[0].is_called
          })
          expect(await ledgerOf(c(), orderId)).toHaveLength(1)

          const first = await reconcileOrdersJob(c())
          expect(first.corrections).toBe(1)
          expect(await ledgerOf(c(), orderId)).toEqual([
            expect.objectContaining({ type: "sale", amount: 20 }),
            expect.objectContaining({ type: "reversal", amount: -10 }),
          ])
          expect((await reconcileOrdersJob(c())).corrections).toBe(0)
          expect(await ledgerOf(c(), orderId)).toHaveLength(2)
        } finally {
          await dbConnection.raw(`DROP TRIGGER fail_reversal_once ON affiliate_commission`)
          await dbConnection.raw(`DROP FUNCTION fail_reversal_once()`)
          await dbConnection.raw(`DROP SEQUENCE fail_reversal_once`)
        }
      })
    })
  },
})
