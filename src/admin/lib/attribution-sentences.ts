// The attribution receipt of an order in a store owner's words. The receipt records each
// decision with a terse technical reason (written for logs and the API); the dashboard
// explains it from the receipt's structure instead, and reads the reason only to tell apart
// why a candidate lost.
import { formatDate } from "./format"
import type { AttributionCandidate, OrderAttribution } from "../../types/http"

const STATUS_WORDS: Record<string, string> = {
  pending: "still waiting for approval",
  suspended: "suspended",
  rejected: "rejected",
}

/** The affiliate the receipt is about: the credited one, else the first candidate named. */
const affiliateOf = (receipt: OrderAttribution) =>
  receipt.affiliate?.code ?? receipt.candidates?.find((c) => c.won)?.code ?? receipt.candidates?.find((c) => c.code)?.code ?? "the affiliate"

const codeUsed = (receipt: OrderAttribution) => receipt.candidates?.find((c) => c.won && c.source === "code")?.reference

/** One sentence saying who is credited for the order, and why. */
export function receiptSentence(receipt: OrderAttribution): string {
  const who = affiliateOf(receipt)
  switch (receipt.outcome) {
    case "credited":
      switch (receipt.source) {
        case "attribution":
          return `${who} referred this customer before, so ${who} is credited for this order too.`
        case "code": {
          const code = codeUsed(receipt)
          return code
            ? `The order used ${code}, a promotion code of ${who}, so ${who} is credited.`
            : `The order used a promotion code of ${who}, so ${who} is credited.`
        }
        case "link": {
          const discount = receipt.candidates?.find((c) => c.won && c.source === "link")?.promotion_code
          return discount
            ? `The customer came through ${who}'s referral link, which applied ${who}'s discount ${discount}, so ${who} is credited.`
            : `The customer came through ${who}'s referral link, so ${who} is credited.`
        }
        default:
          return `${who} was assigned to this customer by an admin, so ${who} is credited.`
      }
    case "no_referral":
      return "Nobody is credited: the order used no affiliate's promotion code and came through no referral link."
    case "self_referral":
      return `Nobody is credited: the buyer is the affiliate ${who}, and affiliates earn nothing on their own orders.`
    case "affiliate_inactive":
      return `Nobody is credited: ${who} is not an active affiliate, so the order earns no commission.`
    case "referral_expired":
      return `Nobody is credited: the referral link was clicked longer ago than the program's click window allows.`
    case "not_first_order":
      return `Nobody is credited: ${who}'s program pays only for a customer's first order.`
    case "code_without_click":
      return `Nobody is credited: ${who}'s promotion code was used without ${who}'s referral on the cart, and their program credits a code only with its affiliate's own traffic (a leaked code).`
    default:
      return "The plugin recorded who this order credits."
  }
}

const WON: Record<AttributionCandidate["source"], (who: string) => string> = {
  attribution: (who) => `Credited: the customer was referred by ${who} before and stays with them.`,
  code: (who) => `Credited: the order used this promotion code of ${who}.`,
  link: (who) => `Credited: the cart carried ${who}'s referral.`,
  manual: (who) => `Credited: an admin assigned the customer to ${who}.`,
}

const asSentence = (text: string) => (/[.!?]$/.test(text) ? text : `${text}.`)

/** Why one candidate of the receipt won or lost, as a sentence. */
export function candidateSentence(candidate: AttributionCandidate, receipt: OrderAttribution): string {
  const who = candidate.code ?? "the affiliate"
  if (candidate.won) {
    const won = WON[candidate.source]?.(who) ?? "Credited."
    return candidate.promotion_code ? `${won.slice(0, -1)}, which applied their link discount ${candidate.promotion_code}.` : won
  }
  const reason = candidate.reason ?? ""
  let match: RegExpMatchArray | null
  if ((match = reason.match(/^attribution expired at (.+)$/))) {
    return `Not used: the customer's referral by ${who} ended on ${formatDate(match[1])}.`
  }
  if ((match = reason.match(/^the customer is attributed to (\S+)$/))) {
    return `Not credited: the customer was referred by ${match[1]} before, and a customer stays with their first affiliate.`
  }
  if ((match = reason.match(/^affiliate (\S+) is (\w+)$/))) {
    return `Not credited: ${match[1]} is ${STATUS_WORDS[match[2]] ?? match[2]}.`
  }
  if (/^the buyer is affiliate /.test(reason)) {
    return `Not credited: the buyer is ${who}, and affiliates earn nothing on their own orders.`
  }
  if ((match = reason.match(/outside the (\d+)-day cookie window/))) {
    return `Not credited: the referral link was clicked more than ${match[1]} days before the order.`
  }
  if ((match = reason.match(/^unknown referral (\w+) (.+)$/))) {
    return `Not credited: the referral ${match[1]} ${match[2]} matches no affiliate.`
  }
  if (/takes precedence/.test(reason)) {
    return receipt.source === "code"
      ? "Not credited: the order also used an affiliate's promotion code, and a promotion code counts before a referral link."
      : "Not credited: the order also came through a referral link, and a referral link counts before a promotion code."
  }
  if ((match = reason.match(/^promotion code (\S+) was used without/))) {
    return `Not credited: ${match[1]} was used without ${who}'s referral on the cart, and the program credits a code only with its affiliate's own traffic.`
  }
  if (/first order/.test(reason)) {
    return "Not credited: the program pays only for a customer's first order."
  }
  return reason ? `Not credited: ${asSentence(reason)}` : "Not credited."
}
