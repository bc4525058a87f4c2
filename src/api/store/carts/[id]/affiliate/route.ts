import { AuthenticatedMedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { ContainerRegistrationKeys } from "@medusajs/framework/utils"
import { attachCartReferralWorkflow } from "../../../../../workflows/referrals/workflows/attach-cart-referral"
import { StoreAttachCartReferralType } from "../../validators"
import { readAgainOnLostConnection } from "../../../../utils/refetch"

/** Puts a referral on the cart; the requester (a logged-in customer, or a guest) decides who may. */
export const POST = async (req: AuthenticatedMedusaRequest<StoreAttachCartReferralType>, res: MedusaResponse) => {
  const auth = req.auth_context
  await attachCartReferralWorkflow(req.scope).run({
    input: {
      cart_id: req.params.id,
      ...req.validatedBody,
      customer_id: auth?.actor_type === "customer" && auth.actor_id ? auth.actor_id : null,
    },
  })
  const query = req.scope.resolve(ContainerRegistrationKeys.QUERY)
  const { data: [cart] } = await readAgainOnLostConnection(() =>
    query.graph({ entity: "cart", fields: ["id", "metadata"], filters: { id: req.params.id } })
  )
  res.json({ cart: { id: cart.id, metadata: cart.metadata } })
}
