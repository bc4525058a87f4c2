import { MathBN } from "@medusajs/framework/utils"
import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import { AFFILIATE_MODULE } from "../../../modules/affiliate"
import { AffiliateFacts, AttributionDecision, chooseAttribution } from "../../../modules/affiliate/domain/choose-attribution"
import { roundToCurrency } from "../../../modules/affiliate/domain/currency-precision"
import { holdEndsAt } from "../../../modules/affiliate/domain/hold"
import { AffiliateRiskProfile, orderRiskSignals } from "../../../modules/affiliate/domain/risk/order-signals"
import { AppliedHold, reviewDecision, riskRulesOf } from "../../../modules/affiliate/domain/risk/rules"
import { RiskSignal, RiskSignalType } from "../../../modules/affiliate/domain/risk/signal"
import { saleHold } from "../../../modules/affiliate/domain/risk/sale-hold"
import { ledgerKeys } from "../../../modules/affiliate/domain/ledger-keys"
import { CommissionableLine, computeSaleCommission } from "../../../modules/affiliate/domain/sale-commission"
import type AffiliateModuleService from "../../../modules/affiliate/service"
import type { AppendedLedgerEntry } from "../../../modules/affiliate/types/service"
import type { NewLedgerEntry } from "../../../modules/affiliate/domain/ledger-entry"
import { AttributionFacts, LoadedAttributionFacts } from "./load-attribution-facts"


/** The order's lines as the commission base the `commissionBase` option asks for. */
export function commissionableLines(order: AttributionFacts["order"], base: "items" | "total"): CommissionableLine[] {
  const lines: CommissionableLine[] = order.lines.map((line) => ({
    id: line.id,
    product_id: line.product_id,
    collection_id: line.collection_id,
    quantity: line.quantity,
    base: base === "items" ? line.subtotal_after_discounts : line.total,
  }))
  if (base === "total" && MathBN.gt(order.shipping_total, 0)) {
    lines.push({ id: "shipping", product_id: null, collection_id: null, quantity: 1, base: order.shipping_total })
  }
  return lines
}

/** What an `order_over` hold compares: the items' total after discounts, with tax (shipping aside). */
function orderTotal(order: AttributionFacts["order"]) {
  return order.lines.reduce((sum, line) => MathBN.add(sum, line.total), MathBN.convert(0))
}

/**
 * A credited order's fraud review, written on its receipt: its signals with their evidence,
 * its sale's hold, and the signals that held it for an admin's review (null when none did).
 */
export type OrderRisk = { signals: RiskSignal[]; hold: AppliedHold; review: { because: RiskSignalType[] } | null }

function orderRisk(facts: AttributionFacts, decision: AttributionDecision, winner: any, placedAt: Date): OrderRisk {
  const rules = riskRulesOf(winner.program.risk_rules)
  const profile: AffiliateRiskProfile = winner.risk_profile
  const attributed = facts.attribution
  const signals = orderRiskSignals(
    {
      buyer: { email: facts.order.email, shipping_address: facts.order.shipping_address, phone: facts.order.shipping_address?.phone ?? null },
      credit: {
        source: decision.source!,
        affiliate_id: winner.id,
        code: decision.source === "code" ? (decision.candidates.find((c) => c.won)?.reference ?? null) : null,
        // The cart's referral (a click, or the code of a referral link) is the affiliate's own traffic.
        cart_click_affiliate_id: facts.referral?.affiliate_id ?? null,
        customer_attributed_to_affiliate:
          !!attributed && attributed.affiliate_id === winner.id && (!attributed.expires_at || new Date(attributed.expires_at) > placedAt),
      },
      affiliate: profile,
    },
    rules
  )
  const hold = saleHold(
    {
      program_hold_days: winner.program.hold_days,
      placed_at: placedAt,
      affiliate_created_at: new Date(winner.created_at),
      track: profile.track,
      order: { currency_code: facts.order.currency_code, total: orderTotal(facts.order) },
    },
    rules
  )
  const review = reviewDecision(signals, rules)
  return { signals, hold, review: review.review ? { because: review.because } : null }
}

function toFacts(affiliate: any): AffiliateFacts {
  return {
    id: affiliate.id,
    code: affiliate.code,
    status: affiliate.status,
    customer_id: affiliate.customer_id ?? null,
    email: affiliate.email,
    program: {
      id: affiliate.program.id,
      cookie_days: affiliate.program.cookie_days,
      trailing_months: affiliate.program.trailing_months ?? null,
      first_order_only: affiliate.program.first_order_only,
      code_binding: riskRulesOf(affiliate.program.risk_rules).code_binding,
    },
  }
}

