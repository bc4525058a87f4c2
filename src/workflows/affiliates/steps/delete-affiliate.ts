import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import { AFFILIATE_MODULE } from "../../../modules/affiliate"
import type AffiliateModuleService from "../../../modules/affiliate/service"

/**
 * Soft-deletes an affiliate and releases the customers bound to it (their attributions are
 * soft-deleted too), so a deleted affiliate is never credited again and those customers
 * can be attributed afresh. Ledger, clicks, receipts and payouts stay as history.
 */
export const deleteAffiliateStep = createStep(
  "delete-affiliate",
  async (input: { id: string }, { container }) => {
    const service = container.resolve<AffiliateModuleService>(AFFILIATE_MODULE)
    const attributions = await service.listAffiliateAttributions({ affiliate_id: input.id }, { select: ["id"] })
    const attributionIds = attributions.map((a) => a.id)
    await service.softDeleteAffiliates([input.id])
    if (attributionIds.length) {
      await service.softDeleteAffiliateAttributions(attributionIds)
    }
    return new StepResponse({ id: input.id }, { id: input.id, attribution_ids: attributionIds })
  },
  async (undo, { container }) => {
    if (!undo) {
      return
    }
    const service = container.resolve<AffiliateModuleService>(AFFILIATE_MODULE)
    await service.restoreAffiliates([undo.id])
    if (undo.attribution_ids.length) {
      await service.restoreAffiliateAttributions(undo.attribution_ids)
    }
  }
)
