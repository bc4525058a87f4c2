import { createWorkflow, transform, WorkflowResponse } from "@medusajs/framework/workflows-sdk"
import { acquireLockStep, emitEventStep, releaseLockStep } from "@medusajs/medusa/core-flows"
import { payInStoreCreditStep } from "../steps/pay-in-store-credit"
import { settleAffiliatePayoutStep } from "../steps/settle-payout"
import { AffiliateEvents } from "../../../events"

export const markAffiliatePayoutPaidWorkflowId = "mark-affiliate-payout-paid"

/**
 * The money was sent: the payout and its entries become `paid`, with the external
 * reference (PayPal batch id, bank reference, ...). A payout of a store-credit program is
 * paid here: the affiliate's customer is credited through the loyalty plugin, once, and the
 * store-credit transaction is the reference unless one is given. The payout's lock keeps two
 * settlements apart. Emits `affiliate_payout.paid`.
 */
export const markAffiliatePayoutPaidWorkflow = createWorkflow(
  markAffiliatePayoutPaidWorkflowId,
  (input: { id: string; reference?: string | null }) => {
    const lockKey = transform({ input }, ({ input }) => `affiliate-payout:${input.id}`)
    acquireLockStep({ key: lockKey, timeout: 15, ttl: 120 })
    const credit = payInStoreCreditStep({ id: input.id })
    const settleInput = transform({ input, credit }, ({ input, credit }) => ({
      id: input.id,
      status: "paid" as const,
      reference: input.reference ?? credit.transaction_id ?? null,
    }))
    const payout = settleAffiliatePayoutStep(settleInput)
    releaseLockStep({ key: lockKey })

    const event = transform({ payout }, ({ payout }) => ({ id: payout.id, affiliate_id: payout.affiliate_id }))
    emitEventStep({ eventName: AffiliateEvents.PAYOUT_PAID, data: event })
    return new WorkflowResponse(payout)
  }
)
