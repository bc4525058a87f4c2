import { ContainerRegistrationKeys } from "@medusajs/framework/utils"
import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import { AFFILIATE_MODULE } from "../../../modules/affiliate"
import type AffiliateModuleService from "../../../modules/affiliate/service"
import { ORDER_MONEY_FIELDS, orderMoneyState } from "../../commissions/order-money-state"
import { recomputeOrderCommissionWorkflow } from "../../commissions/workflows/recompute-order-commission"
import { changedOrderIds } from "../changed-orders"
import { moneyChangeWindow, RECONCILE_MONEY_CURSOR, RECONCILE_PAGE } from "../reconcile-window"

export const recomputeChangedOrdersStepId = "recompute-changed-affiliate-orders"

/**
 * Credited orders with a money change since the job's cursor (a refund, cancel, return,
 * edit, claim or exchange) whose money state moved from what commission last followed
 * (their event was lost, or its booking failed) are recomputed with the subscribers'
 * workflow, which books only the difference, once: nothing to compensate. The cursor moves
 * only after every changed order was followed, so a crash or a failing order is retried.
 */
export const recomputeChangedOrdersStep = createStep(
  recomputeChangedOrdersStepId,
  async (input: { started_at: Date }, { container }) => {
    const query = container.resolve(ContainerRegistrationKeys.QUERY)
    const service = container.resolve<AffiliateModuleService>(AFFILIATE_MODULE)
    const { changedSince, changedBefore } = moneyChangeWindow(
      new Date(input.started_at),
      await service.retrieveJobCursor(RECONCILE_MONEY_CURSOR)
    )
    const totals = { checked_orders: 0, recomputed: 0, corrections: 0 }

    for await (const changed of changedOrderIds(query, changedSince, changedBefore)) {
      for (let at = 0; at < changed.length; at += RECONCILE_PAGE) {
        const ids = changed.slice(at, at + RECONCILE_PAGE)
        const receipts = await service.listAffiliateOrderAttributions(
          { order_id: ids, outcome: "credited" },
          { select: ["order_id", "money_fingerprint"], take: ids.length }
        )
        if (!receipts.length) {
          continue
        }
        const { data: orders } = await query.graph({
          entity: "order",
          fields: ORDER_MONEY_FIELDS,
          filters: { id: receipts.map((r) => r.order_id) },
        })
        totals.checked_orders += orders.length
        const followed = new Map(receipts.map((r) => [r.order_id, r.money_fingerprint]))
        for (const order of orders.filter((o) => orderMoneyState(o).fingerprint !== followed.get(o.id))) {
          const { result } = await recomputeOrderCommissionWorkflow(container).run({
            input: { order_id: order.id, cause: { type: "reconcile", id: order.id } },
          })
          totals.recomputed++
          totals.corrections += result.entries.filter((e) => e.created).length
        }
      }
    }
    await service.advanceJobCursor(RECONCILE_MONEY_CURSOR, changedBefore)
    return new StepResponse(totals)
  }
)
