import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import { AFFILIATE_MODULE } from "../../../modules/affiliate"
import type AffiliateModuleService from "../../../modules/affiliate/service"
import { AffiliateStatus } from "../../../types/enums"
import { previousValues } from "../previous-values"
import type { AffiliateRecord } from "./create-affiliate"
import { AffiliateFields } from "./validate-affiliate-input"

export type UpdatedAffiliate = { affiliate: AffiliateRecord; previous_status: AffiliateStatus }

/**
 * Updates an affiliate; the service refuses a status move AFFILIATE_TRANSITIONS do not allow. Returns
 * the status it had, so the workflow can tell whether it changed.
 */
export const updateAffiliateStep = createStep(
  "update-affiliate",
  async ({ id, ...patch }: AffiliateFields & { id: string }, { container }) => {
    const service = container.resolve<AffiliateModuleService>(AFFILIATE_MODULE)
    const before = await service.retrieveAffiliate(id)
    const affiliate = (await service.updateAffiliates({ id, ...patch })) as AffiliateRecord
    return new StepResponse<UpdatedAffiliate, { id: string; restore: Record<string, unknown> }>(
      { affiliate, previous_status: before.status },
      { id, restore: previousValues(before as Record<string, any>, patch) }
    )
  },
  async (undo, { container }) => {
    if (!undo) {
      return
    }
    // Putting a status back is a move the transition rules refuse on purpose
    // (active -> pending), hence the compensation-only method.
    await container.resolve<AffiliateModuleService>(AFFILIATE_MODULE).restoreAffiliateFields(undo.id, undo.restore)
  }
)
