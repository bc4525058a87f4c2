import { AuthenticatedMedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { ContainerRegistrationKeys } from "@medusajs/framework/utils"
import { requestAffiliatePayoutWorkflow } from "../../../../../../workflows/payouts/workflows/request-affiliate-payout"
import { portalAffiliate } from "../../../../../utils/portal-affiliate"
import { PORTAL_PAYOUT_FIELDS } from "./query-config"
import { StoreListPayoutsType, StoreRequestPayoutType } from "./validators"
import { readAgainOnLostConnection } from "../../../../../utils/refetch"

/** The logged-in affiliate's payouts, newest first. */
export const GET = async (req: AuthenticatedMedusaRequest<unknown, StoreListPayoutsType>, res: MedusaResponse) => {
  const affiliate = await portalAffiliate(req)
  const { limit, offset } = req.validatedQuery
  const query = req.scope.resolve(ContainerRegistrationKeys.QUERY)
  const { data, metadata } = await query.graph({
    entity: "affiliate_payout",
    fields: PORTAL_PAYOUT_FIELDS,
    filters: { affiliate_id: affiliate.id },
    pagination: { skip: offset, take: limit, order: { created_at: "DESC", id: "DESC" } },
  })
  res.json({ payouts: data, count: metadata!.count, offset, limit })
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
