import { MedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { ContainerRegistrationKeys } from "@medusajs/framework/utils"
import { attachCartReferralWorkflow } from "../../../../../workflows/referrals/workflows/attach-cart-referral"
import { StoreAttachCartReferralType } from "../../validators"

export const POST = async (req: MedusaRequest<StoreAttachCartReferralType>, res: MedusaResponse) => {
  await attachCartReferralWorkflow(req.scope).run({
    input: { cart_id: req.params.id, ...req.validatedBody },
  })
  const query = req.scope.resolve(ContainerRegistrationKeys.QUERY)
  const { data: [cart] } = await query.graph({ entity: "cart", fields: ["id", "metadata"], filters: { id: req.params.id } })
  res.json({ cart: { id: cart.id, metadata: cart.metadata } })
}
