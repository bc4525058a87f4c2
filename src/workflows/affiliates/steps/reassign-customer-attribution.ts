import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import { AFFILIATE_MODULE } from "../../../modules/affiliate"
import type AffiliateModuleService from "../../../modules/affiliate/service"

/**
 * Binds the customer to the affiliate by hand (`manual`); the service retires their current
 * attribution in the same transaction. Undone by removing the new one and restoring those
 * it retired.
 */
export const reassignCustomerAttributionStep = createStep(
  "reassign-affiliate-customer-attribution",
  async (input: { customer_id: string; affiliate_id: string; created_by: string | null }, { container }) => {
    const service = container.resolve<AffiliateModuleService>(AFFILIATE_MODULE)
    const retired = (await service.listAffiliateAttributions({ customer_id: input.customer_id }, { select: ["id"] })).map((a) => a.id)
    const attribution = await service.reassignCustomerAttribution(input)
    return new StepResponse(attribution, { id: attribution.id, retired_ids: retired })
  },
  async (undo, { container }) => {
    if (!undo) {
      return
    }
    const service = container.resolve<AffiliateModuleService>(AFFILIATE_MODULE)
    await service.deleteAffiliateAttributions([undo.id])
    if (undo.retired_ids.length) {
      await service.restoreAffiliateAttributions(undo.retired_ids)
    }
  }
)
