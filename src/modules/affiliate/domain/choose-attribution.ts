import {
  AffiliateStatus,
  OrderAttributionOutcome,
  OrderAttributionSource,
} from "../../../types/enums"
import type { CodeBinding } from "./risk/rules"
import { DAY_MS } from "./days"

/** What the decision needs to know about an affiliate. */
export type AffiliateFacts = {
  id: string
  code: string
  status: AffiliateStatus
  customer_id: string | null
  email: string
  program: {
    id: string
    cookie_days: number
    trailing_months: number | null
    first_order_only: boolean
    /** Under `no_credit` the affiliate's promotion code credits them only with their own referral on the cart. */
    code_binding?: CodeBinding
  }
}

export type AttributionInput = {
  order: { id: string; customer_id: string | null; email: string | null; placed_at: Date }
  /** The customer's attribution, live or expired, if any. */
  attribution: { id: string; affiliate: AffiliateFacts; expires_at: Date | null } | null
  /** Promotion codes used on the order that belong to an affiliate. */
  promotion_codes: { code: string; affiliate: AffiliateFacts }[]
  /** The referral the storefront put on the cart (order.metadata), already resolved. */
  referral:
    | { kind: "click"; click_id: string; clicked_at: Date; affiliate: AffiliateFacts }
    | { kind: "code"; code: string; affiliate: AffiliateFacts }
    | null
  /** A referral on the cart that did not resolve (unknown code or click). */
  unresolved_referral?: { kind: "click" | "code"; value: string } | null
  /**
   * The promotion code the cart referral applied automatically and the order used (the
   * affiliate's or their program's link discount, order.metadata.affiliate_link_promotion_code):
   * with that referral it is one candidate, not a second one.
   */
  link_discount_code?: string | null
  /** Credited orders this customer already has, for first-order-only programs. */
  prior_credited_orders: number
  priority: "code" | "link"
  allow_self_referral: boolean
}

export type AttributionCandidate = {
  source: OrderAttributionSource
  affiliate_id: string | null
  code: string | null
  /** The click, promotion code or attribution it came from. */
  reference: string | null
  /** A link's discount code, applied automatically with the referral. */
  promotion_code?: string | null
  won: boolean
  reason: string
}

export type AttributionDecision = {
  outcome: OrderAttributionOutcome
  source: OrderAttributionSource | null
  affiliate: AffiliateFacts | null
  reason: string
  candidates: AttributionCandidate[]
  /** Whether to bind the customer to the winner (none, or only an expired attribution, existed). */
  bind_customer: { source: "link" | "code"; click_id: string | null; promotion_code: string | null; expires_at: Date | null } | null
}

const FIRST_ORDER_ONLY = "the program credits only a customer's first order"

/**
 * created_at + trailing_months, NULL (forever) when the program has no trailing limit. A
 * day past the end of the target month clamps to its last day (31 Jan + 1 month = 28/29 Feb).
 */
export function attributionExpiry(from: Date, trailingMonths: number | null): Date | null {
  if (trailingMonths == null) {
    return null
  }
  const expires = new Date(from)
  const day = expires.getUTCDate()
  expires.setUTCDate(1)
  expires.setUTCMonth(expires.getUTCMonth() + trailingMonths)
  const lastDay = new Date(Date.UTC(expires.getUTCFullYear(), expires.getUTCMonth() + 1, 0)).getUTCDate()
  expires.setUTCDate(Math.min(day, lastDay))
  return expires
}

export function isAttributionLive(expiresAt: Date | null, at: Date): boolean {
  return expiresAt === null || expiresAt.getTime() > at.getTime()
}

function isSelfReferral(order: AttributionInput["order"], affiliate: AffiliateFacts): boolean {
  const sameCustomer = !!order.customer_id && order.customer_id === affiliate.customer_id
  const sameEmail =
    !!order.email && order.email.trim().toLowerCase() === affiliate.email.trim().toLowerCase()
  return sameCustomer || sameEmail
}

type Pending = Omit<AttributionCandidate, "won" | "reason"> & {
  affiliate: AffiliateFacts
  bind: AttributionDecision["bind_customer"]
  /** Why it cannot win regardless of precedence, with the outcome that reports it. */
  blocked?: { outcome: OrderAttributionOutcome; reason: string }
}

/**
 * Picks the affiliate credited for an order: a live attribution of the customer
 * wins and is final; else a promotion code of an affiliate or the referral on the cart, in
 * the order the `attributionPriority` option gives. Inactive affiliates, self-referrals,
 * clicks outside the cookie window and codes a program binds to its affiliate's own traffic
 * (used without it) lose, each with its reason on the receipt.
 */
