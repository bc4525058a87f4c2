import { createWorkflow, transform, WorkflowResponse } from "@medusajs/framework/workflows-sdk"
import { attributeMissedOrdersStep } from "../steps/attribute-missed-orders"
import { recomputeChangedOrdersStep } from "../steps/recompute-changed-orders"

export const reconcileOrdersWorkflowId = "reconcile-affiliate-orders"

export type ReconcileResult = {
  scanned_orders: number
  /** Orders that had no receipt and were attributed now. */
  attributed: number
  /** Credited orders with a money change since the cursor, whose money state was read. */
  checked_orders: number
  /** Of those, the orders whose money state moved from what commission last followed. */
  recomputed: number
  /** Ledger entries those recomputes booked (0 when the state changed but the net did not). */
  corrections: number
}

/**
 * Catches what lost events missed: orders without a receipt are attributed, credited orders
 * whose money moved without a booking are recomputed. Both run the subscribers' own
 * workflows, which are idempotent, so overlapping runs and reruns after a crash change
 * nothing twice.
 */
export const reconcileOrdersWorkflow = createWorkflow(reconcileOrdersWorkflowId, (input: { started_at: Date }) => {
  const placed = attributeMissedOrdersStep(input)
  const money = recomputeChangedOrdersStep(input)
  const result = transform({ placed, money }, ({ placed, money }): ReconcileResult => ({ ...placed, ...money }))
  return new WorkflowResponse(result)
})
