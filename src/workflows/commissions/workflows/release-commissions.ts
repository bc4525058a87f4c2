import { createWorkflow, transform, WorkflowResponse } from "@medusajs/framework/workflows-sdk"
import { emitEventStep } from "@medusajs/medusa/core-flows"
import { releaseDueCommissionsStep } from "../steps/release-due-commissions"
import { AffiliateEvents } from "../../../events"

export const releaseCommissionsWorkflowId = "release-affiliate-commissions"

/**
 * Moves every held entry whose hold has ended to `available`, and tells each affiliate how
 * many were released (`affiliate_commission.released`, one event per affiliate per run).
 */
export const releaseCommissionsWorkflow = createWorkflow(
  releaseCommissionsWorkflowId,
  (input: { now?: Date; batch_size?: number }) => {
    const result = releaseDueCommissionsStep(input)
    const events = transform({ result }, ({ result }) =>
      result.by_affiliate.map((a) => ({ id: a.affiliate_id, affiliate_id: a.affiliate_id, count: a.count }))
    )
    emitEventStep({ eventName: AffiliateEvents.COMMISSIONS_RELEASED, data: events })
    return new WorkflowResponse(result)
  }
)
