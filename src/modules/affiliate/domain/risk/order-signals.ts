import { OrderAttributionSource } from "../../../../types/enums"
import { codeWithoutClickSignal } from "./code-without-click"
import { contactMatchSignal, PostalAddress } from "./contact-match"
import { emailAliasSignal } from "./email-identity"
import { refundRateSignal } from "./refund-rate"
import { RiskRules } from "./rules"
import { TrackRecord } from "./sale-hold"
import { RiskSignal } from "./signal"
import { velocitySignal } from "./velocity"
import { visitorMatchSignal } from "./visitor-match"
import { visitorOrdersSignal } from "./visitor-orders"

/** The credited affiliate as the risk signals compare the buyer with it. */
export type AffiliateRiskProfile = {
  email: string | null
  /** The addresses and phones of the affiliate's own customer account, if it has one. */
  contacts: { addresses: PostalAddress[]; phones: (string | null)[] }
  /** Read only when the program's rules need it (rulesNeedTrackRecord). */
  track: TrackRecord | null
  /**
   * The buyer's visitor hashes (the cart's referral, the click), the affiliate's portal
   * sightings of any of them, and the affiliate's credited orders from that visitor within
   * the visitor_orders window, before this one. Absent where the storefront sent no hash.
   */
  visitor?: {
    hashes: string[]
    orders_hash: string | null
    sightings: { visitor_hash: string; last_seen_at: string }[]
    visitor_orders: number
  }
}

/**
 * The risk signals of a credited order, each with its evidence, in a fixed order: the
 * buyer against the affiliate (email alias, contact details), how the credit came (a code
 * without the affiliate's click), the buyer's device (seen on the affiliate's portal, many
 * orders from it) where the storefront sent it, and, when the affiliate's record was read,
 * their velocity and refund rate. Written on the receipt whether or not any holds the order.
 */
export function orderRiskSignals(
  input: {
    buyer: { email: string | null; shipping_address: PostalAddress | null; phone: string | null }
    credit: {
      source: OrderAttributionSource
      affiliate_id: string
      /** The promotion code that credited the order, when `source` is `code`. */
      code: string | null
      cart_click_affiliate_id: string | null
      customer_attributed_to_affiliate: boolean
    }
    affiliate: AffiliateRiskProfile
  },
  rules: RiskRules
): RiskSignal[] {
  const { buyer, credit, affiliate } = input
  const signals: RiskSignal[] = [
    emailAliasSignal({ buyer_email: buyer.email, affiliate_email: affiliate.email, same_domain: rules.email_same_domain }),
    contactMatchSignal({ shipping_address: buyer.shipping_address, phone: buyer.phone, affiliate: affiliate.contacts }),
    codeWithoutClickSignal(credit),
  ]
  if (affiliate.visitor?.hashes.length) {
    const { visitor } = affiliate
    signals.push(
      visitorMatchSignal({
        buyer_hashes: visitor.hashes,
        affiliate_sightings: visitor.sightings.map((s) => ({ visitor_hash: s.visitor_hash, source: "portal_session", seen_at: new Date(s.last_seen_at) })),
      }),
      visitorOrdersSignal({ visitor_hash: visitor.orders_hash, orders: visitor.visitor_orders + 1, ...rules.visitor_orders })
    )
  }
  if (affiliate.track) {
    signals.push(
      velocitySignal({
        orders_last_hour: affiliate.track.credited_orders_last_hour,
        orders_30_days: affiliate.track.credited_orders_30_days,
        ...rules.velocity,
      }),
      refundRateSignal({
        credited_orders_90_days: affiliate.track.credited_orders_90_days,
        refunded_orders_90_days: affiliate.track.refunded_orders_90_days,
        ...rules.refund_rate,
      })
    )
  }
  return signals
}
