import { AuthenticatedMedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { ContainerRegistrationKeys } from "@medusajs/framework/utils"
import { AFFILIATE_MODULE } from "../../../../../modules/affiliate"
import { isAttributionLive } from "../../../../../modules/affiliate/domain/choose-attribution"
import type AffiliateModuleService from "../../../../../modules/affiliate/service"
import { reassignCustomerAttributionWorkflow } from "../../../../../workflows/affiliates/workflows/reassign-customer-attribution"
import { readAgainOnLostConnection, refetchOr404 } from "../../../../utils/refetch"
import { AFFILIATE_FIELDS } from "../../../affiliates/query-config"
import { AdminReassignCustomerAffiliateType } from "../../validators"

const AFFILIATE_SUMMARY = ["id", "code", "name", "email", "status"]

/** The customer's live attribution (expired ones are null), with the affiliate it binds them to. */
async function liveAttribution(req: AuthenticatedMedusaRequest, customerId: string) {
  const service = req.scope.resolve<AffiliateModuleService>(AFFILIATE_MODULE)
  const [attribution] = await service.listAffiliateAttributions(
    { customer_id: customerId },
    { take: 1, relations: ["affiliate"] }
  )
  if (!attribution || !isAttributionLive(attribution.expires_at ? new Date(attribution.expires_at) : null, new Date())) {
    return null
  }
  const { affiliate, ...rest } = attribution as typeof attribution & { affiliate?: Record<string, unknown> }
  return {
    id: rest.id,
    customer_id: rest.customer_id,
    affiliate_id: rest.affiliate_id,
    source: rest.source,
    click_id: rest.click_id,
    promotion_code: rest.promotion_code,
    order_id: rest.order_id,
    expires_at: rest.expires_at,
    created_by: rest.created_by,
    created_at: rest.created_at,
    affiliate: affiliate ? Object.fromEntries(AFFILIATE_SUMMARY.map((f) => [f, affiliate[f]])) : null,
  }
}

/**
 * Two different things: `attribution` is the affiliate the customer is bound to as a
 * buyer (who is credited for their orders); `affiliate` is the customer's own affiliate
 * profile, when they are an affiliate themselves. Each is null when there is none.
 */
export const GET = async (req: AuthenticatedMedusaRequest, res: MedusaResponse) => {
  const customerId = req.params.id
  await refetchOr404(req.scope, { entity: "customer", id: customerId, fields: ["id"], label: "Customer" })
  const query = req.scope.resolve(ContainerRegistrationKeys.QUERY)
  const [attribution, { data: [affiliate] }] = await Promise.all([
    liveAttribution(req, customerId),
    query.graph({ entity: "affiliate", fields: AFFILIATE_FIELDS, filters: { customer_id: customerId } }),
  ])
  res.json({ attribution, affiliate: affiliate ?? null })
}

/** Manual reassignment: binds the customer to the affiliate, replacing any attribution. */
export const POST = async (req: AuthenticatedMedusaRequest<AdminReassignCustomerAffiliateType>, res: MedusaResponse) => {
  await reassignCustomerAttributionWorkflow(req.scope).run({
    input: {
      customer_id: req.params.id,
      affiliate_id: req.validatedBody.affiliate_id,
      created_by: req.auth_context?.actor_id ?? null,
    },
  })
  res.json({ attribution: await readAgainOnLostConnection(() => liveAttribution(req, req.params.id)) })
}
