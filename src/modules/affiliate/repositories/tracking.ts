import { Context } from "@medusajs/framework/types"
import { generateEntityId } from "@medusajs/framework/utils"
import { EntityManager } from "@medusajs/framework/mikro-orm/knex"
import { AttributionSource, OrderAttributionOutcome, OrderAttributionSource } from "../../../types/enums"
import { SqlRepository } from "../database/sql-repository"
import type { TrackRecord } from "../domain/risk/sale-hold"

type Ctx = Context<EntityManager>

export type ClickRow = { id: string; affiliate_id: string; affiliate_code: string; created_at: Date }

export type ReceiptInput = {
  order_id: string
  customer_id: string | null
  affiliate_id: string | null
  outcome: OrderAttributionOutcome
  source: OrderAttributionSource | null
  reason: string
  candidates: unknown[]
  currency_code: string | null
  /** A credited order's fraud review: its signals and the hold applied and why. */
  risk?: Record<string, unknown> | null
  /** The buyer's visitor hash, from the cart's referral. */
  visitor_hash?: string | null
}

export type AffiliateTrackRecord = TrackRecord & { affiliate_id: string }

export type AttributionInput = {
  customer_id: string
  affiliate_id: string
  source: AttributionSource
  click_id: string | null
  promotion_code: string | null
  order_id: string | null
  expires_at: Date | null
  created_by?: string | null
}

/** Tracking's SQL: clicks, order receipts and the customers' attributions. */
export class TrackingRepository extends SqlRepository {
  /**
   * Inserts a click on an active affiliate's link, one per (affiliate, session), in one
   * statement: this is the storefront's hot path. Null when the code is unknown or not
   * active. When the session clicked this link before, the same statement returns that
   * first click (`deduplicated`); `click` is null only when that click was committed by a
   * concurrent request after this statement's snapshot (read it with firstClickOfSession).
   */
  async insertClick(
    data: {
      code: string
      session_id: string | null
      sub_id: string | null
      landing_url: string | null
      referrer: string | null
      visitor_hash: string | null
    },
    context: Ctx = {}
  ): Promise<{ affiliate_id: string; affiliate_code: string; click: ClickRow | null; deduplicated: boolean } | null> {
    const inserted = await this.knex(context).raw(
      `WITH affiliate AS (
         SELECT id, code FROM affiliate WHERE code = ? AND status = 'active' AND deleted_at IS NULL
       ), inserted AS (
         INSERT INTO affiliate_click (id, affiliate_id, session_id, sub_id, landing_url, referrer, visitor_hash)
         SELECT ?, affiliate.id, ?, ?, ?, ?, ? FROM affiliate
         ON CONFLICT (affiliate_id, session_id) WHERE session_id IS NOT NULL AND deleted_at IS NULL DO NOTHING
         RETURNING id, affiliate_id, created_at
       )
       SELECT affiliate.id AS affiliate_id, affiliate.code, inserted.id IS NULL AS deduplicated,
              COALESCE(inserted.id, earlier.id) AS id, COALESCE(inserted.created_at, earlier.created_at) AS created_at
       FROM affiliate
       LEFT JOIN inserted ON true
       LEFT JOIN LATERAL (
         SELECT c.id, c.created_at FROM affiliate_click c
         WHERE inserted.id IS NULL AND c.affiliate_id = affiliate.id AND c.session_id = ? AND c.deleted_at IS NULL
       ) earlier ON true`,
      [
        data.code,
        generateEntityId(undefined, "afclk"),
        data.session_id,
        data.sub_id,
        data.landing_url,
        data.referrer,
        data.visitor_hash,
        data.session_id,
      ]
    )
    const row = inserted.rows[0]
    if (!row) {
      return null
    }
    const click = row.id
      ? { id: row.id, affiliate_id: row.affiliate_id, affiliate_code: row.code, created_at: row.created_at }
      : null
    return { affiliate_id: row.affiliate_id, affiliate_code: row.code, click, deduplicated: row.deduplicated }
  }

