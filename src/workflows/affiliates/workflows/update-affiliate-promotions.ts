import { createWorkflow, transform, when, WorkflowResponse } from "@medusajs/framework/workflows-sdk"
import {
  acquireLockStep,
  createRemoteLinkStep,
  dismissRemoteLinkStep,
  releaseLockStep,
} from "@medusajs/medusa/core-flows"
import { planAffiliatePromotionLinksStep } from "../steps/plan-affiliate-promotion-links"
import { updateAffiliateStep } from "../steps/update-affiliate"

export const updateAffiliatePromotionsWorkflowId = "update-affiliate-promotions"

// One lock for every change of affiliate promotion links: such changes are rare admin
// actions, and one key cannot half-acquire the way a set of per-promotion keys can.
const PROMOTION_LINKS_LOCK = "affiliates:promotion-links"

/**
 * Links promotions to an affiliate and unlinks others, and sets which one is the link
 * discount. Changes are serialised, so two admins giving one promotion to two affiliates at
 * once cannot both win.
 */
export const updateAffiliatePromotionsWorkflow = createWorkflow(
  updateAffiliatePromotionsWorkflowId,
  (input: { id: string; add: string[]; remove: string[]; link_promotion_id?: string | null }) => {
    acquireLockStep({ key: PROMOTION_LINKS_LOCK, timeout: 10, ttl: 60 })
    const plan = planAffiliatePromotionLinksStep(input)
    const dismiss = transform({ plan }, ({ plan }) => plan.dismiss)
    const create = transform({ plan }, ({ plan }) => plan.create)
    dismissRemoteLinkStep(dismiss)
    createRemoteLinkStep(create)
    when({ plan }, ({ plan }) => plan.link_promotion_id !== undefined).then(() => {
      const patch = transform({ plan, input }, ({ plan, input }) => ({ id: input.id, link_promotion_id: plan.link_promotion_id ?? null }))
      updateAffiliateStep(patch)
    })
    releaseLockStep({ key: PROMOTION_LINKS_LOCK })
    return new WorkflowResponse({ id: input.id })
  }
)
