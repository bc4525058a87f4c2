import { MedusaNextFunction, MedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { ContainerRegistrationKeys, Modules } from "@medusajs/framework/utils"
import { AFFILIATE_MODULE } from "../../../modules/affiliate"
import { VISITOR_METADATA_KEYS } from "../../../modules/affiliate/domain/visitor-hash"
import type AffiliateModuleService from "../../../modules/affiliate/service"

const CHECKOUT_VISITOR_KEY = VISITOR_METADATA_KEYS.checkout

/**
 * Before Medusa's `POST /store/carts/:id/complete`: notes the completing device's visitor
 * hash (salted IP + user agent) in the cart's metadata, which Medusa copies to the order,
 * for the visitor risk signals. Never stands in the checkout's way: a failure is logged and
 * the completion goes on.
 */
export async function noteCheckoutVisitor(req: MedusaRequest, _res: MedusaResponse, next: MedusaNextFunction) {
  try {
    const hash = req.scope.resolve<AffiliateModuleService>(AFFILIATE_MODULE).visitorHashOf(req.ip, req.get("user-agent"))
    if (hash) {
      const carts = req.scope.resolve(Modules.CART)
      const [cart] = await carts.listCarts({ id: req.params.id, completed_at: null } as any, { select: ["id", "metadata"], take: 1 })
      if (cart && cart.metadata?.[CHECKOUT_VISITOR_KEY] !== hash) {
        await carts.updateCarts(cart.id, { metadata: { ...cart.metadata, [CHECKOUT_VISITOR_KEY]: hash } })
      }
    }
  } catch (error) {
    req.scope.resolve(ContainerRegistrationKeys.LOGGER).warn(`medusa-affiliates: the checkout's visitor was not noted: ${error}`)
  }
  next()
}