  /** The session's first click on the affiliate's link (the insert waited for its commit, so a new statement sees it). */
  async firstClickOfSession(affiliateId: string, sessionId: string | null, context: Ctx = {}) {
    return await this.knex(context)("affiliate_click")
      .select("id", "created_at")
      .where({ affiliate_id: affiliateId, session_id: sessionId })
      .whereNull("deleted_at")
      .first()
  }

  /**
   * Inserts the order's receipt unless it has one (the unique order_id makes attribution run
   * once per order). Returns the receipt's id and whether it was inserted now.
   */
  async insertReceipt(r: ReceiptInput, context: Ctx): Promise<{ id: string; created: boolean }> {
    const knex = this.knex(context)
    const inserted = await knex.raw(
      `INSERT INTO affiliate_order_attribution
         (id, order_id, customer_id, affiliate_id, outcome, source, reason, candidates, currency_code, risk, visitor_hash)
       VALUES (?, ?, ?, ?, ?, ?, ?, ?::jsonb, ?, ?::jsonb, ?)
       ON CONFLICT (order_id) WHERE deleted_at IS NULL DO NOTHING
       RETURNING id`,
      [
        generateEntityId(undefined, "aford"),
        r.order_id,
        r.customer_id,
        r.affiliate_id,
        r.outcome,
        r.source,
        r.reason,
        JSON.stringify(r.candidates),
        r.currency_code,
        r.risk ? JSON.stringify(r.risk) : null,
        r.visitor_hash ?? null,
      ]
    )
    if (inserted.rows.length) {
      return { id: inserted.rows[0].id, created: true }
    }
    const existing = await knex("affiliate_order_attribution")
      .select("id")
      .where({ order_id: r.order_id })
      .whereNull("deleted_at")
      .first()
    return { id: existing.id, created: false }
  }

  /**
   * An affiliate's record before `at` (an order's placing), what risk rules judge them by:
   * credited orders (counted up to `countUpTo`, all a "first N orders" rule needs), and in
   * one range scan of the 90 days before `at` their credited orders of the last hour, 30 and
   * 90 days, and how many of the 90 days' had commission reversed or clawed back.
   */
  async trackRecords(
    affiliateIds: string[],
    { at, countUpTo }: { at: Date; countUpTo: number },
    context: Ctx = {}
  ): Promise<AffiliateTrackRecord[]> {
    const result = await this.knex(context).raw(
      `SELECT a.id AS affiliate_id,
              (SELECT count(*) FROM (
                 SELECT 1 FROM affiliate_order_attribution r
                 WHERE r.affiliate_id = a.id AND r.outcome = 'credited' AND r.created_at < :at AND r.deleted_at IS NULL
                 LIMIT :countUpTo) first)::int AS credited_orders,
              recent.last_hour::int AS credited_orders_last_hour,
              recent.days_30::int AS credited_orders_30_days,
              recent.days_90::int AS credited_orders_90_days,
              recent.refunded::int AS refunded_orders_90_days
         FROM unnest(:ids::text[]) AS a(id)
         CROSS JOIN LATERAL (
           SELECT count(*) AS days_90,
                  count(*) FILTER (WHERE r.created_at >= :at::timestamptz - interval '30 days') AS days_30,
                  count(*) FILTER (WHERE r.created_at >= :at::timestamptz - interval '1 hour') AS last_hour,
                  count(*) FILTER (WHERE EXISTS (
                    SELECT 1 FROM affiliate_commission c
                    WHERE c.order_id = r.order_id AND c.affiliate_id = r.affiliate_id
                      AND c.type IN ('reversal', 'clawback') AND c.deleted_at IS NULL)) AS refunded
           FROM affiliate_order_attribution r
           WHERE r.affiliate_id = a.id AND r.outcome = 'credited' AND r.deleted_at IS NULL
             AND r.created_at >= :at::timestamptz - interval '90 days' AND r.created_at < :at
         ) recent`,
      { at, countUpTo, ids: affiliateIds }
    )
    return result.rows
  }

