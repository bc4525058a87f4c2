import { PromotionActions } from "@medusajs/framework/utils"
import { createWorkflow, transform, when, WorkflowResponse } from "@medusajs/framework/workflows-sdk"
import { updateCartPromotionsWorkflow, updateCartWorkflow, useQueryGraphStep } from "@medusajs/medusa/core-flows"
import { LINK_DISCOUNT_METADATA_KEY, linkDiscountChange } from "../../../modules/affiliate/domain/link-discount"
import { VISITOR_METADATA_KEYS } from "../../../modules/affiliate/domain/visitor-hash"
import { assertMayChangeCartReferralStep } from "../steps/assert-may-change-cart-referral"
import { resolveCartReferralStep } from "../steps/resolve-cart-referral"

export const attachCartReferralWorkflowId = "attach-affiliate-cart-referral"

/**
 * Puts an affiliate referral on a cart's metadata (`affiliate_code`, `affiliate_click_id`
 * for a click, and the requester's `affiliate_visitor_hash`); Medusa copies it to the order
 * when the cart completes. The affiliate's link discount is noted there too
 * (`affiliate_link_promotion_code`) and applied through Medusa's cart promotion workflow
 * once the cart has items (Medusa keeps no promotion on an empty cart: the storefront
 * attaches the referral again after adding one); a replaced referral's discount comes off.
 * A registered customer's cart takes a referral only from that customer (`customer_id`, the
 * logged-in requester); a guest cart from anyone holding its id.
 */
export const attachCartReferralWorkflow = createWorkflow(
  attachCartReferralWorkflowId,
  (input: { cart_id: string; code?: string; click_id?: string; customer_id?: string | null; visitor_hash?: string | null }) => {
    const { data: carts } = useQueryGraphStep({
      entity: "cart",
      fields: ["id", "customer_id", "customer.has_account", "metadata", "items.id"],
      filters: { id: input.cart_id },
      options: { throwIfKeyNotFound: true },
    })
    const owner = transform({ carts, input }, ({ carts, input }) => ({
      cart: carts[0],
      requester_customer_id: input.customer_id ?? null,
    }))
    assertMayChangeCartReferralStep(owner)
    const referral = resolveCartReferralStep({ code: input.code, click_id: input.click_id })

    // Medusa merges cart metadata and deletes keys set to "": a new referral replaces the
    // previous one, click included, and leaves the storefront's own keys alone.
    const metadata = transform({ referral, input }, ({ referral, input }) => ({
      affiliate_code: referral.affiliate_code,
      affiliate_click_id: referral.affiliate_click_id ?? "",
      [LINK_DISCOUNT_METADATA_KEY]: referral.link_discount_code ?? "",
      [VISITOR_METADATA_KEYS.referral]: input.visitor_hash ?? "",
    }))
    updateCartWorkflow.runAsStep({ input: { id: input.cart_id, metadata } })

    const discount = transform({ carts, referral }, ({ carts, referral }) => {
      const cart = carts[0]
      const previous = cart.metadata?.[LINK_DISCOUNT_METADATA_KEY]
      const change = linkDiscountChange(typeof previous === "string" && previous ? previous : null, referral.link_discount_code)
      // Only a cart with items keeps a promotion.
      return cart.items?.length ? change : { add: [], remove: change.remove }
    })
    when({ discount }, ({ discount }) => discount.remove.length > 0).then(() => {
      updateCartPromotionsWorkflow.runAsStep({
        input: { cart_id: input.cart_id, promo_codes: discount.remove, action: PromotionActions.REMOVE, force_refresh_payment_collection: true },
      }).config({ name: "remove-replaced-link-discount" })
    })
    when({ discount }, ({ discount }) => discount.add.length > 0).then(() => {
      updateCartPromotionsWorkflow.runAsStep({
        input: { cart_id: input.cart_id, promo_codes: discount.add, action: PromotionActions.ADD, force_refresh_payment_collection: true },
      }).config({ name: "apply-link-discount" })
    })

    return new WorkflowResponse({ id: input.cart_id })
  }
)
