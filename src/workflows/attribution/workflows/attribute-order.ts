import { createWorkflow, transform, WorkflowResponse } from "@medusajs/framework/workflows-sdk"
import { acquireLockStep, emitEventStep, releaseLockStep } from "@medusajs/medusa/core-flows"
import { ORDER_LOCK, orderLockKey } from "../../order-lock"
import { loadAttributionFactsStep } from "../steps/load-attribution-facts"
import { recordOrderAttributionStep } from "../steps/record-order-attribution"
import { AffiliateEvents } from "../../../events"

export const attributeOrderWorkflowId = "attribute-affiliate-order"

/**
 * Credits an order to an affiliate (or records why not) once: on `order.placed` and from
 * the reconcile job. Serialised per order; the receipt makes repeats no-ops.
 */
export const attributeOrderWorkflow = createWorkflow(
  attributeOrderWorkflowId,
  (input: { order_id: string }) => {
    const lockKey = transform({ input }, ({ input }) => orderLockKey(input.order_id))
    acquireLockStep({ key: lockKey, timeout: ORDER_LOCK.timeout, ttl: ORDER_LOCK.ttl })

    const facts = loadAttributionFactsStep(input)
    const recorded = recordOrderAttributionStep(facts)

    const created = transform({ recorded }, ({ recorded }) =>
      recorded.entries.filter((e) => e.created).map((e) => ({ id: e.entry.id, affiliate_id: e.entry.affiliate_id }))
    )
    emitEventStep({ eventName: AffiliateEvents.COMMISSION_CREATED, data: created })
    const held = transform({ recorded }, ({ recorded }) => {
      const sale = recorded.entries.find((e) => e.entry.type === "sale")?.entry
      return recorded.review && sale
        ? [{ id: recorded.review.id, commission_id: sale.id, affiliate_id: sale.affiliate_id, order_id: sale.order_id, because: recorded.review.because }]
        : []
    })
    emitEventStep({ eventName: AffiliateEvents.COMMISSION_REVIEW_REQUIRED, data: held }).config({ name: "emit-review-required" })

    releaseLockStep({ key: lockKey })
    return new WorkflowResponse(recorded)
  }
)
