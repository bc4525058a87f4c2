import { medusaIntegrationTestRunner } from "@medusajs/test-utils"
import { MedusaContainer } from "@medusajs/framework/types"
import { ContainerRegistrationKeys, Modules } from "@medusajs/framework/utils"
import reconcileOrdersJob, { config as reconcileJobConfig } from "../../src/jobs/reconcile-orders"
import { unscheduleJob } from "../fixtures/jobs"
import { CreditedOrder, moneyFingerprint, placeCreditedOrder } from "../fixtures/credited-order"
import { affiliateService, createAffiliate, eventually, ledgerOf, receiptOf } from "../fixtures/affiliates"
import {
  cancelOrder,
  claimItems,
  confirmOrderEdit,
  exchangeItems,
  placeOrder,
  refund,
  returnItems,
  seedStore,
  TestStore,
} from "../fixtures/store"

jest.setTimeout(180_000)

/*
 * For each kind of money event (cancel, refund, return, confirmed edit, claim, exchange):
 * twin credited orders get the same change, one with its events delivered, one with them
 * lost (the event bus muted). One reconcile run must leave the lost twin with the ledger of
 * the delivered one, a second run book nothing, and each run read only the orders changed
 * since its cursor: the twins are placed an hour back, so only the change itself (in
 * order, order_change, order_transaction, refund, capture) brings them into the window.
 */

/** A credited order of 2 shirts (100) and a mug (50) + shipping 10: paid 260, sale 25 (10 % of 250). */
type Credited = CreditedOrder

type MoneyEventKind = {
  kind: string
  /** What the admin does to the order; the events it emits are delivered to one twin, lost for the other. */
  change: (c: MedusaContainer, store: TestStore, order: Credited) => Promise<unknown>
  /** The ledger both twins end with (type, amount), oldest first. */
  ledger: [string, number][]
}

const SALE: [string, number] = ["sale", 25]

const KINDS: MoneyEventKind[] = [
  {
    // order.canceled; the captured 260 is refunded with it (no payment.refunded).
    kind: "cancel",
    change: (c, _, o) => cancelOrder(c, o.orderId),
    ledger: [SALE, ["reversal", -25]],
  },
  {
    // payment.refunded: 20 % of the paid total, no return explains it.
    kind: "refund",
    change: (c, _, o) => refund(c, o.orderId, 52),
    ledger: [SALE, ["reversal", -5]],
  },
  {
    // order.return_received for the mug, then payment.refunded of the 50 it owes: the
    // refund is explained by the return, only the mug's commission goes.
    kind: "return (received, refunded)",
    change: (c, _, o) => returnItems(c, o.orderId, [{ id: o.mugLine, quantity: 1 }], { refund: true }),
    ledger: [SALE, ["reversal", -5]],
  },
  {
    // order-edit.confirmed: one shirt of two removed.
    kind: "confirmed order edit",
    change: (c, _, o) => confirmOrderEdit(c, o.orderId, [{ id: o.shirtLine, quantity: 1 }]),
    ledger: [SALE, ["reversal", -10]],
  },
  {
    // order.claim_created: a shirt claimed, a replacement sent, the claimed one not back
    // yet. The money state moves (a new line, a higher order total) but the commission does
    // not: nothing was returned or refunded.
    kind: "claim (replacement sent)",
    change: (c, store, o) =>
      claimItems(c, o.orderId, [{ id: o.shirtLine, quantity: 1 }], {
        newItems: [{ variant_id: store.products.shirt.variant_id, quantity: 1 }],
      }),
    ledger: [SALE],
  },
  {
    // order.claim_created and order.return_received: the claimed shirt comes back; the
    // replacement sent in its place keeps its commission (the customer paid for one shirt).
    kind: "claim (replacement sent, item received)",
    change: (c, store, o) =>
      claimItems(c, o.orderId, [{ id: o.shirtLine, quantity: 1 }], {
        newItems: [{ variant_id: store.products.shirt.variant_id, quantity: 1 }],
        receive: true,
      }),
    ledger: [SALE],
  },
  {
    // order.claim_created and order.return_received: a refund claim for a shirt, which
    // comes back.
    kind: "claim (refund, item received)",
    change: (c, _, o) => claimItems(c, o.orderId, [{ id: o.shirtLine, quantity: 1 }], { type: "refund", receive: true }),
    ledger: [SALE, ["reversal", -10]],
  },
  {
    // order.exchange_created: a shirt for a mug, the shirt not back yet. A new line and a
    // new total, no commission change.
    kind: "exchange (not yet received)",
    change: (c, store, o) =>
      exchangeItems(c, o.orderId, [{ id: o.shirtLine, quantity: 1 }], [{ variant_id: store.products.mug.variant_id, quantity: 1 }]),
    ledger: [SALE],
  },
  {
    // order.exchange_created and order.return_received: the shirt comes back; the mug sent
    // in its place keeps the mug's share of the shirt's 10 (half its price).
    kind: "exchange (received)",
    change: (c, store, o) =>
      exchangeItems(c, o.orderId, [{ id: o.shirtLine, quantity: 1 }], [{ variant_id: store.products.mug.variant_id, quantity: 1 }], {
        receive: true,
      }),
    ledger: [SALE, ["reversal", -5]],
  },
]

