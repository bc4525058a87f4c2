import { ContainerRegistrationKeys } from "@medusajs/framework/utils"
import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import { AFFILIATE_MODULE } from "../../../modules/affiliate"
import type AffiliateModuleService from "../../../modules/affiliate/service"
import { ORDER_MONEY_FIELDS, orderMoneyState } from "../../commissions/order-money-state"
import { recomputeOrderCommissionWorkflow } from "../../commissions/workflows/recompute-order-commission"
import { RECONCILE_PAGE, reconcileWindow } from "../reconcile-window"

export const recomputeChangedOrdersStepId = "recompute-changed-affiliate-orders"

/**
 * Credited orders whose money state moved since commission last followed it (a refund,
 * cancel, return or edit whose event was lost) are recomputed with the subscribers'
 * workflow, which books only the difference, once: nothing to compensate.
 */
export const recomputeChangedOrdersStep = createStep(
  recomputeChangedOrdersStepId,
  async (input: { started_at: Date }, { container }) => {
    const query = container.resolve(ContainerRegistrationKeys.QUERY)
    const service = container.resolve<AffiliateModuleService>(AFFILIATE_MODULE)
    const { creditedSince } = reconcileWindow(new Date(input.started_at), null)
    let recomputed = 0
    let corrections = 0

    for (let skip = 0; ; skip += RECONCILE_PAGE) {
      const receipts = await service.listAffiliateOrderAttributions(
        { outcome: "credited", created_at: { $gte: creditedSince } },
        { select: ["order_id", "money_fingerprint"], skip, take: RECONCILE_PAGE, order: { created_at: "ASC", id: "ASC" } }
      )
      if (receipts.length) {
        const { data: orders } = await query.graph({
          entity: "order",
          fields: ORDER_MONEY_FIELDS,
          filters: { id: receipts.map((r) => r.order_id) },
        })
        const followed = new Map(receipts.map((r) => [r.order_id, r.money_fingerprint]))
        for (const order of orders) {
          if (orderMoneyState(order).fingerprint !== followed.get(order.id)) {
            const { result } = await recomputeOrderCommissionWorkflow(container).run({
              input: { order_id: order.id, cause: { type: "reconcile", id: order.id } },
            })
            recomputed++
            corrections += result.entries.filter((e) => e.created).length
          }
        }
      }
      if (receipts.length < RECONCILE_PAGE) {
        break
      }
    }
    return new StepResponse({ recomputed, corrections })
  }
)
