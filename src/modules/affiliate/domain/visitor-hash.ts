import { createHash } from "crypto"

/**
 * A salted hash of a visitor's IP and user agent: enough to spot repeated or fraudulent
 * clicks, never the raw IP.
 */
export function visitorHash(salt: string, ip: string | null | undefined, userAgent: string | null | undefined) {
  if (!ip && !userAgent) {
    return null
  }
  return createHash("sha256")
    .update(`${salt}\u0000${ip ?? ""}\u0000${userAgent ?? ""}`)
    .digest("hex")
}

/**
 * Where the buyer's visitor hashes travel in cart (then order) metadata: the device that
 * attached the referral (the cart referral route) and the one that completed the checkout
 * (noted before Medusa's cart completion).
 */
export const VISITOR_METADATA_KEYS = {
  referral: "affiliate_visitor_hash",
  checkout: "affiliate_checkout_visitor_hash",
} as const
