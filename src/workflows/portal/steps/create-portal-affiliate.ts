import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import { AFFILIATE_MODULE } from "../../../modules/affiliate"
import type AffiliateModuleService from "../../../modules/affiliate/service"
import type { NewPortalAffiliate } from "./prepare-affiliate-application"

/** Creates the affiliate; when a later step fails, the affiliate is deleted again. */
export const createPortalAffiliateStep = createStep(
  "create-portal-affiliate",
  async (data: NewPortalAffiliate, { container }) => {
    const service = container.resolve<AffiliateModuleService>(AFFILIATE_MODULE)
    const affiliate = (await service.createAffiliates(data)) as Awaited<ReturnType<typeof service.retrieveAffiliate>>
    return new StepResponse(affiliate, affiliate.id)
  },
  async (affiliateId, { container }) => {
    if (!affiliateId) {
      return
    }
    await container.resolve<AffiliateModuleService>(AFFILIATE_MODULE).deleteAffiliates(affiliateId)
  }
)