export type RecordedAttribution = {
  created: boolean
  outcome: string
  affiliate_id: string | null
  entries: AppendedLedgerEntry[]
  /** The review the sale was held for, when the signals called for one. */
  review: { id: string; because: RiskSignalType[] } | null
}

/**
 * Decides who is credited for the order (`chooseAttribution`), computes the sale
 * at the winner's terms (`computeSaleCommission`) and writes receipt, attribution and sale
 * in one module transaction. The ledger is append-only and the receipt is what makes this
 * step run once per order, so there is nothing to compensate: a later failure leaves a
 * correct, complete record behind, and a retry finds the receipt and does nothing.
 */
export const recordOrderAttributionStep = createStep(
  "record-affiliate-order-attribution",
  async (facts: LoadedAttributionFacts, { container }) => {
    const service = container.resolve<AffiliateModuleService>(AFFILIATE_MODULE)
    if (facts.receipt_exists) {
      return new StepResponse<RecordedAttribution>({ created: false, outcome: "already_recorded", affiliate_id: null, entries: [], review: null })
    }
    const options = service.getOptions()
    const affiliate = (id: string) => toFacts(facts.affiliates[id])
    const placedAt = new Date(facts.order.placed_at)

    const decision = chooseAttribution({
      order: {
        id: facts.order.id,
        customer_id: facts.order.customer_id,
        email: facts.order.email,
        placed_at: placedAt,
      },
      attribution: facts.attribution
        ? {
            id: facts.attribution.id,
            affiliate: affiliate(facts.attribution.affiliate_id),
            expires_at: facts.attribution.expires_at ? new Date(facts.attribution.expires_at) : null,
          }
        : null,
      promotion_codes: facts.promotion_codes.map((p) => ({ code: p.code, affiliate: affiliate(p.affiliate_id) })),
      referral: !facts.referral
        ? null
        : facts.referral.kind === "click"
          ? { ...facts.referral, clicked_at: new Date(facts.referral.clicked_at), affiliate: affiliate(facts.referral.affiliate_id) }
          : { ...facts.referral, affiliate: affiliate(facts.referral.affiliate_id) },
      unresolved_referral: facts.unresolved_referral,
      link_discount_code: facts.link_discount_code,
      prior_credited_orders: facts.prior_credited_orders,
      priority: options.attributionPriority,
      allow_self_referral: options.allowSelfReferral,
    })

    let sale: NewLedgerEntry | null = null
    let risk: OrderRisk | null = null
    if (decision.outcome === "credited" && decision.affiliate) {
      const winner = facts.affiliates[decision.affiliate.id]
      risk = orderRisk(facts, decision, winner, placedAt)
      const hold = risk.hold
      const commission = computeSaleCommission(
        commissionableLines(facts.order, options.commissionBase),
        {
          commission_type: winner.program.commission_type,
          commission_value: winner.program.commission_value,
          rules: winner.program.rules ?? [],
        },
        winner.commission_rate ?? null
      )
      sale = {
        affiliate_id: winner.id,
        type: "sale" as const,
        amount: roundToCurrency(commission.amount, facts.order.currency_code),
        currency_code: facts.order.currency_code,
        rate: commission.rate,
        base_amount: commission.base_amount,
        order_id: facts.order.id,
        lines: commission.lines,
        status: "pending" as const,
        available_at: holdEndsAt(placedAt, hold.hold_days),
        hold,
        idempotency_key: ledgerKeys.sale(facts.order.id),
        reference: "order",
        reference_id: facts.order.id,
      }
    }

    const bind = decision.bind_customer
    const result = await service.recordOrderAttribution({
      receipt: {
        order_id: facts.order.id,
        customer_id: facts.order.customer_id,
        affiliate_id: decision.affiliate?.id ?? null,
        outcome: decision.outcome,
        source: decision.source,
        reason: decision.reason,
        candidates: decision.candidates,
        currency_code: facts.order.currency_code,
        risk,
        visitor_hash: decision.affiliate ? (facts.affiliates[decision.affiliate.id]?.risk_profile?.visitor?.orders_hash ?? null) : null,
      },
      attribution:
        bind && decision.affiliate && facts.order.customer_id
          ? {
              customer_id: facts.order.customer_id,
              affiliate_id: decision.affiliate.id,
              source: bind.source,
              click_id: bind.click_id,
              promotion_code: bind.promotion_code,
              order_id: facts.order.id,
              expires_at: bind.expires_at,
              replaces_id: facts.attribution?.id ?? null,
            }
          : null,
      sale,
      review: risk?.review ?? null,
    })

    return new StepResponse<RecordedAttribution>({
      created: result.created,
      outcome: decision.outcome,
      affiliate_id: decision.affiliate?.id ?? null,
      entries: result.entries,
      review: result.review_id && risk?.review ? { id: result.review_id, because: risk.review.because } : null,
    })
  }
)
