import { ContainerRegistrationKeys } from "@medusajs/framework/utils"
import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import { AFFILIATE_MODULE } from "../../../modules/affiliate"
import type AffiliateModuleService from "../../../modules/affiliate/service"
import { riskRulesOf } from "../../../modules/affiliate/domain/risk/rules"
import { holdsNeedTrackRecord, TrackRecord } from "../../../modules/affiliate/domain/risk/sale-hold"
import { OrderLineTotals, orderLineFields, orderLineTotals } from "../order-lines"

const NINETY_DAYS_MS = 90 * 86_400_000

export type OrderLine = OrderLineTotals & { collection_id: string | null }

/** Everything attribution needs, as plain JSON (dates as ISO strings) so steps can checkpoint it. */
export type AttributionFacts = {
  order: {
    id: string
    customer_id: string | null
    email: string | null
    currency_code: string
    placed_at: string
    /** Read under `commissionBase: "total"` only (else 0): no other base counts shipping. */
    shipping_total: string
    lines: OrderLine[]
  }
  receipt_exists: false
  attribution: { id: string; affiliate_id: string; expires_at: string | null } | null
  promotion_codes: { code: string; affiliate_id: string }[]
  referral: { kind: "click"; click_id: string; clicked_at: string; affiliate_id: string } | { kind: "code"; code: string; affiliate_id: string } | null
  unresolved_referral: { kind: "click" | "code"; value: string } | null
  prior_credited_orders: number
  /** Every affiliate named above, with its program's terms. */
  affiliates: Record<string, any>
  /** Candidates' records, read only for those whose program's risk-based holds judge by them. */
  track_records: Record<string, TrackRecord>
}

/** What the load step returns: nothing more to read once the order has its receipt. */
export type LoadedAttributionFacts = { receipt_exists: true } | AttributionFacts

/** A candidate affiliate is read with its program's terms. */
const CANDIDATE_RELATIONS = ["program", "program.rules"]

/**
 * Reads the order from Medusa (lines, promotion codes, cart referral in metadata) and the
 * affiliate side of it (the customer's attribution, affiliates of the codes, the click).
 */
