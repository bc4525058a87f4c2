import { MedusaError } from "@medusajs/framework/utils"
import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import { AFFILIATE_MODULE } from "../../../modules/affiliate"
import type AffiliateModuleService from "../../../modules/affiliate/service"

/**
 * Only an active affiliate may ask for their own payout: a suspended one (under review) or
 * one not yet approved cannot cash out. An admin can still pay them with a batch payout.
 */
export const assertAffiliateMayRequestPayoutStep = createStep(
  "assert-affiliate-may-request-payout",
  async (input: { affiliate_id: string }, { container }) => {
    const service = container.resolve<AffiliateModuleService>(AFFILIATE_MODULE)
    const affiliate = await service.retrieveAffiliate(input.affiliate_id, { select: ["id", "status"] })
    if (affiliate.status !== "active") {
      throw new MedusaError(
        MedusaError.Types.NOT_ALLOWED,
        `status: only an active affiliate can request a payout (this one is ${affiliate.status})`
      )
    }
    return new StepResponse(undefined)
  }
)
