import { ContainerRegistrationKeys } from "@medusajs/framework/utils"
import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import { AFFILIATE_MODULE } from "../../../modules/affiliate"
import type AffiliateModuleService from "../../../modules/affiliate/service"
import { attributeOrderWorkflow } from "../../attribution/workflows/attribute-order"
import { RECONCILE_CURSOR, RECONCILE_PAGE, reconcileWindow } from "../reconcile-window"

export const attributeMissedOrdersStepId = "attribute-missed-affiliate-orders"

/**
 * Settled orders (placed at least PLACED_SETTLE_MS ago) since the job's cursor that have no receipt (their `order.placed` was lost)
 * are attributed now, with the subscriber's workflow; then the cursor moves forward. That
 * workflow is idempotent and the cursor never moves back, so there is nothing to compensate.
 */
export const attributeMissedOrdersStep = createStep(
  attributeMissedOrdersStepId,
  async (input: { started_at: Date }, { container }) => {
    const query = container.resolve(ContainerRegistrationKeys.QUERY)
    const service = container.resolve<AffiliateModuleService>(AFFILIATE_MODULE)
    const startedAt = new Date(input.started_at)
    const { placedSince, placedBefore } = reconcileWindow(startedAt, await service.retrieveJobCursor(RECONCILE_CURSOR))
    let scanned = 0
    let attributed = 0

    for (let skip = 0; ; skip += RECONCILE_PAGE) {
      const { data: orders } = await query.graph({
        entity: "order",
        fields: ["id"],
        filters: { created_at: { $gte: placedSince, $lt: placedBefore }, is_draft_order: false } as any,
        pagination: { skip, take: RECONCILE_PAGE, order: { created_at: "ASC", id: "ASC" } },
      })
      scanned += orders.length
      const ids = orders.map((o: { id: string }) => o.id)
      const receipts = ids.length
        ? await service.listAffiliateOrderAttributions({ order_id: ids }, { select: ["order_id"], take: ids.length })
        : []
      const done = new Set(receipts.map((r) => r.order_id))
      for (const id of ids.filter((id: string) => !done.has(id))) {
        await attributeOrderWorkflow(container).run({ input: { order_id: id } })
        attributed++
      }
      if (orders.length < RECONCILE_PAGE) {
        break
      }
    }
    await service.advanceJobCursor(RECONCILE_CURSOR, placedBefore)
    return new StepResponse({ scanned_orders: scanned, attributed })
  }
)
