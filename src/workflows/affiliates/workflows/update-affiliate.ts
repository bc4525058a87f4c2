import { createWorkflow, transform, WorkflowResponse } from "@medusajs/framework/workflows-sdk"
import { emitEventStep } from "@medusajs/medusa/core-flows"
import { updateAffiliateStep } from "../steps/update-affiliate"
import { AffiliateFields, validateAffiliateInputStep } from "../steps/validate-affiliate-input"
import { AffiliateEvents } from "../../../events"

export const updateAffiliateWorkflowId = "update-affiliate"

export type UpdateAffiliateWorkflowInput = AffiliateFields & { id: string }

/**
 * An admin updates an affiliate; a status may only move as AFFILIATE_TRANSITIONS allow, and a move
 * emits `affiliate.status_changed` { id, affiliate_id, from, to }.
 */
export const updateAffiliateWorkflow = createWorkflow(updateAffiliateWorkflowId, (input: UpdateAffiliateWorkflowInput) => {
  const validation = transform({ input }, ({ input }) => {
    const { id, ...data } = input
    return { id, data }
  })
  validateAffiliateInputStep(validation)
  const updated = updateAffiliateStep(input)
  const statusChanged = transform({ updated }, ({ updated }) =>
    updated.previous_status === updated.affiliate.status
      ? []
      : [
          {
            id: updated.affiliate.id,
            affiliate_id: updated.affiliate.id,
            from: updated.previous_status,
            to: updated.affiliate.status,
          },
        ]
  )
  emitEventStep({ eventName: AffiliateEvents.STATUS_CHANGED, data: statusChanged })
  const affiliate = transform({ updated }, ({ updated }) => updated.affiliate)
  return new WorkflowResponse(affiliate)
})
