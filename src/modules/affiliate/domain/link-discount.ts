// An affiliate's link discount: the one promotion their referral applies to the cart by
// itself, so a visitor through their link gets the discount without typing a code.

/** Where the cart (then the order) notes the code its referral applied. */
export const LINK_DISCOUNT_METADATA_KEY = "affiliate_link_promotion_code"

/**
 * The cart's promotion changes when a referral replaces another: the previous referral's
 * auto-applied code comes off (a code the shopper typed is theirs and stays), the new one's
 * goes on. Null codes are "none".
 */
export function linkDiscountChange(previous: string | null, next: string | null): { add: string[]; remove: string[] } {
  if (previous === next) {
    return { add: next ? [next] : [], remove: [] }
  }
  return { add: next ? [next] : [], remove: previous ? [previous] : [] }
}
