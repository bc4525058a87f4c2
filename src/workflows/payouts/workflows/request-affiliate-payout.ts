import { createWorkflow, transform, WorkflowResponse } from "@medusajs/framework/workflows-sdk"
import { emitEventStep } from "@medusajs/medusa/core-flows"
import { assertAffiliateMayRequestPayoutStep } from "../steps/assert-affiliate-may-request-payout"
import { requestAffiliatePayoutStep } from "../steps/request-payouts"
import { AffiliateEvents } from "../../../events"

export const requestAffiliatePayoutWorkflowId = "request-affiliate-payout"

export type RequestAffiliatePayoutInput = {
  affiliate_id: string
  currency_code: string
  /** The customer (portal) or admin user asking. */
  requested_by?: string | null
}

/**
 * An affiliate asks to be paid everything available in one currency: one
 * `requested` payout holding all those entries, or NOT_ALLOWED when the net is below the
 * program minimum or nothing is available. Emits `affiliate_payout.requested`.
 */
export const requestAffiliatePayoutWorkflow = createWorkflow(
  requestAffiliatePayoutWorkflowId,
  (input: RequestAffiliatePayoutInput) => {
    assertAffiliateMayRequestPayoutStep({ affiliate_id: input.affiliate_id })
    const payout = requestAffiliatePayoutStep(input)

    const event = transform({ payout }, ({ payout }) => ({ id: payout.id, affiliate_id: payout.affiliate_id }))
    emitEventStep({ eventName: AffiliateEvents.PAYOUT_REQUESTED, data: event })
    return new WorkflowResponse(payout)
  }
)
