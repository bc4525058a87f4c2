import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import { AFFILIATE_MODULE } from "../../../modules/affiliate"
import type AffiliateModuleService from "../../../modules/affiliate/service"

export type SettlePayoutInput = {
  id: string
  status: "paid" | "failed"
  reference?: string | null
  reason?: string | null
}

/**
 * Settles a requested payout (the service locks it, so of two racing settlements the second
 * is refused as an illegal transition). No compensation, on purpose: `paid` records money
 * that has left the store's account and `failed` records that it did not; both are final
 * states, and moving the payout back to `requested` would be exactly the
 * backwards move the status flow forbids. Settling is the last write of its workflow, so
 * there is nothing after it whose failure could need it undone; a wrong settlement is
 * corrected with a new request or a ledger adjustment, never by rewriting history.
 */
export const settleAffiliatePayoutStep = createStep(
  "settle-affiliate-payout",
  async (input: SettlePayoutInput, { container }) => {
    const service = container.resolve<AffiliateModuleService>(AFFILIATE_MODULE)
    const payout = await service.settlePayout(input)
    return new StepResponse({ id: payout.id, affiliate_id: payout.affiliate_id, status: payout.status })
  }
)
