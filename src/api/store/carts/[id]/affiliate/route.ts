import { AuthenticatedMedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { ContainerRegistrationKeys } from "@medusajs/framework/utils"
import { AFFILIATE_MODULE } from "../../../../../modules/affiliate"
import type AffiliateModuleService from "../../../../../modules/affiliate/service"
import { attachCartReferralWorkflow } from "../../../../../workflows/referrals/workflows/attach-cart-referral"
import { StoreAttachCartReferralType } from "../../validators"
import { readAgainOnLostConnection } from "../../../../utils/refetch"

/**
 * Puts a referral on the cart; the requester (a logged-in customer, or a guest) decides who
 * may. The requester's visitor hash goes with it, for the visitor risk signals.
 */
export const POST = async (req: AuthenticatedMedusaRequest<StoreAttachCartReferralType>, res: MedusaResponse) => {
  const auth = req.auth_context
  const service = req.scope.resolve<AffiliateModuleService>(AFFILIATE_MODULE)
  await attachCartReferralWorkflow(req.scope).run({
    input: {
      cart_id: req.params.id,
      ...req.validatedBody,
      customer_id: auth?.actor_type === "customer" && auth.actor_id ? auth.actor_id : null,
      visitor_hash: service.visitorHashOf(req.ip, req.get("user-agent")),
    },
  })
  const query = req.scope.resolve(ContainerRegistrationKeys.QUERY)
  const { data: [cart] } = await readAgainOnLostConnection(() =>
    query.graph({ entity: "cart", fields: ["id", "metadata"], filters: { id: req.params.id } })
  )
  res.json({ cart: { id: cart.id, metadata: cart.metadata } })
}
