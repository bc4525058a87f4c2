import { MedusaError } from "@medusajs/framework/utils"
import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import { cartReferralRefusal } from "../../../modules/affiliate/domain/cart-referral-owner"

export const assertMayChangeCartReferralStepId = "assert-may-change-affiliate-cart-referral"

/** Refuses (403) a referral on a registered customer's cart from anyone but that customer. */
export const assertMayChangeCartReferralStep = createStep(
  assertMayChangeCartReferralStepId,
  async (input: {
    cart: { id: string; customer_id?: string | null; customer?: { has_account?: boolean } | null }
    requester_customer_id: string | null
  }) => {
    const refusal = cartReferralRefusal({
      cart_id: input.cart.id,
      cart_customer_id: input.cart.customer_id ?? null,
      cart_customer_has_account: !!input.cart.customer?.has_account,
      requester_customer_id: input.requester_customer_id,
    })
    if (refusal) {
      throw new MedusaError(MedusaError.Types.FORBIDDEN, refusal)
    }
    return new StepResponse(undefined)
  }
)
