import { createWorkflow, transform, WorkflowResponse } from "@medusajs/framework/workflows-sdk"
import { updateCartWorkflow, useQueryGraphStep } from "@medusajs/medusa/core-flows"
import { VISITOR_METADATA_KEYS } from "../../../modules/affiliate/domain/visitor-hash"
import { assertMayChangeCartReferralStep } from "../steps/assert-may-change-cart-referral"
import { resolveCartReferralStep } from "../steps/resolve-cart-referral"

export const attachCartReferralWorkflowId = "attach-affiliate-cart-referral"

/**
 * Puts an affiliate referral on a cart's metadata (`affiliate_code`, `affiliate_click_id`
 * for a click, and the requester's `affiliate_visitor_hash`); Medusa copies it to the order
 * when the cart completes.
 * A registered customer's cart takes a referral only from that customer (`customer_id`, the
 * logged-in requester); a guest cart from anyone holding its id.
 */
export const attachCartReferralWorkflow = createWorkflow(
  attachCartReferralWorkflowId,
  (input: { cart_id: string; code?: string; click_id?: string; customer_id?: string | null; visitor_hash?: string | null }) => {
    const { data: carts } = useQueryGraphStep({
      entity: "cart",
      fields: ["id", "customer_id", "customer.has_account"],
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
      [VISITOR_METADATA_KEYS.referral]: input.visitor_hash ?? "",
    }))
    updateCartWorkflow.runAsStep({ input: { id: input.cart_id, metadata } })

    return new WorkflowResponse({ id: input.cart_id })
  }
)
