// A copy of attributeOrderWorkflow with a proposed load step, measured by attribution.ts next
// to the real workflow. Not used by the plugin.
//
// The plugin's load step (src/workflows/attribution/steps/load-attribution-facts.ts) first
// looks for the order's receipt and stops when there is one; otherwise it reads the order
// with query.graph and then the affiliate side with four more module calls, each its own
// round trip and ORM hydration: the customer's attribution, the click or code of the
// referral, the candidate affiliates with program and rules, and the customer's prior
// credited orders. This copy makes those four reads one SQL statement. Everything else is
// the step verbatim (receipt check, order query.graph with totals, facts) and the workflow
// uses the plugin's record, lock and event steps. attribution.ts checks that it books
// exactly what the real workflow booked for every order.
import { ContainerRegistrationKeys, MathBN } from "@medusajs/framework/utils"
import { createStep, createWorkflow, StepResponse, transform, WorkflowResponse } from "@medusajs/framework/workflows-sdk"
import { acquireLockStep, emitEventStep, releaseLockStep } from "@medusajs/medusa/core-flows"
import { normalizeAffiliateCode } from "../../../src/modules/affiliate/domain/affiliate-code"
import { ORDER_LOCK, orderLockKey } from "../../../src/workflows/order-lock"
import { AFFILIATE_MODULE } from "../../../src/modules/affiliate"
import type AffiliateModuleService from "../../../src/modules/affiliate/service"
import type {
  AttributionFacts,
  LoadedAttributionFacts,
} from "../../../src/workflows/attribution/steps/load-attribution-facts"
import { recordOrderAttributionStep } from "../../../src/workflows/attribution/steps/record-order-attribution"

const asString = (value: unknown) => (value == null ? "0" : MathBN.convert(value as any).toFixed())

/** The four affiliate-side reads the load step makes after the order read, as one statement. */
const AFFILIATE_FACTS_SQL = `
WITH att AS (
  SELECT id, affiliate_id, expires_at FROM affiliate_attribution
  WHERE customer_id = :customer_id AND deleted_at IS NULL LIMIT 1
), click AS (
  SELECT id, affiliate_id, created_at FROM affiliate_click WHERE id = :click_id AND deleted_at IS NULL
), ref AS (
  SELECT id, code FROM affiliate WHERE code = :code AND deleted_at IS NULL
), candidate AS (
  SELECT affiliate_id AS id FROM att
  UNION SELECT affiliate_id FROM click
  UNION SELECT id FROM ref
  UNION SELECT unnest(CAST(:promotion_affiliate_ids AS text[]))
)
SELECT
  (SELECT row_to_json(att) FROM att) AS attribution,
  (SELECT row_to_json(click) FROM click) AS click,
  (SELECT row_to_json(ref) FROM ref) AS referral,
  EXISTS (
    SELECT 1 FROM affiliate_order_attribution
    WHERE customer_id = :customer_id AND outcome = 'credited' AND order_id <> :order_id AND deleted_at IS NULL
  ) AS prior_credited,
  (SELECT coalesce(jsonb_agg(to_jsonb(a) || jsonb_build_object('program', to_jsonb(p) || jsonb_build_object('rules',
            (SELECT coalesce(jsonb_agg(to_jsonb(r)), '[]'::jsonb) FROM affiliate_program_rule r
             WHERE r.program_id = p.id AND r.deleted_at IS NULL)))), '[]'::jsonb)
     FROM affiliate a JOIN affiliate_program p ON p.id = a.program_id AND p.deleted_at IS NULL
    WHERE a.deleted_at IS NULL AND a.id IN (SELECT id FROM candidate)) AS affiliates`