  /**
   * Notes that the affiliate's own device (visitor hash) was seen at `at`. One row per
   * device; its last time moves only when an hour old, so a busy portal rarely writes.
   */
  async recordSighting(affiliateId: string, visitorHash: string, at: Date, context: Ctx = {}): Promise<void> {
    await this.knex(context).raw(
      `INSERT INTO affiliate_visitor_sighting (affiliate_id, visitor_hash, first_seen_at, last_seen_at)
       VALUES (:affiliateId, :visitorHash, :at, :at)
       ON CONFLICT (affiliate_id, visitor_hash) DO UPDATE SET last_seen_at = EXCLUDED.last_seen_at
       WHERE affiliate_visitor_sighting.last_seen_at < EXCLUDED.last_seen_at - interval '1 hour'`,
      { affiliateId, visitorHash, at }
    )
  }

  /** The affiliate's sightings of any of `hashes` (a primary-key lookup each). */
  async sightingsOf(affiliateId: string, hashes: string[], context: Ctx = {}): Promise<{ visitor_hash: string; last_seen_at: Date }[]> {
    if (!hashes.length) {
      return []
    }
    return await this.knex(context)("affiliate_visitor_sighting")
      .select("visitor_hash", "last_seen_at")
      .where({ affiliate_id: affiliateId })
      .whereIn("visitor_hash", hashes)
  }

  /** The affiliate's credited orders from one visitor since `since` (an index range count). */
  async visitorOrders(affiliateId: string, visitorHash: string, since: Date, context: Ctx = {}): Promise<number> {
    const row = await this.knex(context)("affiliate_order_attribution")
      .count({ n: "*" })
      .where({ affiliate_id: affiliateId, visitor_hash: visitorHash, outcome: "credited" })
      .where("created_at", ">=", since)
      .whereNull("deleted_at")
      .first()
    return Number(row?.n ?? 0)
  }

  /** Records the money state an order's commission now follows (what the reconcile job compares). */
  async markReceiptMoneyState(orderId: string, fingerprint: string, context: Ctx): Promise<void> {
    await this.knex(context)("affiliate_order_attribution")
      .update({ money_fingerprint: fingerprint, updated_at: new Date() })
      .where({ order_id: orderId })
      .whereNull("deleted_at")
  }

  /**
   * Binds a customer to an affiliate unless a live attribution binds them already (a
   * concurrent order of the same customer may have bound them first: theirs stands).
   * `replaces_id` retires an expired attribution first.
   */
  async bindCustomer(a: AttributionInput & { replaces_id: string | null }, context: Ctx): Promise<void> {
    const knex = this.knex(context)
    await this.lockCustomer(a.customer_id, context)
    if (a.replaces_id) {
      await knex("affiliate_attribution").update({ deleted_at: knex.fn.now() }).where({ id: a.replaces_id }).whereNull("deleted_at")
    }
    await knex.raw(
      `INSERT INTO affiliate_attribution
         (id, customer_id, affiliate_id, source, click_id, promotion_code, order_id, expires_at)
       VALUES (?, ?, ?, ?, ?, ?, ?, ?)
       ON CONFLICT (customer_id) WHERE deleted_at IS NULL DO NOTHING`,
      [generateEntityId(undefined, "afatt"), a.customer_id, a.affiliate_id, a.source, a.click_id, a.promotion_code, a.order_id, a.expires_at]
    )
  }

  /**
   * Replaces whatever binds the customer by `a`. Serialised per customer, so two
   * reassignments at once end with the later one, not a unique violation.
   */
  async replaceCustomerAttribution(a: AttributionInput, context: Ctx): Promise<string> {
    const knex = this.knex(context)
    await this.lockCustomer(a.customer_id, context)
    await knex("affiliate_attribution").update({ deleted_at: new Date() }).where({ customer_id: a.customer_id }).whereNull("deleted_at")
    const id = generateEntityId(undefined, "afatt")
    await knex("affiliate_attribution").insert({
      id,
      customer_id: a.customer_id,
      affiliate_id: a.affiliate_id,
      source: a.source,
      click_id: a.click_id,
      promotion_code: a.promotion_code,
      order_id: a.order_id,
      expires_at: a.expires_at,
      created_by: a.created_by ?? null,
    })
    return id
  }

  /** Serialises the writes of one customer's attribution until the transaction ends. */
  private async lockCustomer(customerId: string, context: Ctx) {
    await this.knex(context).raw(`SELECT pg_advisory_xact_lock(hashtext('affiliate_attribution'), hashtext(?))`, [customerId])
  }
}
