import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import { AFFILIATE_MODULE } from "../../../modules/affiliate"
import type AffiliateModuleService from "../../../modules/affiliate/service"

/** Set-based rollup of the days since the last run (see the service); derived data only, nothing to compensate. */
export const rollUpActivityStep = createStep("roll-up-affiliate-activity", async (input: { until?: Date }, { container }) => {
  const service = container.resolve<AffiliateModuleService>(AFFILIATE_MODULE)
  return new StepResponse(await service.rollUpActivity({ until: input.until ? new Date(input.until) : undefined }))
})
