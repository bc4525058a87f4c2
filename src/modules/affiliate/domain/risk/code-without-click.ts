import { OrderAttributionSource } from "../../../../types/enums"
import { RiskSignal } from "./signal"

export type CodeWithoutClickEvidence = {
  code: string | null
  /** The affiliate of the click on the cart, if any (another affiliate's click still counts as none of theirs). */
  cart_click_affiliate_id: string | null
  customer_attributed: boolean
}

/**
 * Fires when an order is credited through an affiliate's promotion code while the cart
 * carries no click of that affiliate and the customer is not already theirs: the code
 * travelled without the affiliate's traffic, as leaked codes do on coupon sites.
 */
export function codeWithoutClickSignal(input: {
  /** The winning candidate's source (the receipt's: `code` is an affiliate's promotion code) and affiliate. */
  source: OrderAttributionSource
  affiliate_id: string
  code: string | null
  cart_click_affiliate_id: string | null
  /** The customer has a live attribution to this affiliate. */
  customer_attributed_to_affiliate: boolean
}): RiskSignal<CodeWithoutClickEvidence> {
  const triggered =
    input.source === "code" &&
    input.cart_click_affiliate_id !== input.affiliate_id &&
    !input.customer_attributed_to_affiliate
  return {
    type: "code_without_click",
    triggered,
    evidence: {
      code: input.code,
      cart_click_affiliate_id: input.cart_click_affiliate_id,
      customer_attributed: input.customer_attributed_to_affiliate,
    },
  }
}
