import { createWorkflow, transform, WorkflowResponse } from "@medusajs/framework/workflows-sdk"
import { emitEventStep } from "@medusajs/medusa/core-flows"
import { settleAffiliatePayoutStep } from "../steps/settle-payout"
import { AffiliateEvents } from "../../../events"

export const markAffiliatePayoutPaidWorkflowId = "mark-affiliate-payout-paid"

/**
 * The money was sent: the payout and its entries become `paid`, with the external
 * reference (PayPal batch id, bank reference, ...). Emits `affiliate_payout.paid`.
 */
export const markAffiliatePayoutPaidWorkflow = createWorkflow(
  markAffiliatePayoutPaidWorkflowId,
  (input: { id: string; reference?: string | null }) => {
    const settleInput = transform({ input }, ({ input }) => ({
      id: input.id,
      status: "paid" as const,
      reference: input.reference ?? null,
    }))
    const payout = settleAffiliatePayoutStep(settleInput)

    const event = transform({ payout }, ({ payout }) => ({ id: payout.id, affiliate_id: payout.affiliate_id }))
    emitEventStep({ eventName: AffiliateEvents.PAYOUT_PAID, data: event })
    return new WorkflowResponse(payout)
  }
)