medusaIntegrationTestRunner({
  testSuite: ({ getContainer, dbConnection }) => {
    let store: TestStore
    const c = () => getContainer()
    const net = (entries: { amount: number }[]) => entries.reduce((sum, e) => sum + e.amount, 0)
    /** What must match between the twins: each entry's type, amount and status, in order. */
    const shape = (entries: { type: string; amount: number; status: string }[]) =>
      entries.map((e) => ({ type: e.type, amount: e.amount, status: e.status }))

    const credited = () => placeCreditedOrder(c(), store)

    /** The money state the order has now, and the one its commission last followed. */
    const fingerprints = async (orderId: string) => {
      const [receipt] = await affiliateService(c()).listAffiliateOrderAttributions({ order_id: orderId })
      return { now: await moneyFingerprint(c(), orderId), followed: receipt.money_fingerprint }
    }

    /**
     * Moves every stamp the reconcile job reads of an order an hour back: placed and
     * captured long before the job's cursor, outside its 15-minute overlap.
     */
    const placedAnHourAgo = async (orderId: string) => {
      await dbConnection.raw(
        `UPDATE "order" SET created_at = created_at - interval '1 hour', updated_at = updated_at - interval '1 hour' WHERE id = ?`,
        [orderId]
      )
      for (const table of ["order_change", "order_transaction"]) {
        await dbConnection.raw(
          `UPDATE ${table} SET created_at = created_at - interval '1 hour', updated_at = updated_at - interval '1 hour' WHERE order_id = ?`,
          [orderId]
        )
      }
      for (const table of ["capture", "refund"]) {
        await dbConnection.raw(
          `UPDATE ${table} SET created_at = created_at - interval '1 hour', updated_at = updated_at - interval '1 hour'
           WHERE payment_id IN (
             SELECT p.id FROM payment p JOIN order_payment_collection opc ON opc.payment_collection_id = p.payment_collection_id
             WHERE opc.order_id = ?)`,
          [orderId]
        )
      }
    }

    beforeAll(async () => {
      // The app schedules the job every quarter hour: a tick inside a test would run it
      // between the test's own runs (moving the cursor, following the lost twin first).
      await unscheduleJob(reconcileJobConfig)
    })

    beforeEach(async () => {
      store = await seedStore(c())
    })

    it.each(KINDS)("a lost $kind is booked by one reconcile run as its delivered twin was", async ({ change, ledger: expected }) => {
      await createAffiliate(c(), "ALICE")
      const live = await credited()
      const lost = await credited()
      // Unchanged since: the job must not read it.
      const idle = await credited()
      // Placed and captured an hour ago, outside the cursor's overlap: only the change
      // itself can bring the twins into the job's window.
      for (const order of [live, lost, idle]) {
        await placedAnHourAgo(order.orderId)
      }
      // Changed in the window, but not credited (another buyer, no referral): read, not counted.
      const uncredited = await placeOrder(c(), store, {
        items: [{ variant_id: store.products.mug.variant_id, quantity: 1 }],
        email: "walk-in@example.com",
      })
      expect((await receiptOf(c(), uncredited)).outcome).toBe("no_referral")

      // The job's first run (no cursor: 30 days back) follows the three credited orders' state
      // and moves its cursor past the placements.
      const first = await reconcileOrdersJob(c())
      expect(first.corrections).toBe(0)
      expect(first.checked_orders).toBe(3)

      // Delivered: the subscribers book it and record the state they followed (also when
      // they book nothing, as for a claim or exchange whose items are not back).
      await change(c(), store, live)
      const liveLedger = await eventually(async () => {
        const l = await ledgerOf(c(), live.orderId)
        const { now, followed } = await fingerprints(live.orderId)
        return l.length === expected.length && now === followed ? l : null
      })

      // Lost: Medusa's default event bus delivers at most once.
      const eventBus = c().resolve(Modules.EVENT_BUS) as any
      const emit = eventBus.emit
      eventBus.emit = async () => undefined
      try {
        await change(c(), store, lost)
      } finally {
        eventBus.emit = emit
      }
      expect(shape(await ledgerOf(c(), lost.orderId))).toEqual(shape(liveLedger.slice(0, 1)))
      const stale = await fingerprints(lost.orderId)
      expect(stale.now).not.toBe(stale.followed)

      const second = await reconcileOrdersJob(c())
      // Read: the two credited orders changed since the cursor; not the idle one, nor the
      // uncredited one (changed, no credited receipt).
      expect(second.checked_orders).toBe(2)
      expect(second.recomputed).toBe(1)
      expect(second.corrections).toBe(expected.length - 1)

      const lostLedger = await ledgerOf(c(), lost.orderId)
      expect(shape(lostLedger)).toEqual(shape(liveLedger))
      expect(net(lostLedger)).toBeCloseTo(net(liveLedger), 10)
      expect(lostLedger.map((e) => [e.type, e.amount])).toEqual(expected)
      const followed = await fingerprints(lost.orderId)
      expect(followed.followed).toBe(followed.now)

      // A second run books nothing. It reads the twins again (changed within the cursor's
      // 15-minute overlap), still not the idle order.
      const third = await reconcileOrdersJob(c())
      expect(third).toEqual(expect.objectContaining({ checked_orders: 2, recomputed: 0, corrections: 0 }))
      expect(shape(await ledgerOf(c(), lost.orderId))).toEqual(shape(liveLedger))
      expect(shape(await ledgerOf(c(), live.orderId))).toEqual(shape(liveLedger))
      expect(await ledgerOf(c(), idle.orderId)).toHaveLength(1)
    })
  },
})