export const loadAttributionFactsStep = createStep(
  "load-affiliate-attribution-facts",
  async (input: { order_id: string }, { container }) => {
    const query = container.resolve(ContainerRegistrationKeys.QUERY)
    const affiliates = container.resolve<AffiliateModuleService>(AFFILIATE_MODULE)

    // The receipt check and the order read side by side: a repeated order.placed (or the
    // reconcile job) is rare, and then the order read is only wasted, not wrong.
    const [[receipt], { data: [order] }] = await Promise.all([
      affiliates.listAffiliateOrderAttributions({ order_id: input.order_id }, { take: 1, select: ["id"] }),
      query.graph(
        {
          entity: "order",
          fields: [
            "id",
            "customer_id",
            "email",
            "currency_code",
            "created_at",
            "metadata",
            "promotions.id",
            "promotions.code",
            ...orderLineFields(affiliates.getOptions().commissionBase),
          ],
          filters: { id: input.order_id },
        },
        { throwIfKeyNotFound: true }
      ),
    ])
    if (receipt) {
      return new StepResponse<LoadedAttributionFacts>({ receipt_exists: true })
    }

    // The storefront's referral, copied by Medusa from cart metadata to the order.
    const metadata = (order.metadata ?? {}) as Record<string, unknown>
    const clickId = typeof metadata.affiliate_click_id === "string" ? metadata.affiliate_click_id : null
    const referralCode = typeof metadata.affiliate_code === "string" ? metadata.affiliate_code : null
    const promotionIds = (order.promotions ?? []).filter(Boolean).map((p: any) => p.id)

    // Each candidate affiliate, with its program's terms, is read once, as soon as a read
    // names it: the waits overlap instead of adding up.
    const candidates = new Map<string, Promise<any | null>>()
    const candidate = (id: string) => {
      if (!candidates.has(id)) {
        const read = affiliates.listAffiliates({ id }, { take: 1, relations: CANDIDATE_RELATIONS }).then(([a]) => a ?? null)
        // Awaited below; should another read fail first, this one's failure is not unhandled.
        read.catch(() => undefined)
        candidates.set(id, read)
      }
      return candidates.get(id)!
    }

    // The affiliate-side reads depend only on the order.
    const [[attribution], { data: promotions }, click, found, prior] = await Promise.all([
      order.customer_id
        ? affiliates.listAffiliateAttributions({ customer_id: order.customer_id }, { take: 1 }).then((rows) => {
            rows[0] && candidate(rows[0].affiliate_id)
            return rows
          })
        : [],
      promotionIds.length
        ? query.graph({ entity: "promotion", fields: ["id", "code", "affiliate.id"], filters: { id: promotionIds } }).then((result) => {
            result.data.forEach((p: any) => p.affiliate?.id && candidate(p.affiliate.id))
            return result
          })
        : { data: [] as any[] },
      clickId
        ? affiliates.listAffiliateClicks({ id: clickId }, { take: 1 }).then(([c]) => {
            c && candidate(c.affiliate_id)
            return c ?? null
          })
        : null,
      !clickId && referralCode
        ? affiliates
            .retrieveAffiliateByCode(referralCode, { relations: CANDIDATE_RELATIONS })
            .then((a) => {
              candidates.set(a.id, Promise.resolve(a))
              return a
            })
            .catch(() => null)
        : null,
      order.customer_id
        ? affiliates.listAffiliateOrderAttributions(
            { customer_id: order.customer_id, outcome: "credited", order_id: { $ne: order.id } },
            { take: 1, select: ["id"] }
          )
        : [],
    ])
    const promotionCodes = promotions
      .filter((p: any) => p.affiliate?.id)
      .map((p: any) => ({ code: p.code as string, affiliate_id: p.affiliate.id as string }))

    let referral: AttributionFacts["referral"] = null
    let unresolved: AttributionFacts["unresolved_referral"] = null
    if (clickId) {
      if (click) {
        referral = { kind: "click", click_id: click.id, clicked_at: new Date(click.created_at).toISOString(), affiliate_id: click.affiliate_id }
      } else {
        unresolved = { kind: "click", value: clickId }
      }
    } else if (referralCode) {
      if (found) {
        referral = { kind: "code", code: found.code, affiliate_id: found.id }
      } else {
        unresolved = { kind: "code", value: referralCode }
      }
    }

    const affiliateRows = (await Promise.all(candidates.values())).filter(Boolean)
    // A candidate whose affiliate was deleted since is not a candidate any more.
    const loaded = new Set(affiliateRows.map((a) => a.id))
    if (referral && !loaded.has(referral.affiliate_id)) {
      unresolved = { kind: referral.kind, value: referral.kind === "click" ? referral.click_id : referral.code }
      referral = null
    }
    const liveCodes = promotionCodes.filter((p) => loaded.has(p.affiliate_id))

    // Lines' collections matter only to collection rules: the product module is asked only then.
    const { lines, shipping_total } = orderLineTotals(order)
    const hasCollectionRule = affiliateRows.some((a: any) => (a.program?.rules ?? []).some((r: any) => r.target_type === "collection"))
    const productIds = [...new Set(lines.map((l) => l.product_id).filter(Boolean))]
    // Risk-based holds that judge the affiliate by their record: read only for such programs.
    const judged = affiliateRows.filter((a: any) => holdsNeedTrackRecord(riskRulesOf(a.program?.risk_rules)))
    const countUpTo = Math.max(1, ...judged.map((a: any) => riskRulesOf(a.program.risk_rules).holds.new_affiliate?.first_orders ?? 0))
    const [{ data: products }, records] = await Promise.all([
      hasCollectionRule && productIds.length
        ? query.graph({ entity: "product", fields: ["id", "collection_id"], filters: { id: productIds } })
        : { data: [] as any[] },
      affiliates.getAffiliateTrackRecords(
        judged.map((a: any) => a.id),
        { since: new Date(new Date(order.created_at as any).getTime() - NINETY_DAYS_MS), countUpTo }
      ),
    ])
    const collectionOf = new Map(products.map((p: any) => [p.id, p.collection_id ?? null]))

    const facts: AttributionFacts = {
      order: {
        id: order.id,
        customer_id: order.customer_id ?? null,
        email: order.email ?? null,
        currency_code: order.currency_code,
        placed_at: new Date(order.created_at as any).toISOString(),
        shipping_total,
        lines: lines.map((line) => ({ ...line, collection_id: collectionOf.get(line.product_id) ?? null })),
      },
      receipt_exists: false,
      attribution: attribution && loaded.has(attribution.affiliate_id)
        ? {
            id: attribution.id,
            affiliate_id: attribution.affiliate_id,
            expires_at: attribution.expires_at ? new Date(attribution.expires_at).toISOString() : null,
          }
        : null,
      promotion_codes: liveCodes,
      referral,
      unresolved_referral: unresolved,
      prior_credited_orders: prior.length,
      affiliates: Object.fromEntries(affiliateRows.map((a) => [a.id, JSON.parse(JSON.stringify(a))])),
      track_records: Object.fromEntries(records.map(({ affiliate_id, ...record }) => [affiliate_id, record])),
    }
    return new StepResponse<LoadedAttributionFacts>(facts)
  }
)
