import { Context, DAL, InferTypeOf } from "@medusajs/framework/types"
import {
  BigNumber,
  generateEntityId,
  MathBN,
  InjectManager,
  InjectTransactionManager,
  MedusaContext,
  MedusaError,
  MedusaService,
} from "@medusajs/framework/utils"
import { EntityManager } from "@medusajs/framework/mikro-orm/knex"
import { assertValidAffiliateCode, normalizeAffiliateCode } from "./domain/affiliate-code"
import { AffiliateBalance, BalanceRow, toBalances } from "./domain/balances"
import { NewLedgerEntry, prepareLedgerEntry } from "./domain/ledger-entry"
import { attributionExpiry } from "./domain/choose-attribution"
import { buildStatement, StatementFigures, StatementSums } from "./domain/statement"
import { visitorHash } from "./domain/visitor-hash"
import { assertPayoutAllowed } from "./domain/payout"
import { buildReportSeries, ReportInterval, ReportPoint } from "./domain/report-series"
import {
  assertAffiliateTransition,
  assertLedgerEntryTransition,
  assertPayoutTransition,
  ledgerEntryStatusesLeadingTo,
} from "./domain/status-transitions"
import {
  Affiliate,
  AffiliateAttribution,
  AffiliateClick,
  AffiliateCommission,
  AffiliateJobCursor,
  AffiliateOrderAttribution,
  AffiliatePayout,
  AffiliateProgram,
  AffiliateProgramRule,
} from "./models"
import { AffiliateOptions, parseAffiliateOptions } from "./options"
import {
  AffiliateStatus,
  AttributionSource,
  LedgerEntryStatus,
  OrderAttributionOutcome,
  OrderAttributionSource,
} from "./types/enums"

type AffiliateDTO = InferTypeOf<typeof Affiliate>
type AffiliateCommissionDTO = InferTypeOf<typeof AffiliateCommission>
type AffiliateProgramDTO = InferTypeOf<typeof AffiliateProgram>
type AffiliatePayoutDTO = InferTypeOf<typeof AffiliatePayout>
type AffiliateAttributionDTO = InferTypeOf<typeof AffiliateAttribution>

type InjectedDependencies = {
  baseRepository: DAL.RepositoryService
}

export type AppendedLedgerEntry = {
  entry: AffiliateCommissionDTO
  /** false when an entry with the same idempotency key already existed. */
  created: boolean
}

export type LedgerStatement = StatementFigures & {
  affiliate_id: string
  currency_code: string
  from: Date
  to: Date
  entries: AffiliateCommissionDTO[]
}

export type RecordedClick = {
  click: { id: string; affiliate_id: string; affiliate_code: string; created_at: Date }
  /** true when this session had clicked this affiliate's link before: the first click is returned. */
  deduplicated: boolean
}

export type OrderAttributionRecord = {
  receipt: {
    order_id: string
    customer_id: string | null
    affiliate_id: string | null
    outcome: OrderAttributionOutcome
    source: OrderAttributionSource | null
    reason: string
    candidates: unknown[]
    currency_code: string | null
  }
  /** Bind the customer to the affiliate, retiring an expired attribution first. */
  attribution?: {
    customer_id: string
    affiliate_id: string
    source: AttributionSource
    click_id: string | null
    promotion_code: string | null
    order_id: string
    expires_at: Date | null
    replaces_id: string | null
  } | null
  sale?: NewLedgerEntry | null
}

export type ReleaseResult = {
  released: number
  batches: number
  /** Entries released per affiliate, for the `affiliate_commission.released` events. */
  by_affiliate: { affiliate_id: string; count: number }[]
}

export type ActivityReport = {
  totals: Omit<ReportPoint, "date">
  series: ReportPoint[]
  /** Program-wide reports only: the affiliates that earned the most in the range. */
  top_affiliates?: { affiliate_id: string; code: string; name: string; orders: number; commission: { currency_code: string; amount: number }[] }[]
}

/** Fields a caller may set when creating or updating an affiliate. */
type AffiliateInput = Partial<
  Pick<
    AffiliateDTO,
    "code" | "name" | "email" | "status" | "customer_id" | "payout_email" | "payout_details" | "metadata"
  >
> & {
  id?: string
  program_id?: string
  commission_rate?: number | string | null
}

const LEDGER_COLUMNS = [
  "id",
  "affiliate_id",
  "type",
  "amount",
  "raw_amount",
  "currency_code",
  "rate",
  "raw_rate",
  "base_amount",
  "raw_base_amount",
  "order_id",
  "lines",
  "status",
  "available_at",
  "idempotency_key",
  "reference",
  "reference_id",
  "note",
  "created_by",
  "metadata",
] as const

// Used when the store owner sets no `hashSalt`; the README asks them to set one.
const DEFAULT_HASH_SALT = "medusa-affiliates"

function rawBigNumber(value: string | null) {
  return value === null ? null : JSON.stringify(new BigNumber(value).raw)
}

function json(value: unknown) {
  return value == null ? null : JSON.stringify(value)
}

/**
 * The affiliate module: CRUD over the models of SPEC §2 plus the ledger operations the
 * workflows build on. Rules live in ./domain as plain functions; this class applies them
 * inside transactions and runs the set-based SQL.
 */
