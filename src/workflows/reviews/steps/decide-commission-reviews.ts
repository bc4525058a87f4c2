import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import { AFFILIATE_MODULE } from "../../../modules/affiliate"
import type AffiliateModuleService from "../../../modules/affiliate/service"
import type { ReviewDecisionInput } from "../../../modules/affiliate/types/service"

/**
 * Approves or declines held sales in one module transaction (see the service). A decline's
 * reversal is append-only and keyed by the sale, and a decided review cannot be decided
 * again: there is nothing to compensate.
 */
export const decideCommissionReviewsStep = createStep(
  "decide-affiliate-commission-reviews",
  async (input: ReviewDecisionInput, { container }) => {
    const service = container.resolve<AffiliateModuleService>(AFFILIATE_MODULE)
    return new StepResponse(await service.decideCommissionReviews(input))
  }
)
