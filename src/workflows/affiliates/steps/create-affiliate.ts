import { InferTypeOf } from "@medusajs/framework/types"
import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import { AFFILIATE_MODULE } from "../../../modules/affiliate"
import { Affiliate } from "../../../modules/affiliate/models"
import type AffiliateModuleService from "../../../modules/affiliate/service"
import { AffiliateFields } from "./validate-affiliate-input"

export type AffiliateRecord = InferTypeOf<typeof Affiliate>

/** Creates the affiliate (the service normalises the code and defaults the program). */
export const createAffiliateStep = createStep(
  "create-affiliate",
  async (data: AffiliateFields & { code: string; name: string; email: string }, { container }) => {
    const service = container.resolve<AffiliateModuleService>(AFFILIATE_MODULE)
    const affiliate = (await service.createAffiliates(data)) as AffiliateRecord
    return new StepResponse(affiliate, affiliate.id)
  },
  async (id, { container }) => {
    if (!id) {
      return
    }
    // Nothing can reference an affiliate created by this very run: removing it is exact.
    await container.resolve<AffiliateModuleService>(AFFILIATE_MODULE).deleteAffiliates([id])
  }
)
