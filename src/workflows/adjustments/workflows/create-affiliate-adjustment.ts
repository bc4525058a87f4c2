import { createWorkflow, transform, WorkflowResponse } from "@medusajs/framework/workflows-sdk"
import { emitEventStep } from "@medusajs/medusa/core-flows"
import { BookAdjustmentInput, bookAffiliateAdjustmentStep } from "../steps/book-adjustment"
import { AffiliateEvents } from "../../../events"

export const createAffiliateAdjustmentWorkflowId = "create-affiliate-adjustment"

/**
 * An admin books a manual adjustment (a bonus, a correction, a fee) on an affiliate's
 * ledger. Emits `affiliate_commission.created` when the entry is new (not on a replay of
 * the same idempotency key).
 */
export const createAffiliateAdjustmentWorkflow = createWorkflow(
  createAffiliateAdjustmentWorkflowId,
  (input: BookAdjustmentInput) => {
    const booked = bookAffiliateAdjustmentStep(input)

    const events = transform({ booked }, ({ booked }) =>
      booked.created ? [{ id: booked.id, affiliate_id: booked.affiliate_id }] : []
    )
    emitEventStep({ eventName: AffiliateEvents.COMMISSION_CREATED, data: events })
    return new WorkflowResponse(booked)
  }
)
