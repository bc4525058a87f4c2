import { AuthenticatedMedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { ContainerRegistrationKeys } from "@medusajs/framework/utils"
import { requestAffiliatePayoutWorkflow } from "../../../../../../workflows/payouts/workflows/request-affiliate-payout"
import { portalAffiliate } from "../../../../../utils/portal-affiliate"
import { PORTAL_PAYOUT_FIELDS } from "./query-config"
import { StoreListPayoutsType, StoreRequestPayoutType } from "./validators"
import { listPage } from "../../../../../utils/list-query"
import { readAgainOnLostConnection } from "../../../../../utils/refetch"

/** The logged-in affiliate's payouts, newest first unless `order` says otherwise. */
export const GET = async (req: AuthenticatedMedusaRequest<unknown, StoreListPayoutsType>, res: MedusaResponse) => {
  const affiliate = await portalAffiliate(req)
  const { data: payouts, ...page } = await listPage(req, "affiliate_payout", { filters: { affiliate_id: affiliate.id }, breakTiesById: true })
  res.json({ payouts, ...page })
}

/** The logged-in affiliate asks to be paid everything available in one currency. */
export const POST = async (req: AuthenticatedMedusaRequest<StoreRequestPayoutType>, res: MedusaResponse) => {
  const affiliate = await portalAffiliate(req)
  const { result } = await requestAffiliatePayoutWorkflow(req.scope).run({
    input: {
      affiliate_id: affiliate.id,
      currency_code: req.validatedBody.currency_code,
      requested_by: req.auth_context.actor_id,
    },
  })
  const query = req.scope.resolve(ContainerRegistrationKeys.QUERY)
  const { data: [payout] } = await readAgainOnLostConnection(() =>
    query.graph({ entity: "affiliate_payout", fields: PORTAL_PAYOUT_FIELDS, filters: { id: result.id } })
  )
  res.json({ payout })
}