export const proposedLoadAttributionFactsStep = createStep(
  "bench-load-affiliate-attribution-facts-proposed",
  async (input: { order_id: string }, { container }) => {
    const query = container.resolve(ContainerRegistrationKeys.QUERY)
    const pg = container.resolve(ContainerRegistrationKeys.PG_CONNECTION)

    const affiliates = container.resolve<AffiliateModuleService>(AFFILIATE_MODULE)

    // Unchanged: a repeated order.placed (or the reconcile job) stops here.
    const [receipt] = await affiliates.listAffiliateOrderAttributions({ order_id: input.order_id }, { take: 1, select: ["id"] })
    if (receipt) {
      return new StepResponse<LoadedAttributionFacts>({ receipt_exists: true })
    }

    // Unchanged: the order as Medusa computes it.
    const { data: [order] } = await query.graph(
      {
        entity: "order",
        fields: [
          "id",
          "customer_id",
          "email",
          "currency_code",
          "created_at",
          "metadata",
          "shipping_total",
          "promotions.id",
          "promotions.code",
          "items.id",
          "items.quantity",
          "items.product_id",
          "items.subtotal",
          "items.discount_subtotal",
          "items.total",
          "items.variant.product.collection_id",
        ],
        filters: { id: input.order_id },
      },
      { throwIfKeyNotFound: true }
    )

    const promotionIds = (order.promotions ?? []).filter(Boolean).map((p: any) => p.id)
    const { data: promotions } = promotionIds.length
      ? await query.graph({ entity: "promotion", fields: ["id", "code", "affiliate.id"], filters: { id: promotionIds } })
      : { data: [] as any[] }
    const promotionCodes = promotions
      .filter((p: any) => p.affiliate?.id)
      .map((p: any) => ({ code: p.code as string, affiliate_id: p.affiliate.id as string }))

    const metadata = (order.metadata ?? {}) as Record<string, unknown>
    const clickId = typeof metadata.affiliate_click_id === "string" ? metadata.affiliate_click_id : null
    const referralCode = typeof metadata.affiliate_code === "string" ? metadata.affiliate_code : null

    // Changed: one statement instead of four module calls.
    const { rows: [row] } = await pg.raw(AFFILIATE_FACTS_SQL, {
      order_id: order.id,
      customer_id: order.customer_id ?? null,
      click_id: clickId,
      code: !clickId && referralCode ? normalizeAffiliateCode(referralCode) : null,
      promotion_affiliate_ids: promotionCodes.map((p) => p.affiliate_id),
    })

    const base = {
      id: order.id,
      customer_id: order.customer_id ?? null,
      email: order.email ?? null,
      currency_code: order.currency_code,
      placed_at: new Date(order.created_at as any).toISOString(),
      shipping_total: asString(order.shipping_total),
      lines: (order.items ?? []).filter(Boolean).map((item: any) => ({
        id: item.id,
        product_id: item.product_id ?? null,
        collection_id: item.variant?.product?.collection_id ?? null,
        quantity: asString(item.quantity),
        subtotal_after_discounts: MathBN.sub(item.subtotal ?? 0, item.discount_subtotal ?? 0).toFixed(),
        total: asString(item.total),
      })),
    }

    let referral: AttributionFacts["referral"] = null
    let unresolved: AttributionFacts["unresolved_referral"] = null
    if (clickId) {
      referral = row.click
        ? {
            kind: "click",
            click_id: row.click.id,
            clicked_at: new Date(row.click.created_at).toISOString(),
            affiliate_id: row.click.affiliate_id,
          }
        : null
      unresolved = row.click ? null : { kind: "click", value: clickId }
    } else if (referralCode) {
      referral = row.referral ? { kind: "code", code: row.referral.code, affiliate_id: row.referral.id } : null
      unresolved = row.referral ? null : { kind: "code", value: referralCode }
    }

    const affiliateRows: any[] = row.affiliates ?? []
    const loaded = new Set(affiliateRows.map((a) => a.id))
    if (referral && !loaded.has(referral.affiliate_id)) {
      unresolved = { kind: referral.kind, value: referral.kind === "click" ? referral.click_id : referral.code }
      referral = null
    }
    const attribution = row.attribution
    const facts: AttributionFacts = {
      order: base,
      receipt_exists: false,
      attribution:
        attribution && loaded.has(attribution.affiliate_id)
          ? {
              id: attribution.id,
              affiliate_id: attribution.affiliate_id,
              expires_at: attribution.expires_at ? new Date(attribution.expires_at).toISOString() : null,
            }
          : null,
      promotion_codes: promotionCodes.filter((p) => loaded.has(p.affiliate_id)),
      referral,
      unresolved_referral: unresolved,
      prior_credited_orders: row.prior_credited ? 1 : 0,
      affiliates: Object.fromEntries(affiliateRows.map((a) => [a.id, a])),
    }
    return new StepResponse<LoadedAttributionFacts>(facts)
  }
)

export const proposedAttributeOrderWorkflow = createWorkflow(
  "bench-attribute-affiliate-order-proposed",
  (input: { order_id: string }) => {
    const lockKey = transform({ input }, ({ input }) => orderLockKey(input.order_id))
    acquireLockStep({ key: lockKey, timeout: ORDER_LOCK.timeout, ttl: ORDER_LOCK.ttl })

    const facts = proposedLoadAttributionFactsStep(input)
    const recorded = recordOrderAttributionStep(facts)

    const created = transform({ recorded }, ({ recorded }) =>
      recorded.entries.filter((e) => e.created).map((e) => ({ id: e.entry.id, affiliate_id: e.entry.affiliate_id }))
    )
    emitEventStep({ eventName: "affiliate_commission.created", data: created })

    releaseLockStep({ key: lockKey })
    return new WorkflowResponse(recorded)
  }
)
