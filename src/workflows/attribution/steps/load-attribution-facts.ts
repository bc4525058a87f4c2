import { ContainerRegistrationKeys } from "@medusajs/framework/utils"
import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import { AFFILIATE_MODULE } from "../../../modules/affiliate"
import type AffiliateModuleService from "../../../modules/affiliate/service"
import type { PostalAddress } from "../../../modules/affiliate/domain/risk/contact-match"
import type { AffiliateRiskProfile } from "../../../modules/affiliate/domain/risk/order-signals"
import { DAY_MS } from "../../../modules/affiliate/domain/days"
import { VISITOR_METADATA_KEYS } from "../../../modules/affiliate/domain/visitor-hash"
import { LINK_DISCOUNT_METADATA_KEY } from "../../../modules/affiliate/domain/link-discount"
import { riskRulesOf } from "../../../modules/affiliate/domain/risk/rules"
import { rulesNeedTrackRecord } from "../../../modules/affiliate/domain/risk/sale-hold"
import { OrderLineTotals, orderLineFields, orderLineTotals } from "../order-lines"

const ADDRESS_FIELDS = ["address_1", "address_2", "city", "postal_code", "country_code", "phone"]
/** An affiliate's own customer account, as the contact_match signal compares it. */
const CONTACT_FIELDS = ["id", "phone", ...ADDRESS_FIELDS.map((f) => `addresses.${f}`)]

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
    shipping_address: PostalAddress | null
    lines: OrderLine[]
  }
  receipt_exists: false
  attribution: { id: string; affiliate_id: string; expires_at: string | null } | null
  promotion_codes: { code: string; affiliate_id: string }[]
  referral: { kind: "click"; click_id: string; clicked_at: string; affiliate_id: string } | { kind: "code"; code: string; affiliate_id: string } | null
  unresolved_referral: { kind: "click" | "code"; value: string } | null
  /** The promotion code the cart referral applied automatically (the affiliate's link discount). */
  link_discount_code: string | null
  prior_credited_orders: number
  /** Every affiliate named above, with its program's terms and its `risk_profile` (AffiliateRiskProfile). */
  affiliates: Record<string, any>
}

/** What the load step returns: nothing more to read once the order has its receipt. */
export type LoadedAttributionFacts = { receipt_exists: true } | AttributionFacts

/** The link discount the cart referral applied, when the order still carries that code. */
function linkDiscountUsed(metadata: Record<string, unknown>, promotions: unknown): string | null {
  const code = metadata[LINK_DISCOUNT_METADATA_KEY]
  const used = ((promotions ?? []) as ({ code?: string } | null)[]).some((p) => p?.code === code)
  return typeof code === "string" && code && used ? code : null
}

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
            ...ADDRESS_FIELDS.map((f) => `shipping_address.${f}`),
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
    // Its risk profile (own contact details; the record only where the program's rules use
    // it) is read right after it, still beside the other reads.
    const placedAt = new Date(order.created_at as any)
    // The buyer's devices: the one that completed the checkout, the one that attached the
    // referral, and the one that clicked.
    const hashOf = (key: string) => (typeof metadata[key] === "string" && metadata[key] ? (metadata[key] as string) : null)
    const checkoutVisitor = hashOf(VISITOR_METADATA_KEYS.checkout)
    const cartVisitor = hashOf(VISITOR_METADATA_KEYS.referral)
    const riskProfile = async (a: any): Promise<AffiliateRiskProfile> => {
      const rules = riskRulesOf(a.program?.risk_rules)
      const visitor = clickRead.then(async (click) => {
        const hashes = [...new Set([checkoutVisitor, cartVisitor, click?.visitor_hash ?? null].filter((h): h is string => !!h))]
        const ordersHash = checkoutVisitor ?? cartVisitor ?? click?.visitor_hash ?? null
        if (!hashes.length) {
          return { hashes, orders_hash: null, sightings: [], visitor_orders: 0 }
        }
        const since = new Date(placedAt.getTime() - rules.visitor_orders.window_days * DAY_MS)
        const evidence = await affiliates.getVisitorEvidence(a.id, { hashes, orders_hash: ordersHash, orders_since: since })
        return {
          hashes,
          orders_hash: ordersHash,
          sightings: evidence.sightings.map((s) => ({ visitor_hash: s.visitor_hash, last_seen_at: new Date(s.last_seen_at).toISOString() })),
          visitor_orders: evidence.visitor_orders,
        }
      })
      const [customer, track, visitorEvidence] = await Promise.all([
        a.customer_id
          ? query.graph({ entity: "customer", fields: CONTACT_FIELDS, filters: { id: a.customer_id } }).then(({ data }) => data[0] ?? null)
          : null,
        rulesNeedTrackRecord(rules)
          ? affiliates
              .getAffiliateTrackRecords([a.id], { at: placedAt, countUpTo: Math.max(1, rules.holds.new_affiliate?.first_orders ?? 0) })
              .then(([{ affiliate_id, ...record }]) => record)
          : null,
        visitor,
      ])
      const addresses: PostalAddress[] = customer?.addresses ?? []
      return {
        email: a.email ?? null,
        contacts: { addresses, phones: [customer?.phone ?? null, ...addresses.map((x) => x.phone ?? null)] },
        track,
        visitor: visitorEvidence,
      }
    }
    const withRiskProfile = async (a: any) => (a ? { ...a, risk_profile: await riskProfile(a) } : null)
    const candidates = new Map<string, Promise<any | null>>()
    const candidate = (id: string) => {
      if (!candidates.has(id)) {
        const read = affiliates.listAffiliates({ id }, { take: 1, relations: CANDIDATE_RELATIONS }).then(([a]) => withRiskProfile(a))
        // Awaited below; should another read fail first, this one's failure is not unhandled.
        read.catch(() => undefined)
        candidates.set(id, read)
      }
      return candidates.get(id)!
    }

    // The affiliate-side reads depend only on the order.
    const clickRead: Promise<any | null> = clickId
      ? affiliates.listAffiliateClicks({ id: clickId }, { take: 1 }).then(([c]) => {
          c && candidate(c.affiliate_id)
          return c ?? null
        })
      : Promise.resolve(null)
    clickRead.catch(() => undefined)
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
      clickRead,
      !clickId && referralCode
        ? affiliates
            .retrieveAffiliateByCode(referralCode, { relations: CANDIDATE_RELATIONS })
            .then((a) => {
              const read = withRiskProfile(a)
              read.catch(() => undefined)
              candidates.set(a.id, read)
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
    const { data: products } =
      hasCollectionRule && productIds.length
        ? await query.graph({ entity: "product", fields: ["id", "collection_id"], filters: { id: productIds } })
        : { data: [] as any[] }
    const collectionOf = new Map(products.map((p: any) => [p.id, p.collection_id ?? null]))

    const facts: AttributionFacts = {
      order: {
        id: order.id,
        customer_id: order.customer_id ?? null,
        email: order.email ?? null,
        currency_code: order.currency_code,
        placed_at: placedAt.toISOString(),
        shipping_total,
        shipping_address: order.shipping_address
          ? Object.fromEntries(ADDRESS_FIELDS.map((f) => [f, (order.shipping_address as any)[f] ?? null]))
          : null,
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
      link_discount_code: linkDiscountUsed(metadata, order.promotions),
      prior_credited_orders: prior.length,
      affiliates: Object.fromEntries(affiliateRows.map((a) => [a.id, JSON.parse(JSON.stringify(a))])),
    }
    return new StepResponse<LoadedAttributionFacts>(facts)
  }
)
