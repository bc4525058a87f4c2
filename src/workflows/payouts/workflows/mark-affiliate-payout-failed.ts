import { createWorkflow, transform, WorkflowResponse } from "@medusajs/framework/workflows-sdk"
import { emitEventStep } from "@medusajs/medusa/core-flows"
import { settleAffiliatePayoutStep } from "../steps/settle-payout"
import { AffiliateEvents } from "../../../events"

export const markAffiliatePayoutFailedWorkflowId = "mark-affiliate-payout-failed"

/**
 * The transfer failed (or bounced): the payout is `failed`, with the reason, and its
 * entries go back to `available`, ready for the next request. Emits `affiliate_payout.failed`.
 */
export const markAffiliatePayoutFailedWorkflow = createWorkflow(
  markAffiliatePayoutFailedWorkflowId,
  (input: { id: string; reason?: string | null }) => {
    const settleInput = transform({ input }, ({ input }) => ({
      id: input.id,
      status: "failed" as const,
      reason: input.reason ?? null,
    }))
    const payout = settleAffiliatePayoutStep(settleInput)

    const event = transform({ payout }, ({ payout }) => ({ id: payout.id, affiliate_id: payout.affiliate_id }))
    emitEventStep({ eventName: AffiliateEvents.PAYOUT_FAILED, data: event })
    return new WorkflowResponse(payout)
  }
)