export default class AffiliateModuleService extends MedusaService({
  AffiliateProgram,
  AffiliateProgramRule,
  Affiliate,
  AffiliateClick,
  AffiliateAttribution,
  AffiliateOrderAttribution,
  AffiliateCommission,
  AffiliatePayout,
  AffiliateJobCursor,
}) {
  protected baseRepository_: DAL.RepositoryService
  protected readonly options_: AffiliateOptions

  // Runs once the app has started (not during `db:migrate`, when tables may not exist yet).
  __hooks = {
    onApplicationStart: async () => {
      await this.ensureDefaultProgram()
    },
  }

  constructor(deps: InjectedDependencies, options?: Record<string, unknown>) {
    // @ts-ignore MedusaService takes the container and options as its arguments
    super(...arguments)
    this.baseRepository_ = deps.baseRepository
    this.options_ = parseAffiliateOptions(options)
  }

  /** The validated plugin options, with defaults applied. */
  getOptions(): AffiliateOptions {
    return this.options_
  }

  // ---------------------------------------------------------------------------------------
  // Programs

  /**
   * Creates the default program from the `defaultProgram` option unless one exists. Safe to
   * run from several processes at once: the single-default index turns losers into no-ops.
   */
  @InjectTransactionManager()
  async ensureDefaultProgram(
    @MedusaContext() sharedContext: Context<EntityManager> = {}
  ): Promise<AffiliateProgramDTO> {
    const knex = this.knex(sharedContext)
    const p = this.options_.defaultProgram
    const commissionValue = String(p.commissionValue)
    const minPayout = String(p.minPayoutAmount)
    await knex.raw(
      `INSERT INTO affiliate_program
         (id, name, is_default, commission_type, commission_value, raw_commission_value,
          hold_days, cookie_days, trailing_months, first_order_only,
          min_payout_amount, raw_min_payout_amount, auto_approve)
       VALUES (?, ?, true, ?, ?, ?::jsonb, ?, ?, ?, ?, ?, ?::jsonb, ?)
       ON CONFLICT (is_default) WHERE is_default = true AND deleted_at IS NULL DO NOTHING`,
      [
        generateEntityId(undefined, "afprog"),
        p.name,
        p.commissionType,
        commissionValue,
        rawBigNumber(commissionValue),
        p.holdDays,
        p.cookieDays,
        p.trailingMonths,
        p.firstOrderOnly,
        minPayout,
        rawBigNumber(minPayout),
        p.autoApprove,
      ]
    )
    return await this.retrieveDefaultProgram(sharedContext)
  }

  @InjectManager()
  async retrieveDefaultProgram(
    @MedusaContext() sharedContext: Context<EntityManager> = {}
  ): Promise<AffiliateProgramDTO> {
    const [program] = await this.listAffiliatePrograms({ is_default: true }, { take: 1 }, sharedContext)
    if (!program) {
      throw new MedusaError(MedusaError.Types.NOT_FOUND, "The default affiliate program does not exist yet")
    }
    return program
  }

  // ---------------------------------------------------------------------------------------
  // Affiliates

  /**
   * Creates affiliates with normalised, validated codes; without a program they join the
   * default one. Uniqueness is left to the database (case-insensitive in effect, since only
   * upper-case codes are storable).
   */
  @InjectTransactionManager()
  // @ts-expect-error the generated method has a wider signature
  async createAffiliates(
    data: AffiliateInput | AffiliateInput[],
    @MedusaContext() sharedContext: Context<EntityManager> = {}
  ): Promise<AffiliateDTO | AffiliateDTO[]> {
    const input = Array.isArray(data) ? data : [data]
    const needsDefault = input.some((a) => !a.program_id)
    const defaultProgramId = needsDefault
      ? (await this.ensureDefaultProgram(sharedContext)).id
      : undefined
    const prepared = input.map((a) => ({
      ...a,
      code: assertValidAffiliateCode(a.code),
      email: a.email?.trim(),
      status: a.status ?? "pending",
      program_id: a.program_id ?? defaultProgramId,
    }))
    const created = await super.createAffiliates(prepared as any, sharedContext)
    return Array.isArray(data) ? created : created[0]
  }

  /**
   * Updates affiliates. A new code is normalised and validated; a status change must be an
   * allowed transition (SPEC §3), checked against the row locked for this transaction.
   */
  @InjectTransactionManager()
  // @ts-expect-error the generated method has a wider signature
  async updateAffiliates(
    data: (AffiliateInput & { id: string }) | (AffiliateInput & { id: string })[],
    @MedusaContext() sharedContext: Context<EntityManager> = {}
  ): Promise<AffiliateDTO | AffiliateDTO[]> {
    if (!Array.isArray(data) && "selector" in (data as object)) {
      // The selector form would skip the checks below; compensations use restoreAffiliateFields.
      throw new MedusaError(MedusaError.Types.NOT_ALLOWED, "Affiliates are updated by id")
    }
    const input = Array.isArray(data) ? data : [data]
    const statusChanges = input.filter((a) => a.status !== undefined)
    if (statusChanges.length) {
      const rows: { id: string; status: AffiliateStatus }[] = await this.knex(sharedContext)("affiliate")
        .select("id", "status")
        .whereIn("id", statusChanges.map((a) => a.id))
        .whereNull("deleted_at")
        .forUpdate()
      const current = new Map(rows.map((r) => [r.id, r.status]))
      for (const change of statusChanges) {
        const from = current.get(change.id)
        if (!from) {
          throw new MedusaError(MedusaError.Types.NOT_FOUND, `Affiliate with id: ${change.id} was not found`)
        }
        if (from !== change.status) {
          assertAffiliateTransition(from, change.status!)
        }
      }
    }
    const prepared = input.map((a) =>
      a.code === undefined ? a : { ...a, code: assertValidAffiliateCode(a.code) }
    )
    const updated = await super.updateAffiliates(prepared as any, sharedContext)
    return Array.isArray(data) ? updated : updated[0]
  }

  /**
   * Puts back fields an update changed, as they were, without the status rules: only for a
   * workflow's compensation (a rolled-back approval returns to `pending`, a move the rules
   * refuse on purpose).
   */
  @InjectTransactionManager()
  async restoreAffiliateFields(
    id: string,
    values: Record<string, unknown>,
    @MedusaContext() sharedContext: Context<EntityManager> = {}
  ): Promise<void> {
    await super.updateAffiliates({ selector: { id }, data: values } as any, sharedContext)
  }

  /** Finds an affiliate by code, in any case. */
  @InjectManager()
  async retrieveAffiliateByCode(
    code: string,
    config: { relations?: string[] } = {},
    @MedusaContext() sharedContext: Context<EntityManager> = {}
  ): Promise<AffiliateDTO> {
    const [affiliate] = await this.listAffiliates(
      { code: normalizeAffiliateCode(code) },
      { take: 1, relations: config.relations },
      sharedContext
    )
    if (!affiliate) {
      throw new MedusaError(MedusaError.Types.NOT_FOUND, `Affiliate with code: ${code} was not found`)
    }
    return affiliate
  }

  // ---------------------------------------------------------------------------------------
  // Tracking and attribution

  /**
   * Records a click on an active affiliate's link. One per (affiliate, session): a repeated
   * session gets its first click back. Null when the code is unknown or not active. One
   * statement in the common case: this is the storefront's hot path.
   */
  @InjectManager()
  async recordClick(
    data: {
      code: string
      session_id?: string | null
      sub_id?: string | null
      landing_url?: string | null
      referrer?: string | null
      ip?: string | null
      user_agent?: string | null
    },
    @MedusaContext() sharedContext: Context<EntityManager> = {}
  ): Promise<RecordedClick | null> {
    const knex = this.knex(sharedContext)
    const code = normalizeAffiliateCode(data.code)
    const sessionId = data.session_id || null
    const inserted = await knex.raw(
      `WITH affiliate AS (
         SELECT id, code FROM affiliate WHERE code = ? AND status = 'active' AND deleted_at IS NULL
       ), inserted AS (
         INSERT INTO affiliate_click (id, affiliate_id, session_id, sub_id, landing_url, referrer, visitor_hash)
         SELECT ?, affiliate.id, ?, ?, ?, ?, ? FROM affiliate
         ON CONFLICT (affiliate_id, session_id) WHERE session_id IS NOT NULL AND deleted_at IS NULL DO NOTHING
         RETURNING id, affiliate_id, created_at
       )
       SELECT affiliate.id AS affiliate_id, affiliate.code, inserted.id, inserted.created_at
       FROM affiliate LEFT JOIN inserted ON true`,
      [
        code,
        generateEntityId(undefined, "afclk"),
        sessionId,
        data.sub_id || null,
        data.landing_url || null,
        data.referrer || null,
        visitorHash(this.options_.hashSalt ?? DEFAULT_HASH_SALT, data.ip, data.user_agent),
      ]
    )
    const row = inserted.rows[0]
    if (!row) {
      return null
    }
    if (row.id) {
      return {
        click: { id: row.id, affiliate_id: row.affiliate_id, affiliate_code: row.code, created_at: row.created_at },
        deduplicated: false,
      }
    }
    // The session clicked before (the insert waited for that row, so it is visible now).
    const first = await knex("affiliate_click")
      .select("id", "created_at")
      .where({ affiliate_id: row.affiliate_id, session_id: sessionId })
      .whereNull("deleted_at")
      .first()
    return {
      click: { id: first.id, affiliate_id: row.affiliate_id, affiliate_code: row.code, created_at: first.created_at },
      deduplicated: true,
    }
  }

  /**
   * Writes the outcome of an order's attribution in one transaction: the receipt, the
   * customer's attribution and the sale entry. The receipt's unique order_id makes this run
   * once per order: when a receipt exists already, nothing is written and it is returned.
   */
  @InjectTransactionManager()
  async recordOrderAttribution(
    data: OrderAttributionRecord,
    @MedusaContext() sharedContext: Context<EntityManager> = {}
  ): Promise<{ created: boolean; receipt_id: string; entries: AppendedLedgerEntry[] }> {
    const knex = this.knex(sharedContext)
    const r = data.receipt
    const inserted = await knex.raw(
      `INSERT INTO affiliate_order_attribution
         (id, order_id, customer_id, affiliate_id, outcome, source, reason, candidates, currency_code)
       VALUES (?, ?, ?, ?, ?, ?, ?, ?::jsonb, ?)
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
      ]
    )
    if (!inserted.rows.length) {
      const existing = await knex("affiliate_order_attribution")
        .select("id")
        .where({ order_id: r.order_id })
        .whereNull("deleted_at")
        .first()
      return { created: false, receipt_id: existing.id, entries: [] }
    }

    const a = data.attribution
    if (a) {
      if (a.replaces_id) {
        await knex("affiliate_attribution")
          .update({ deleted_at: knex.fn.now() })
          .where({ id: a.replaces_id })
          .whereNull("deleted_at")
      }
      // A concurrent order of the same customer may have bound them first: theirs stands.
      await knex.raw(
        `INSERT INTO affiliate_attribution
           (id, customer_id, affiliate_id, source, click_id, promotion_code, order_id, expires_at)
         VALUES (?, ?, ?, ?, ?, ?, ?, ?)
         ON CONFLICT (customer_id) WHERE deleted_at IS NULL DO NOTHING`,
        [
          generateEntityId(undefined, "afatt"),
          a.customer_id,
          a.affiliate_id,
          a.source,
          a.click_id,
          a.promotion_code,
          a.order_id,
          a.expires_at,
        ]
      )
    }
    const entries = data.sale ? await this.appendLedgerEntries([data.sale], sharedContext) : []
    return { created: true, receipt_id: inserted.rows[0].id, entries }
  }

  /**
   * Moves due held entries to `available`, set-based in batches of `batch_size`, each batch
   * its own short transaction. SKIP LOCKED lets two runs share the work without waiting;
   * a crashed run leaves whole batches done or untouched, so the next run just continues.
   * No entry is loaded into JS: only counts per affiliate come back.
   */
  @InjectManager()
  async releaseDueCommissions(
    data: { now?: Date; batch_size?: number } = {},
    @MedusaContext() sharedContext: Context<EntityManager> = {}
  ): Promise<ReleaseResult> {
    const knex = this.knex(sharedContext)
    const now = data.now ?? new Date()
    const batchSize = data.batch_size ?? 10_000
    const counts = new Map<string, number>()
    let released = 0
    let batches = 0
    for (;;) {
      const result = await knex.raw(
        // id = ANY(ARRAY(...)) leaves the planner no join to pick: a hash join back to the
        // ledger would read the whole table per batch (bench/release, BENCHMARKS.md).
        `WITH released AS (
           UPDATE affiliate_commission AS c
           SET status = 'available', released_at = ?, updated_at = ?
           WHERE c.id = ANY (ARRAY(
             SELECT id FROM affiliate_commission
             WHERE status = 'pending' AND available_at <= ? AND deleted_at IS NULL
             ORDER BY available_at
             LIMIT ?
             FOR UPDATE SKIP LOCKED
           ))
           RETURNING c.affiliate_id
         )
         SELECT affiliate_id, count(*)::int AS count FROM released GROUP BY affiliate_id`,
        [now, now, now, batchSize]
      )
      const rows: { affiliate_id: string; count: number }[] = result.rows
      const batchCount = rows.reduce((sum, r) => sum + r.count, 0)
      if (!batchCount) {
        break
      }
      batches++
      released += batchCount
      rows.forEach((r) => counts.set(r.affiliate_id, (counts.get(r.affiliate_id) ?? 0) + r.count))
      if (batchCount < batchSize) {
        break
      }
    }
    return {
      released,
      batches,
      by_affiliate: [...counts.entries()].map(([affiliate_id, count]) => ({ affiliate_id, count })),
    }
  }

  /**
   * Books what one change of an order's money means for its commission: the correction
   * entries, and the money state they follow (what the reconcile job compares), in one
   * transaction. Were the state saved alone, a failed append would leave the job believing
   * the order was followed, and the correction would never be booked.
   */
  @InjectTransactionManager()
  async bookOrderMoneyChange(
    data: { order_id: string; fingerprint: string; entries: NewLedgerEntry[] },
    @MedusaContext() sharedContext: Context<EntityManager> = {}
  ): Promise<AppendedLedgerEntry[]> {
    const entries = await this.appendLedgerEntries(data.entries, sharedContext)
    await this.knex(sharedContext)("affiliate_order_attribution")
      .update({ money_fingerprint: data.fingerprint, updated_at: new Date() })
      .where({ order_id: data.order_id })
      .whereNull("deleted_at")
    return entries
  }

  /** Where a job's scan stands; null before its first complete run. */
  @InjectManager()
  async retrieveJobCursor(
    job: string,
    @MedusaContext() sharedContext: Context<EntityManager> = {}
  ): Promise<Date | null> {
    const row = await this.knex(sharedContext)("affiliate_job_cursor").select("position").where({ id: job }).first()
    return row ? new Date(row.position) : null
  }

  /** Moves a job's cursor forward (never back, whatever order concurrent runs finish in). */
  @InjectManager()
  async advanceJobCursor(
    job: string,
    position: Date,
    @MedusaContext() sharedContext: Context<EntityManager> = {}
  ): Promise<void> {
    await this.knex(sharedContext).raw(
      `INSERT INTO affiliate_job_cursor (id, position) VALUES (?, ?)
       ON CONFLICT (id) DO UPDATE SET position = GREATEST(affiliate_job_cursor.position, EXCLUDED.position), updated_at = now()`,
      [job, position]
    )
  }

  /** The ledger entries of an order, oldest first. */
  @InjectManager()
  async listOrderLedger(
    orderId: string,
    @MedusaContext() sharedContext: Context<EntityManager> = {}
  ): Promise<AffiliateCommissionDTO[]> {
    return await this.listAffiliateCommissions(
      { order_id: orderId },
      { order: { created_at: "ASC", id: "ASC" } },
      sharedContext
    )
  }

  // ---------------------------------------------------------------------------------------
  // Payouts

  /**
   * Requests a payout of all of an affiliate's `available` entries in one currency, at once:
   * the affiliate row is locked, so concurrent requests queue and the later ones find
   * nothing left; every entry ends up in exactly one payout. NOT_ALLOWED when the net does
   * not reach the program's minimum (or there is nothing).
   */
  @InjectTransactionManager()
  async requestPayout(
    data: { affiliate_id: string; currency_code: string; requested_by?: string | null; method?: string | null },
    @MedusaContext() sharedContext: Context<EntityManager> = {}
  ): Promise<AffiliatePayoutDTO> {
    const knex = this.knex(sharedContext)
    const currency = data.currency_code.trim().toLowerCase()
    const affiliate = await knex("affiliate as a")
      .join("affiliate_program as p", "p.id", "a.program_id")
      .select("a.id", "p.min_payout_amount")
      .where("a.id", data.affiliate_id)
      .whereNull("a.deleted_at")
      .forUpdate("a")
      .first()
    if (!affiliate) {
      throw new MedusaError(MedusaError.Types.NOT_FOUND, `Affiliate with id: ${data.affiliate_id} was not found`)
    }
    const available = () =>
      knex("affiliate_commission")
        .where({ affiliate_id: data.affiliate_id, currency_code: currency, status: "available" })
        .whereNull("deleted_at")
    const { entries, net } = await available().select(knex.raw("count(*)::int AS entries, COALESCE(SUM(amount), 0) AS net")).first()
    assertPayoutAllowed({ currency_code: currency, entries, net, minimum: affiliate.min_payout_amount })

    // Written with the same knex transaction as the entries below (the ORM would only
    // flush it at commit, after the entries already point at it).
    const payoutId = generateEntityId(undefined, "afpay")
    const amount = MathBN.convert(net).toFixed()
    await knex("affiliate_payout").insert({
      id: payoutId,
      affiliate_id: data.affiliate_id,
      amount,
      raw_amount: rawBigNumber(amount),
      currency_code: currency,
      status: "requested",
      method: data.method ?? null,
      requested_by: data.requested_by ?? null,
    })
    const now = new Date()
    const moved = await available().update({ status: "requested", payout_id: payoutId, requested_at: now, updated_at: now })
    if (moved !== entries) {
      throw new MedusaError(MedusaError.Types.CONFLICT, "The available entries changed during the payout request")
    }
    return await this.retrieveAffiliatePayout(payoutId, {}, sharedContext)
  }

  /**
   * Requests payouts in one currency for every affiliate (or the given ones) whose available
   * net reaches their program's minimum; one transaction per affiliate, so one that falls
   * short does not stop the others. Returns the payouts created.
   */
  @InjectManager()
  async requestPayouts(
    data: { currency_code: string; affiliate_ids?: string[]; requested_by?: string | null },
    @MedusaContext() sharedContext: Context<EntityManager> = {}
  ): Promise<AffiliatePayoutDTO[]> {
    const currency = data.currency_code.trim().toLowerCase()
    const knex = this.knex(sharedContext)
    const query = knex("affiliate_commission as c")
      .join("affiliate as a", "a.id", "c.affiliate_id")
      .join("affiliate_program as p", "p.id", "a.program_id")
      .select("c.affiliate_id")
      .where({ "c.currency_code": currency, "c.status": "available" })
      .whereNull("c.deleted_at")
      .whereNull("a.deleted_at")
      .groupBy("c.affiliate_id", "p.min_payout_amount")
      .havingRaw("SUM(c.amount) > 0 AND SUM(c.amount) >= p.min_payout_amount")
      .orderBy("c.affiliate_id")
    if (data.affiliate_ids) {
      query.whereIn("c.affiliate_id", data.affiliate_ids)
    }
    const eligible: { affiliate_id: string }[] = await query
    const payouts: AffiliatePayoutDTO[] = []
    for (const { affiliate_id } of eligible) {
      try {
        payouts.push(
          await this.requestPayout({ affiliate_id, currency_code: currency, requested_by: data.requested_by })
        )
      } catch (error) {
        // Another request took these entries between the scan and the lock: nothing to pay.
        if (!(error instanceof MedusaError && error.type === MedusaError.Types.NOT_ALLOWED)) {
          throw error
        }
      }
    }
    return payouts
  }

  /**
   * Settles a requested payout: `paid` (its entries become paid) or `failed` / `canceled`
   * (its entries go back to available). The payout row is locked, so two settlements racing
   * cannot both apply; the second is refused as an illegal transition.
   */
  @InjectTransactionManager()
  async settlePayout(
    data: { id: string; status: "paid" | "failed" | "canceled"; reference?: string | null; reason?: string | null },
    @MedusaContext() sharedContext: Context<EntityManager> = {}
  ): Promise<AffiliatePayoutDTO> {
    const knex = this.knex(sharedContext)
    const payout = await knex("affiliate_payout").select("id", "status").where({ id: data.id }).whereNull("deleted_at").forUpdate().first()
    if (!payout) {
      throw new MedusaError(MedusaError.Types.NOT_FOUND, `Affiliate payout with id: ${data.id} was not found`)
    }
    assertPayoutTransition(payout.status, data.status)
    const now = new Date()
    if (data.status === "paid") {
      await knex("affiliate_commission")
        .update({ status: "paid", paid_at: now, updated_at: now })
        .where({ payout_id: data.id, status: "requested" })
      await knex("affiliate_payout")
        .update({ status: "paid", paid_at: now, reference: data.reference ?? null, updated_at: now })
        .where({ id: data.id })
    } else {
      await knex("affiliate_commission")
        .update({ status: "available", payout_id: null, requested_at: null, updated_at: now })
        .where({ payout_id: data.id, status: "requested" })
      await knex("affiliate_payout")
        .update({
          status: data.status,
          failure_reason: data.reason ?? null,
          [data.status === "failed" ? "failed_at" : "canceled_at"]: now,
          updated_at: now,
        })
        .where({ id: data.id })
    }
    return await this.retrieveAffiliatePayout(data.id, {}, sharedContext)
  }

  // ---------------------------------------------------------------------------------------
  // Attribution by hand

  /**
   * An admin binds a customer to an affiliate (`manual`), retiring any current attribution
   * in the same transaction. Expiry follows the affiliate's program's trailing months.
   */
  @InjectTransactionManager()
  async reassignCustomerAttribution(
    data: { customer_id: string; affiliate_id: string; created_by?: string | null },
    @MedusaContext() sharedContext: Context<EntityManager> = {}
  ): Promise<AffiliateAttributionDTO> {
    const affiliate = await this.retrieveAffiliate(data.affiliate_id, { relations: ["program"] }, sharedContext)
    const knex = this.knex(sharedContext)
    // Retired with the transaction's own connection, before the insert, so the unique
    // index on live customer_id rows sees it gone.
    await knex("affiliate_attribution")
      .update({ deleted_at: new Date() })
      .where({ customer_id: data.customer_id })
      .whereNull("deleted_at")
    const id = generateEntityId(undefined, "afatt")
    await knex("affiliate_attribution").insert({
      id,
      customer_id: data.customer_id,
      affiliate_id: affiliate.id,
      source: "manual",
      created_by: data.created_by ?? null,
      expires_at: attributionExpiry(new Date(), affiliate.program.trailing_months ?? null),
    })
    return await this.retrieveAffiliateAttribution(id, {}, sharedContext)
  }

  // ---------------------------------------------------------------------------------------
  // Reports

  /**
   * Clicks, credited orders, revenue (the commission base of sales) and net commission per
   * interval of [from, to), for one affiliate or the whole program, from three indexed
   * aggregates. Program-wide it also ranks the top affiliates by commission.
   */
  @InjectManager()
  async getActivityReport(
    data: { affiliate_id?: string; from: Date; to: Date; interval: ReportInterval; top?: number },
    @MedusaContext() sharedContext: Context<EntityManager> = {}
  ): Promise<ActivityReport> {
    const { affiliate_id, from, to, interval } = data
    if (!(from < to)) {
      throw new MedusaError(MedusaError.Types.INVALID_DATA, "from: must be before to")
    }
    const knex = this.knex(sharedContext)
    const bucket = knex.raw("date_trunc(?, created_at AT TIME ZONE 'UTC') AT TIME ZONE 'UTC'", [interval])
    const scoped = (table: string) => {
      const q = knex(table).where("created_at", ">=", from).andWhere("created_at", "<", to).whereNull("deleted_at")
      return affiliate_id ? q.andWhere({ affiliate_id }) : q
    }
    const [buckets, clicks, orders, money] = await Promise.all([
      knex.raw(
        `SELECT generate_series(
           date_trunc(?, ?::timestamptz AT TIME ZONE 'UTC'),
           date_trunc(?, (?::timestamptz - interval '1 microsecond') AT TIME ZONE 'UTC'),
           ('1 ' || ?)::interval
         ) AT TIME ZONE 'UTC' AS bucket`,
        [interval, from, interval, to, interval]
      ),
      scoped("affiliate_click").select({ bucket }).count({ count: "*" }).groupBy(1),
      scoped("affiliate_order_attribution").where({ outcome: "credited" }).select({ bucket }).count({ count: "*" }).groupBy(1),
      scoped("affiliate_commission")
        .whereIn("type", ["sale", "reversal", "clawback"])
        .select({ bucket }, "currency_code")
        .select(
          knex.raw("COALESCE(SUM(base_amount) FILTER (WHERE type = 'sale'), 0) AS revenue"),
          knex.raw("SUM(amount) AS commission")
        )
        .groupBy(1, "currency_code"),
    ])
    const report: ActivityReport = buildReportSeries({
      buckets: buckets.rows.map((r: { bucket: Date }) => r.bucket),
      clicks,
      orders,
      money,
    } as any)

    if (!affiliate_id) {
      const top = await knex("affiliate_commission as c")
        .join("affiliate as a", "a.id", "c.affiliate_id")
        .select("c.affiliate_id", "a.code", "a.name", "c.currency_code")
        .select(knex.raw("SUM(c.amount) AS commission"), knex.raw("COUNT(DISTINCT c.order_id) FILTER (WHERE c.type = 'sale')::int AS orders"))
        .where("c.created_at", ">=", from)
        .andWhere("c.created_at", "<", to)
        .whereIn("c.type", ["sale", "reversal", "clawback"])
        .whereNull("c.deleted_at")
        .groupBy("c.affiliate_id", "a.code", "a.name", "c.currency_code")
        .orderByRaw("SUM(c.amount) DESC")
        .limit((data.top ?? 10) * 4)
      type TopAffiliate = NonNullable<ActivityReport["top_affiliates"]>[number]
      const ranked = new Map<string, TopAffiliate>()
      for (const row of top) {
        const entry: TopAffiliate = ranked.get(row.affiliate_id) ?? {
          affiliate_id: row.affiliate_id,
          code: row.code,
          name: row.name,
          orders: 0,
          commission: [],
        }
        entry.orders += row.orders
        entry.commission.push({ currency_code: row.currency_code, amount: MathBN.convert(row.commission).toNumber() })
        ranked.set(row.affiliate_id, entry)
      }
      report.top_affiliates = [...ranked.values()].slice(0, data.top ?? 10)
    }
    return report
  }

  // ---------------------------------------------------------------------------------------
  // The ledger

  /**
   * Appends entries to the ledger, exactly once per idempotency key: an entry whose key
   * exists already is not inserted again, and the existing entry is returned instead. One
   * INSERT ... ON CONFLICT DO NOTHING, so concurrent appends of one key also yield one row.
   */
  @InjectTransactionManager()
  async appendLedgerEntries(
    entries: NewLedgerEntry[],
    @MedusaContext() sharedContext: Context<EntityManager> = {}
  ): Promise<AppendedLedgerEntry[]> {
    if (!entries.length) {
      return []
    }
    const prepared = entries.map(prepareLedgerEntry)
    const keys = prepared.map((e) => e.idempotency_key)
    if (new Set(keys).size !== keys.length) {
      throw new MedusaError(MedusaError.Types.INVALID_DATA, "idempotency_key: repeated within one append")
    }

    const knex = this.knex(sharedContext)
    const values = prepared.map((e) => [
      generateEntityId(undefined, "afcom"),
      e.affiliate_id,
      e.type,
      e.amount,
      rawBigNumber(e.amount),
      e.currency_code,
      e.rate,
      rawBigNumber(e.rate),
      e.base_amount,
      rawBigNumber(e.base_amount),
      e.order_id,
      json(e.lines),
      e.status,
      e.available_at,
      e.idempotency_key,
      e.reference,
      e.reference_id,
      e.note,
      e.created_by,
      json(e.metadata),
    ])
    const placeholders = values.map(() => `(${LEDGER_COLUMNS.map(() => "?").join(", ")})`).join(", ")
    const inserted = await knex.raw(
      `INSERT INTO affiliate_commission (${LEDGER_COLUMNS.join(", ")})
       VALUES ${placeholders}
       ON CONFLICT (idempotency_key) WHERE deleted_at IS NULL DO NOTHING
       RETURNING id, idempotency_key`,
      values.flat()
    )
    const createdKeys = new Set<string>(inserted.rows.map((r: { idempotency_key: string }) => r.idempotency_key))

    const stored = await this.listAffiliateCommissions(
      { idempotency_key: keys },
      { take: keys.length },
      sharedContext
    )
    const byKey = new Map(stored.map((e) => [e.idempotency_key, e]))
    return keys.map((key) => ({ entry: byKey.get(key)!, created: createdKeys.has(key) }))
  }

  /**
   * Moves entries to another status along SPEC §3's flow, all or nothing. Entries are locked
   * first, so two requests racing for the same entries cannot both move them.
   */
  @InjectTransactionManager()
  async transitionLedgerEntries(
    data: { ids: string[]; to: LedgerEntryStatus; payout_id?: string | null },
    @MedusaContext() sharedContext: Context<EntityManager> = {}
  ): Promise<AffiliateCommissionDTO[]> {
    const ids = [...new Set(data.ids)]
    if (!ids.length) {
      return []
    }
    const knex = this.knex(sharedContext)
    const rows: { id: string; status: LedgerEntryStatus }[] = await knex("affiliate_commission")
      .select("id", "status")
      .whereIn("id", ids)
      .whereNull("deleted_at")
      .orderBy("id")
      .forUpdate()
    if (rows.length !== ids.length) {
      const found = new Set(rows.map((r) => r.id))
      const missing = ids.filter((id) => !found.has(id))
      throw new MedusaError(MedusaError.Types.NOT_FOUND, `Commission entries not found: ${missing.join(", ")}`)
    }
    rows.forEach((row) => assertLedgerEntryTransition(row.status, data.to))

    const now = new Date()
    const changes: Record<string, unknown> = { status: data.to, updated_at: now }
    if (data.to === "available") {
      // Leaving a payout (failed or canceled) or the end of the hold.
      changes.payout_id = null
      changes.requested_at = null
      changes.released_at = knex.raw("COALESCE(released_at, ?)", [now])
    }
    if (data.to === "requested") {
      if (!data.payout_id) {
        throw new MedusaError(MedusaError.Types.INVALID_DATA, "payout_id: is required to request entries")
      }
      changes.payout_id = data.payout_id
      changes.requested_at = now
    }
    if (data.to === "paid") {
      changes.paid_at = now
    }
    await knex("affiliate_commission")
      .update(changes)
      .whereIn("id", ids)
      .whereIn("status", ledgerEntryStatusesLeadingTo(data.to))

    return await this.listAffiliateCommissions({ id: ids }, { take: ids.length }, sharedContext)
  }

  /** Balances per currency (pending, available, requested, paid), derived by one aggregate. */
  @InjectManager()
  async getBalances(
    affiliateId: string,
    @MedusaContext() sharedContext: Context<EntityManager> = {}
  ): Promise<AffiliateBalance[]> {
    const byAffiliate = await this.getBalancesByAffiliate([affiliateId], sharedContext)
    return byAffiliate.get(affiliateId) ?? []
  }

  /** Balances of many affiliates at once, for lists; one aggregate over the ledger. */
  @InjectManager()
  async getBalancesByAffiliate(
    affiliateIds: string[],
    @MedusaContext() sharedContext: Context<EntityManager> = {}
  ): Promise<Map<string, AffiliateBalance[]>> {
    const result = new Map<string, AffiliateBalance[]>()
    if (!affiliateIds.length) {
      return result
    }
    const rows: (BalanceRow & { affiliate_id: string })[] = await this.knex(sharedContext)(
      "affiliate_commission"
    )
      .select("affiliate_id", "currency_code", "status")
      .sum({ total: "amount" })
      .whereIn("affiliate_id", affiliateIds)
      .whereNull("deleted_at")
      .groupBy("affiliate_id", "currency_code", "status")
    for (const id of affiliateIds) {
      result.set(id, toBalances(rows.filter((r) => r.affiliate_id === id)))
    }
    return result
  }

  /**
   * The statement of [from, to) in one currency: opening and closing unpaid balances and
   * what moved between them, from one aggregate query, plus the period's entries.
   */
  @InjectManager()
  async getStatement(
    data: { affiliate_id: string; currency_code: string; from: Date; to: Date },
    @MedusaContext() sharedContext: Context<EntityManager> = {}
  ): Promise<LedgerStatement> {
    const { affiliate_id, from, to } = data
    const currency_code = data.currency_code.toLowerCase()
    if (!(from < to)) {
      throw new MedusaError(MedusaError.Types.INVALID_DATA, "from: must be before to")
    }
    const knex = this.knex(sharedContext)
    const sum = (condition: string, bindings: unknown[] = []) =>
      knex.raw(`COALESCE(SUM(amount) FILTER (WHERE ${condition}), 0)`, bindings)
    const inPeriod = "created_at >= ? AND created_at < ?"
    const [sums]: StatementSums[] = await knex("affiliate_commission")
      .select({
        created_before_from: sum("created_at < ?", [from]),
        paid_before_from: sum("paid_at < ?", [from]),
        sales: sum(`type = 'sale' AND ${inPeriod}`, [from, to]),
        reversals: sum(`type = 'reversal' AND ${inPeriod}`, [from, to]),
        clawbacks: sum(`type = 'clawback' AND ${inPeriod}`, [from, to]),
        adjustments: sum(`type = 'adjustment' AND ${inPeriod}`, [from, to]),
        paid_in_period: sum("paid_at >= ? AND paid_at < ?", [from, to]),
        created_before_to: sum("created_at < ?", [to]),
        paid_before_to: sum("paid_at < ?", [to]),
      })
      .where({ affiliate_id, currency_code })
      .whereNull("deleted_at")

    const entries = await this.listAffiliateCommissions(
      { affiliate_id, currency_code, created_at: { $gte: from, $lt: to } },
      { order: { created_at: "ASC", id: "ASC" } },
      sharedContext
    )
    return { affiliate_id, currency_code, from, to, ...buildStatement(sums), entries }
  }

  /** The knex of this call's transaction when there is one, else of the shared connection. */
  protected knex(sharedContext: Context<EntityManager>) {
    const manager = (sharedContext.transactionManager ?? sharedContext.manager) as EntityManager
    return manager.getTransactionContext() ?? manager.getKnex()
  }
}
