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
    default:
      return signal.type.replace(/_/g, " ")
  }
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
