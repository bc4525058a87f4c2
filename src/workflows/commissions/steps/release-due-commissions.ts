import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import { AFFILIATE_MODULE } from "../../../modules/affiliate"
import type AffiliateModuleService from "../../../modules/affiliate/service"

/** Set-based release of due held entries (see the service); a forward-only status move, nothing to compensate. */
export const releaseDueCommissionsStep = createStep(
  "release-due-affiliate-commissions",
  async (input: { now?: Date; batch_size?: number }, { container }) => {
    const service = container.resolve<AffiliateModuleService>(AFFILIATE_MODULE)
    return new StepResponse(await service.releaseDueCommissions(input))
  }
)
