import type { OrderAttribution } from "../../types/http"

type Signal = { type: string; triggered: boolean; evidence: Record<string, any> }
type Hold = { hold_days: number; reasons: { rule: string; hold_days: number }[] }

const RULE_LABELS: Record<string, string> = {
  program: "program",
  new_affiliate: "new affiliate",
  refund_rate: "refund rate",
  order_over: "large order",
}

/** A fired risk signal in words, with its evidence. */
export function signalSentence(signal: Signal): string {
  const e = signal.evidence ?? {}
  switch (signal.type) {
    case "email_alias":
      return e.match === "same_domain"
        ? `The buyer's email ${e.buyer_email} is on the affiliate's own domain.`
        : `The buyer's email ${e.buyer_email} reaches the affiliate's mailbox (${e.affiliate_email}).`
    case "contact_match": {
      const matched: string[] = e.matched ?? []
      return `The order's ${matched.map((m) => m.replace("_", " ")).join(" and ")} ${matched.length > 1 ? "equal" : "equals"} the affiliate's own.`
    }
    case "code_without_click":
      return `Code ${e.code} was used without the affiliate's referral on the cart: possibly a leaked code.`
    case "velocity":
      return `${e.orders_last_hour} orders in the last hour against a usual ${e.hourly_rate_30_days} an hour (over ${e.factor}x).`
    case "refund_rate":
      return `${e.refunded_orders_90_days} of ${e.credited_orders_90_days} credited orders in 90 days were refunded (${e.refund_rate_percent} %, over ${e.max_percent} %).`
    case "visitor_match":
      return e.source === "portal_session"
        ? "The buyer's device is one the affiliate used for their own portal."
        : "The buyer's device is one that clicked the affiliate's own links."
    case "visitor_orders":
      return `${e.orders} of the affiliate's orders within ${e.window_days} days came from one device (over ${e.max_orders}).`
    default:
      return signal.type.replace(/_/g, " ")
  }
}

/** What held a sale for review, in words: "code without click and email alias". */
export function reviewReasons(because: string[]): string {
  return because.map((b) => b.replace(/_/g, " ")).join(" and ")
}

/** The receipt's fired signals, each in words. */
export function firedSignals(receipt: OrderAttribution): { type: string; sentence: string }[] {
  const signals = ((receipt.risk as any)?.signals ?? []) as Signal[]
  return signals.filter((s) => s.triggered).map((s) => ({ type: s.type, sentence: signalSentence(s) }))
}

/** "Held 60 days (new affiliate 60; program 30)", or null without a hold on the receipt. */
export function holdSentence(receipt: OrderAttribution): string | null {
  const hold = (receipt.risk as any)?.hold as Hold | undefined
  if (!hold) {
    return null
  }
  const why = [...hold.reasons]
    .sort((a, b) => b.hold_days - a.hold_days)
    .map((r) => `${RULE_LABELS[r.rule] ?? r.rule} ${r.hold_days}`)
    .join("; ")
  return `Held ${hold.hold_days} days (${why})`
}

/** "Held for review (code without click): awaiting a decision", or how it was decided; null without a review. */
export function reviewSentence(receipt: OrderAttribution): string | null {
  const review = receipt.review
  if (!review) {
    return null
  }
  const held = `Held for review (${reviewReasons(review.because)})`
  if (review.status === "required") {
    return `${held}: awaiting a decision.`
  }
  return `${held}: ${review.status}${review.reason ? `, "${review.reason}"` : ""}.`
}

/** A code's leak report in words: "12 orders in 90 days, 9 without the affiliate's referral (75 %), from 8 devices." */
export function leakSentence(leak: { orders: number; orders_without_click: number; share_without_click: string; visitors: number } | null): string {
  if (!leak || leak.orders === 0) {
    return "No orders used this code in the last 90 days."
  }
  const orders = `${leak.orders} ${leak.orders === 1 ? "order" : "orders"} in 90 days`
  const devices = leak.visitors ? `, from ${leak.visitors} ${leak.visitors === 1 ? "device" : "devices"}` : ""
  return `${orders}, ${leak.orders_without_click} without the affiliate's referral on the cart (${leak.share_without_click} %)${devices}.`
}
