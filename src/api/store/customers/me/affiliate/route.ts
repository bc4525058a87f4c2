import { AuthenticatedMedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { pickDeep } from "@medusajs/framework/utils"
import { AFFILIATE_MODULE } from "../../../../../modules/affiliate"
import type AffiliateModuleService from "../../../../../modules/affiliate/service"
import { applyForAffiliateWorkflow } from "../../../../../workflows/portal/workflows/apply-for-affiliate"
import { portalAffiliate } from "../../../../utils/portal-affiliate"
import { portalAffiliateResponse } from "../../../../utils/portal-responses"
import { StoreApplyForAffiliateType, StorePortalProfileParamsType } from "./validators"
import { readAgainOnLostConnection } from "../../../../utils/refetch"

/** The logged-in customer applies to become an affiliate. */
export const POST = async (req: AuthenticatedMedusaRequest<StoreApplyForAffiliateType>, res: MedusaResponse) => {
  const { result } = await applyForAffiliateWorkflow(req.scope).run({
    input: { customer_id: req.auth_context.actor_id, ...req.validatedBody },
  })
  const service = req.scope.resolve<AffiliateModuleService>(AFFILIATE_MODULE)
  const affiliate = await readAgainOnLostConnection(() => service.retrieveAffiliate(result.id, { relations: ["program"] }))
  res.status(201).json({ affiliate: portalAffiliateResponse(affiliate, affiliate.program) })
}

/**
 * The caller's affiliate profile (`fields` picks among PORTAL_PROFILE_FIELDS), with its
 * balances per currency. The portal's device is
 * noted as the affiliate's own (visitor_match compares buyers with it); a failure to note
 * it costs a signal, not the affiliate their page.
 */
export const GET = async (req: AuthenticatedMedusaRequest<unknown, StorePortalProfileParamsType>, res: MedusaResponse) => {
  const { id } = await portalAffiliate(req)
  const service = req.scope.resolve<AffiliateModuleService>(AFFILIATE_MODULE)
  const [affiliate, balances] = await Promise.all([
    service.retrieveAffiliate(id, { relations: ["program"] }),
    service.getBalances(id),
    service
      .recordAffiliateSighting(id, { ip: req.ip, user_agent: req.get("user-agent") })
      .catch((error) => req.scope.resolve("logger").warn(`medusa-affiliates: portal sighting not recorded: ${error.message}`)),
  ])
  const shown = portalAffiliateResponse(affiliate, affiliate.program)
  // `fields` narrows the affiliate (the balances always come). The program's minimum applies
  // in each payout currency: each balance says it in its own.
  res.json({
    affiliate: pickDeep(shown, req.queryConfig.fields),
    balances: balances.map((balance) => ({ ...balance, min_payout_amount: shown.program.min_payout_amount })),
  })
}
