import { createWorkflow, transform, WorkflowResponse } from "@medusajs/framework/workflows-sdk"
import { emitEventStep } from "@medusajs/medusa/core-flows"
import { requestAffiliatePayoutsStep } from "../steps/request-payouts"
import { AffiliateEvents } from "../../../events"

export const requestAffiliatePayoutsWorkflowId = "request-affiliate-payouts"

export type RequestAffiliatePayoutsInput = {
  currency_code: string
  /** Only these affiliates; all of them when left out. */
  affiliate_ids?: string[]
  /** The admin user asking. */
  requested_by?: string | null
}

/**
 * An admin requests payouts in one currency for many affiliates at once: one `requested`
 * payout per affiliate whose available net reaches their program's minimum; the others are
 * skipped. Emits `affiliate_payout.requested` for each payout.
 */
export const requestAffiliatePayoutsWorkflow = createWorkflow(
  requestAffiliatePayoutsWorkflowId,
  (input: RequestAffiliatePayoutsInput) => {
    const payouts = requestAffiliatePayoutsStep(input)

    const events = transform({ payouts }, ({ payouts }) =>
      payouts.map((p) => ({ id: p.id, affiliate_id: p.affiliate_id }))
    )
    emitEventStep({ eventName: AffiliateEvents.PAYOUT_REQUESTED, data: events })
    return new WorkflowResponse(payouts)
  }
)
