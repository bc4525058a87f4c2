import { OrderAttributionSource } from "../../../../types/enums"
import { codeWithoutClickSignal } from "./code-without-click"
import { contactMatchSignal, PostalAddress } from "./contact-match"
import { emailAliasSignal } from "./email-identity"
import { refundRateSignal } from "./refund-rate"
import { RiskRules } from "./rules"
import { TrackRecord } from "./sale-hold"
import { RiskSignal } from "./signal"
import { velocitySignal } from "./velocity"

/** The credited affiliate as the risk signals compare the buyer with it. */
export type AffiliateRiskProfile = {
  email: string | null
  /** The addresses and phones of the affiliate's own customer account, if it has one. */
  contacts: { addresses: PostalAddress[]; phones: (string | null)[] }
  /** Read only when the program's rules need it (rulesNeedTrackRecord). */
  track: TrackRecord | null
}

/**
 * The risk signals of a credited order, each with its evidence, in a fixed order: the
 * buyer against the affiliate (email alias, contact details), how the credit came (a code
 * without the affiliate's click), and, when the affiliate's record was read, their velocity
 * and refund rate. Written on the receipt whether or not any holds the order.
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
