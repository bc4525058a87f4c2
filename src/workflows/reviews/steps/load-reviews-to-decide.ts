import { MedusaError } from "@medusajs/framework/utils"
import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import { AFFILIATE_MODULE } from "../../../modules/affiliate"
import type AffiliateModuleService from "../../../modules/affiliate/service"

/**
 * The orders of the reviews to decide, for their locks; 404 naming unknown ids. Whether each
 * is still `required` is checked again under the row locks of the decision itself.
 */
export const loadReviewsToDecideStep = createStep(
  "load-affiliate-reviews-to-decide",
  async (input: { ids: string[] }, { container }) => {
    const service = container.resolve<AffiliateModuleService>(AFFILIATE_MODULE)
    const ids = [...new Set(input.ids)]
    const reviews = await service.listAffiliateCommissionReviews({ id: ids }, { select: ["id", "order_id"], take: ids.length })
    const missing = ids.filter((id) => !reviews.some((r) => r.id === id))
    if (missing.length) {
      throw new MedusaError(MedusaError.Types.NOT_FOUND, `Affiliate commission review with id: ${missing.join(", ")} was not found`)
    }
    return new StepResponse({ order_ids: [...new Set(reviews.map((r) => r.order_id))] })
  }
)
