import { RiskSignal } from "./signal"

/** Where the affiliate's own device was seen: signed in to the portal, or on a click they made there. */
export type AffiliateVisitorSighting = { visitor_hash: string; source: "portal_session" | "click"; seen_at: Date }

export type VisitorMatchEvidence = {
  /** The buyer's hash that matched (salted IP + user agent, never the IP). */
  visitor_hash: string | null
  source: AffiliateVisitorSighting["source"] | null
  seen_at: string | null
}

/**
 * Fires when a visitor hash of the buyer (recorded when the storefront attached the referral
 * or completed the cart) is one the affiliate's own device showed: the affiliate buying
 * through their own link from a second account. The latest sighting is the evidence.
 */
export function visitorMatchSignal(input: {
  buyer_hashes: (string | null)[]
  affiliate_sightings: AffiliateVisitorSighting[]
}): RiskSignal<VisitorMatchEvidence> {
  const buyer = new Set(input.buyer_hashes.filter((h): h is string => !!h))
  const match = input.affiliate_sightings
    .filter((s) => buyer.has(s.visitor_hash))
    .sort((a, b) => b.seen_at.getTime() - a.seen_at.getTime())[0]
  return {
    type: "visitor_match",
    triggered: !!match,
    evidence: {
      visitor_hash: match?.visitor_hash ?? null,
      source: match?.source ?? null,
      seen_at: match ? match.seen_at.toISOString() : null,
    },
  }
}