export function chooseAttribution(input: AttributionInput): AttributionDecision {
  const { order } = input
  const candidates: AttributionCandidate[] = []
  const eligibility = (affiliate: AffiliateFacts): Pending["blocked"] => {
    if (affiliate.status !== "active") {
      return { outcome: "affiliate_inactive", reason: `affiliate ${affiliate.code} is ${affiliate.status}` }
    }
    if (!input.allow_self_referral && isSelfReferral(order, affiliate)) {
      return { outcome: "self_referral", reason: `the buyer is affiliate ${affiliate.code}` }
    }
    return undefined
  }

  // 1. A live attribution keeps the customer with their first affiliate, whatever else applies.
  const existing = input.attribution
  const live = existing && isAttributionLive(existing.expires_at, order.placed_at) ? existing : null
  if (existing && !live) {
    candidates.push({
      source: "attribution",
      affiliate_id: existing.affiliate.id,
      code: existing.affiliate.code,
      reference: existing.id,
      won: false,
      reason: `attribution expired at ${existing.expires_at!.toISOString()}`,
    })
  }

  const others: Pending[] = []
  const referral = input.referral
  // The link discount the referral applied is part of the link, not a code of its own: the
  // affiliate's own promotion or their program's (no affiliate's). Another affiliate's code
  // stays a code.
  const linkDiscount =
    referral && input.link_discount_code && !input.promotion_codes.some((p) => p.code === input.link_discount_code && p.affiliate.id !== referral.affiliate.id)
      ? input.link_discount_code
      : null
  for (const { code, affiliate } of input.promotion_codes) {
    if (code === linkDiscount) {
      continue
    }
    // Coupon-leak binding: a code alone, without its affiliate's referral on the cart, is a
    // leaked code. A customer already attributed to the affiliate wins through step 1.
    const leaked = affiliate.program.code_binding === "no_credit" && referral?.affiliate.id !== affiliate.id
    others.push({
      source: "code",
      affiliate_id: affiliate.id,
      code: affiliate.code,
      reference: code,
      affiliate,
      bind: { source: "code", click_id: null, promotion_code: code, expires_at: null },
      blocked: leaked
        ? {
            outcome: "code_without_click",
            reason: `promotion code ${code} was used without ${affiliate.code}'s referral on the cart (code binding: no_credit)`,
          }
        : undefined,
    })
  }
  if (referral) {
    const pending: Pending = {
      source: "link",
      affiliate_id: referral.affiliate.id,
      code: referral.affiliate.code,
      reference: referral.kind === "click" ? referral.click_id : referral.code,
      ...(linkDiscount ? { promotion_code: linkDiscount } : {}),
      affiliate: referral.affiliate,
      bind: {
        source: "link",
        click_id: referral.kind === "click" ? referral.click_id : null,
        promotion_code: linkDiscount,
        expires_at: null,
      },
    }
    if (referral.kind === "click") {
      const windowEnd = referral.clicked_at.getTime() + referral.affiliate.program.cookie_days * DAY_MS
      if (order.placed_at.getTime() > windowEnd) {
        pending.blocked = {
          outcome: "referral_expired",
          reason: `click ${referral.click_id} is outside the ${referral.affiliate.program.cookie_days}-day cookie window`,
        }
      }
    }
    others.push(pending)
  }
  if (input.unresolved_referral) {
    candidates.push({
      source: "link",
      affiliate_id: null,
      code: null,
      reference: input.unresolved_referral.value,
      won: false,
      reason: `unknown referral ${input.unresolved_referral.kind} ${input.unresolved_referral.value}`,
    })
  }

  const sourceRank = (source: OrderAttributionSource) =>
    (input.priority === "code" ? ["code", "link"] : ["link", "code"]).indexOf(source)
  others.sort((a, b) => sourceRank(a.source) - sourceRank(b.source))

  const lose = (p: Pending, reason: string) => {
    const { affiliate, bind, blocked, ...candidate } = p
    candidates.push({ ...candidate, won: false, reason })
  }

  if (live) {
    const affiliate = live.affiliate
    const blocked = eligibility(affiliate)
    others.forEach((p) => lose(p, `the customer is attributed to ${affiliate.code}`))
    const decision = (outcome: OrderAttributionOutcome, reason: string): AttributionDecision => ({
      outcome,
      source: "attribution",
      affiliate: outcome === "credited" ? affiliate : null,
      reason,
      candidates: [
        {
          source: "attribution",
          affiliate_id: affiliate.id,
          code: affiliate.code,
          reference: live.id,
          won: outcome === "credited",
          reason,
        },
        ...candidates,
      ],
      bind_customer: null,
    })
    if (blocked) {
      return decision(blocked.outcome, blocked.reason)
    }
    if (affiliate.program.first_order_only && input.prior_credited_orders > 0) {
      return decision("not_first_order", FIRST_ORDER_ONLY)
    }
    return decision("credited", `the customer is attributed to ${affiliate.code}`)
  }

  // 2 and 3. The first eligible code or referral, in priority order, wins.
  for (const p of others) {
    p.blocked ??= eligibility(p.affiliate)
  }
  const winner = others.find((p) => !p.blocked)
  for (const p of others) {
    if (p !== winner) {
      lose(p, p.blocked?.reason ?? `${winner!.source} takes precedence (attributionPriority: ${input.priority})`)
    }
  }

  if (!winner) {
    const first = others[0]
    return {
      outcome: first?.blocked?.outcome ?? "no_referral",
      source: null,
      affiliate: null,
      reason: first?.blocked?.reason ?? "no attribution, affiliate code or referral applied",
      candidates,
      bind_customer: null,
    }
  }

  const { affiliate, bind, blocked, ...won } = winner
  const canBind = !!order.customer_id && !live
  const reason =
    winner.source === "code"
      ? `affiliate promotion code ${winner.reference} was used`
      : linkDiscount
        ? `the cart carried a referral of ${affiliate.code}, which applied their link discount ${linkDiscount}`
        : `the cart carried a referral of ${affiliate.code}`
  if (affiliate.program.first_order_only && input.prior_credited_orders > 0) {
    candidates.unshift({ ...won, won: false, reason: FIRST_ORDER_ONLY })
    return {
      outcome: "not_first_order",
      source: winner.source,
      affiliate: null,
      reason: FIRST_ORDER_ONLY,
      candidates,
      bind_customer: null,
    }
  }
  candidates.unshift({ ...won, won: true, reason })
  return {
    outcome: "credited",
    source: winner.source,
    affiliate,
    reason,
    candidates,
    bind_customer: canBind
      ? { ...bind!, expires_at: attributionExpiry(order.placed_at, affiliate.program.trailing_months) }
      : null,
  }
}
