/**
 * Who may put a referral on a cart: anyone holding a guest cart's id (as Medusa's own cart
 * updates allow), but only the registered customer a cart belongs to, logged in. Null when
 * allowed, else why not.
 */
export function cartReferralRefusal(input: {
  cart_id: string
  cart_customer_id: string | null
  cart_customer_has_account: boolean
  requester_customer_id: string | null
}): string | null {
  if (!input.cart_customer_id || !input.cart_customer_has_account) {
    return null
  }
  if (input.requester_customer_id === input.cart_customer_id) {
    return null
  }
  return `Cart with id: ${input.cart_id} belongs to a registered customer: only they, logged in, can change its referral`
}
