import { ExecArgs, MedusaContainer } from "@medusajs/framework/types"
import { ContainerRegistrationKeys } from "@medusajs/framework/utils"
import { AFFILIATE_MODULE } from "../modules/affiliate"
import type AffiliateModuleService from "../modules/affiliate/service"
import { jobContainer } from "../utils/job-container"
import { attributeOrderWorkflow } from "../workflows/attribution/workflows/attribute-order"
import { ORDER_MONEY_FIELDS, orderMoneyState } from "../workflows/commissions/order-money-state"
import { recomputeOrderCommissionWorkflow } from "../workflows/commissions/workflows/recompute-order-commission"

export const RECONCILE_CURSOR = "reconcile-orders"
const PAGE = 200
/** First run: look back this far for orders never attributed. */
const FIRST_RUN_LOOKBACK_MS = 30 * 86_400_000
/** Rescan a little before the cursor: orders committed late by a slow transaction. */
const CURSOR_OVERLAP_MS = 60 * 60_000
/** Credited orders whose money state is compared with what commission last followed. */
const MONEY_WINDOW_MS = 180 * 86_400_000

export type ReconcileResult = {
  scanned_orders: number
  /** Orders that had no receipt and were attributed now. */
  attributed: number
  /** Credited orders whose money state changed since commission last followed it. */
  recomputed: number
  /** Ledger entries those recomputes booked (0 when the state changed but the net did not). */
  corrections: number
}

/**
 * Every 15 minutes: catches what lost events missed (Medusa's default event bus delivers at
 * most once). Orders placed since the cursor without a receipt are attributed; credited
 * orders whose money state moved since commission last followed it are recomputed. Both
 * run the same workflows as the subscribers, which are idempotent, so overlapping runs and
 * reruns after a crash change nothing twice. By hand: `npx medusa exec ./src/jobs/reconcile-orders.ts`.
 */
export default async function reconcileOrdersJob(input: MedusaContainer | ExecArgs): Promise<ReconcileResult> {
  const container = jobContainer(input)
  const query = container.resolve(ContainerRegistrationKeys.QUERY)
  const service = container.resolve<AffiliateModuleService>(AFFILIATE_MODULE)
  const startedAt = new Date()
  const result: ReconcileResult = { scanned_orders: 0, attributed: 0, recomputed: 0, corrections: 0 }

  // 1. Orders placed since the cursor that have no receipt.
  const cursor = (await service.retrieveJobCursor(RECONCILE_CURSOR)) ?? new Date(startedAt.getTime() - FIRST_RUN_LOOKBACK_MS)
  const since = new Date(cursor.getTime() - CURSOR_OVERLAP_MS)
  for (let skip = 0; ; skip += PAGE) {
    const { data: orders } = await query.graph({
      entity: "order",
      fields: ["id"],
      filters: { created_at: { $gte: since, $lt: startedAt }, is_draft_order: false } as any,
      pagination: { skip, take: PAGE, order: { created_at: "ASC", id: "ASC" } },
    })
    if (!orders.length) {
      break
    }
    result.scanned_orders += orders.length
    const ids = orders.map((o: { id: string }) => o.id)
    const receipts = await service.listAffiliateOrderAttributions({ order_id: ids }, { select: ["order_id"], take: ids.length })
    const done = new Set(receipts.map((r) => r.order_id))
    for (const id of ids.filter((id: string) => !done.has(id))) {
      await attributeOrderWorkflow(container).run({ input: { order_id: id } })
      result.attributed++
    }
    if (orders.length < PAGE) {
      break
    }
  }
  await service.advanceJobCursor(RECONCILE_CURSOR, startedAt)

  // 2. Credited orders whose money moved without a booking.
  const moneySince = new Date(startedAt.getTime() - MONEY_WINDOW_MS)
  for (let skip = 0; ; skip += PAGE) {
    const receipts = await service.listAffiliateOrderAttributions(
      { outcome: "credited", created_at: { $gte: moneySince } },
      { select: ["order_id", "money_fingerprint"], skip, take: PAGE, order: { created_at: "ASC", id: "ASC" } }
    )
    if (!receipts.length) {
      break
    }
    const { data: orders } = await query.graph({
      entity: "order",
      fields: ORDER_MONEY_FIELDS,
      filters: { id: receipts.map((r) => r.order_id) },
    })
    const followed = new Map(receipts.map((r) => [r.order_id, r.money_fingerprint]))
    for (const order of orders) {
      if (orderMoneyState(order).fingerprint !== followed.get(order.id)) {
        const { result: booked } = await recomputeOrderCommissionWorkflow(container).run({
          input: { order_id: order.id, cause: { type: "reconcile", id: order.id } },
        })
        result.recomputed++
        result.corrections += booked.entries.filter((e) => e.created).length
      }
    }
    if (receipts.length < PAGE) {
      break
    }
  }

  if (result.attributed || result.corrections) {
    container
      .resolve("logger")
      .info(
        `medusa-affiliates: reconcile attributed ${result.attributed} orders and booked ${result.corrections} corrections`
      )
  }
  return result
}

export const config = {
  name: "affiliates-reconcile-orders",
  schedule: "*/15 * * * *",
}
