import { AuthenticatedMedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { AFFILIATE_MODULE } from "../../../../../modules/affiliate"
import type AffiliateModuleService from "../../../../../modules/affiliate/service"
import { applyForAffiliateWorkflow } from "../../../../../workflows/portal/workflows/apply-for-affiliate"
import { portalAffiliateResponse } from "../../../../utils/portal-responses"
import { readAgainOnLostConnection } from "../../../../utils/refetch"
import { StoreJoinCustomerReferralsType } from "./validators"

/**
 * The logged-in customer's personal referral code: joining the store's customer referral
 * program (active at once) the first time (201), the code they have on any later call
 * (200). A customer who is an affiliate already has their code. Their rewards are then read
 * through the portal routes (`/store/customers/me/affiliate/*`), as any affiliate's.
 */
export const POST = async (req: AuthenticatedMedusaRequest<StoreJoinCustomerReferralsType>, res: MedusaResponse) => {
  const service = req.scope.resolve<AffiliateModuleService>(AFFILIATE_MODULE)
  const customerId = req.auth_context.actor_id
  const [existing] = await service.listAffiliates({ customer_id: customerId }, { take: 1, relations: ["program"] })
  if (existing) {
    return res.status(200).json({ affiliate: portalAffiliateResponse(existing, existing.program) })
  }
  const { result } = await applyForAffiliateWorkflow(req.scope).run({
    input: { customer_id: customerId, program_kind: "customer", ...req.validatedBody },
  })
  const affiliate = await readAgainOnLostConnection(() => service.retrieveAffiliate(result.id, { relations: ["program"] }))
  res.status(201).json({ affiliate: portalAffiliateResponse(affiliate, affiliate.program) })
}
