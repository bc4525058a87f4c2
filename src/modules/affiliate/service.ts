import { Context, DAL } from "@medusajs/framework/types"
import {
  InjectManager,
  InjectTransactionManager,
  MathBN,
  MedusaContext,
  MedusaError,
  MedusaService,
} from "@medusajs/framework/utils"
import { EntityManager } from "@medusajs/framework/mikro-orm/knex"
import { assertValidAffiliateCode, normalizeAffiliateCode } from "./domain/affiliate-code"
import { AffiliateBalance, toBalances } from "./domain/balances"
import { attributionExpiry } from "./domain/choose-attribution"
import { NewLedgerEntry, prepareLedgerEntry } from "./domain/ledger-entry"
import { ledgerKeys } from "./domain/ledger-keys"
import { planCommissionCorrection } from "./domain/net-commission"
import { assertPayoutAllowed } from "./domain/payout"
import { buildReportSeries, rankTopAffiliates, ReportInterval } from "./domain/report-series"
import { shareWithoutClick } from "./domain/risk/code-leaks"
import { buildStatement } from "./domain/statement"
import { assertAffiliateTransition, assertPayoutTransition } from "./domain/status-transitions"
import { visitorHash } from "./domain/visitor-hash"
import {
  Affiliate,
  AffiliateAttribution,
  AffiliateClick,
  AffiliateCommission,
  AffiliateCommissionReview,
  AffiliateJobCursor,
  AffiliateOrderAttribution,
  AffiliatePayout,
  AffiliateProgram,
  AffiliateProgramRule,
} from "./models"
import { AffiliateOptions, parseAffiliateOptions } from "./options"
import type {
  AffiliateAccountRepository,
  JobCursorRepository,
  LedgerRepository,
  PayoutRepository,
  ReportRepository,
  ReviewRepository,
  TrackingRepository,
} from "./repositories"
import type { PayableAffiliate } from "./repositories/payout"
import type { AffiliateTrackRecord } from "./repositories/tracking"
import type {
  ActivityReport,
  AffiliateAttributionDTO,
  AffiliateCommissionDTO,
  AffiliateDTO,
  AffiliateInput,
  AffiliatePayoutDTO,
  AffiliateProgramDTO,
  AppendedLedgerEntry,
  LedgerStatement,
  DecidedReview,
  OrderAttributionRecord,
  PromotionCodeLeak,
  RecordedClick,
  ReleaseResult,
  ReviewDecisionInput,
  ReviewDecisionResult,
} from "./types/service"

type InjectedDependencies = {
  baseRepository: DAL.RepositoryService
  affiliateAccountRepository: AffiliateAccountRepository
  ledgerRepository: LedgerRepository
  payoutRepository: PayoutRepository
  trackingRepository: TrackingRepository
  reportRepository: ReportRepository
  jobCursorRepository: JobCursorRepository
  reviewRepository: ReviewRepository
}

type Ctx = Context<EntityManager>

type SettlePayoutInput = { id: string; status: "paid" | "failed" | "canceled"; reference?: string | null; reason?: string | null }

/** What one append did: the keys asked for, in order, and those it inserted. */
type Appended = { keys: string[]; created: Map<string, string> }
const NOTHING_APPENDED: Appended = { keys: [], created: new Map() }

// Used when the store owner sets no `hashSalt`; the README asks them to set one.
const DEFAULT_HASH_SALT = "medusa-affiliates"

function refuse(what: string, instead: string): never {
  throw new MedusaError(MedusaError.Types.NOT_ALLOWED, `${what} are not written directly: use ${instead}`)
}

/**
 * The affiliate module. Reads are MedusaService's generated methods; every write that moves
 * money goes through a method below, which applies the rules of ./domain and leaves the SQL
 * to the repositories. As in Medusa's promotion module, such a public method (@InjectManager)
 * calls its protected `_` twin (@InjectTransactionManager), which makes the whole change in
 * one transaction, and then reads the result back. The generated writes of commission
 * entries and payouts refuse, so nothing goes around the ledger's rules.
 */
export default class AffiliateModuleService extends MedusaService({
  AffiliateProgram,
  AffiliateProgramRule,
  Affiliate,
  AffiliateClick,
  AffiliateAttribution,
  AffiliateOrderAttribution,
  AffiliateCommission,
  AffiliateCommissionReview,
  AffiliatePayout,
  AffiliateJobCursor,
}) {
  protected readonly options_: AffiliateOptions
  protected readonly accounts_: AffiliateAccountRepository
  protected readonly ledger_: LedgerRepository
  protected readonly payouts_: PayoutRepository
  protected readonly tracking_: TrackingRepository
  protected readonly reports_: ReportRepository
  protected readonly jobCursors_: JobCursorRepository
  protected readonly reviews_: ReviewRepository

  // Runs once the app has started (not during `db:migrate`, when tables may not exist yet).
  __hooks = {
    onApplicationStart: async () => {
      await this.ensureDefaultProgram()
    },
  }

  constructor(deps: InjectedDependencies, options?: Record<string, unknown>) {
    // @ts-ignore MedusaService takes the container and options as its arguments
    super(...arguments)
    this.options_ = parseAffiliateOptions(options)
    this.accounts_ = deps.affiliateAccountRepository
    this.ledger_ = deps.ledgerRepository
    this.payouts_ = deps.payoutRepository
    this.tracking_ = deps.trackingRepository
    this.reports_ = deps.reportRepository
    this.jobCursors_ = deps.jobCursorRepository
    this.reviews_ = deps.reviewRepository
  }

  /** The validated plugin options, with defaults applied. */
  getOptions(): AffiliateOptions {
    return this.options_
  }

  // ---------------------------------------------------------------------------------------
  // Programs and affiliates

  /** Creates the default program from the `defaultProgram` option unless one exists. */
  @InjectTransactionManager()
  async ensureDefaultProgram(@MedusaContext() sharedContext: Ctx = {}): Promise<AffiliateProgramDTO> {
    await this.accounts_.insertDefaultProgram(this.options_.defaultProgram, sharedContext)
    return await this.retrieveDefaultProgram(sharedContext)
  }

  @InjectManager()
  async retrieveDefaultProgram(@MedusaContext() sharedContext: Ctx = {}): Promise<AffiliateProgramDTO> {
    const [program] = await this.listAffiliatePrograms({ is_default: true }, { take: 1 }, sharedContext)
    if (!program) {
      throw new MedusaError(MedusaError.Types.NOT_FOUND, "The default affiliate program does not exist yet")
    }
    return program
  }

  /**
   * Creates affiliates with normalised, validated codes; without a program they join the
   * default one. Uniqueness is left to the database (only upper-case codes are storable).
   */
  @InjectTransactionManager()
  // @ts-expect-error the generated method has a wider signature
  async createAffiliates(
    data: AffiliateInput | AffiliateInput[],
    @MedusaContext() sharedContext: Ctx = {}
  ): Promise<AffiliateDTO | AffiliateDTO[]> {
    const input = Array.isArray(data) ? data : [data]
    const defaultProgramId = input.some((a) => !a.program_id)
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
   * Updates affiliates by id. A new code is normalised and validated; a status change must
   * be an allowed transition, checked against the row locked for this transaction.
   */
  @InjectTransactionManager()
  // @ts-expect-error the generated method has a wider signature
  async updateAffiliates(
    data: (AffiliateInput & { id: string }) | (AffiliateInput & { id: string })[],
    @MedusaContext() sharedContext: Ctx = {}
  ): Promise<AffiliateDTO | AffiliateDTO[]> {
    if (!Array.isArray(data) && "selector" in (data as object)) {
      // The selector form would skip the checks below; compensations use restoreAffiliateFields.
      throw new MedusaError(MedusaError.Types.NOT_ALLOWED, "Affiliates are updated by id")
    }
    const input = Array.isArray(data) ? data : [data]
    const statusChanges = input.filter((a) => a.status !== undefined)
    if (statusChanges.length) {
      const current = await this.accounts_.lockStatuses(statusChanges.map((a) => a.id), sharedContext)
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
    const prepared = input.map((a) => (a.code === undefined ? a : { ...a, code: assertValidAffiliateCode(a.code) }))
    const updated = await super.updateAffiliates(prepared as any, sharedContext)
    return Array.isArray(data) ? updated : updated[0]
  }

  /**
   * Puts back fields an update changed, without the status rules: only for a workflow's
   * compensation (a rolled-back approval returns to `pending`, a move the rules refuse).
   */
  @InjectTransactionManager()
  async restoreAffiliateFields(
    id: string,
    values: Record<string, unknown>,
    @MedusaContext() sharedContext: Ctx = {}
  ): Promise<void> {
    await super.updateAffiliates({ selector: { id }, data: values } as any, sharedContext)
  }

  /**
   * Updates programs by id. `risk_rules`, when given, replaces what the program stored (the
   * ORM would merge a JSON object into the old one, keeping rules the admin took out).
   */
  @InjectTransactionManager()
  // @ts-expect-error the generated method has a wider signature
  async updateAffiliatePrograms(
    data: ({ id: string } & Record<string, unknown>) | ({ id: string } & Record<string, unknown>)[],
    @MedusaContext() sharedContext: Ctx = {}
  ): Promise<AffiliateProgramDTO | AffiliateProgramDTO[]> {
    const input = Array.isArray(data) ? data : [data]
    const replacing = input.filter((p) => p.risk_rules !== undefined)
    if (replacing.length) {
      await super.updateAffiliatePrograms(replacing.map((p) => ({ id: p.id, risk_rules: null })) as any, sharedContext)
    }
    const updated = await super.updateAffiliatePrograms(input as any, sharedContext)
    return Array.isArray(data) ? updated : updated[0]
  }

  /** Finds an affiliate by code, in any case. */
  @InjectManager()
  async retrieveAffiliateByCode(
    code: string,
    config: { relations?: string[] } = {},
    @MedusaContext() sharedContext: Ctx = {}
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
   * session gets its first click back. Null when the code is unknown or not active.
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
    @MedusaContext() sharedContext: Ctx = {}
  ): Promise<RecordedClick | null> {
    const sessionId = data.session_id || null
    const result = await this.tracking_.insertClick(
      {
        code: normalizeAffiliateCode(data.code),
        session_id: sessionId,
        sub_id: data.sub_id || null,
        landing_url: data.landing_url || null,
        referrer: data.referrer || null,
        visitor_hash: visitorHash(this.options_.hashSalt ?? DEFAULT_HASH_SALT, data.ip, data.user_agent),
      },
      sharedContext
    )
    if (!result) {
      return null
    }
    if (result.click) {
      return { click: result.click, deduplicated: result.deduplicated }
    }
    // The session's first click was committed by a concurrent request after the insert's snapshot.
    const first = await this.tracking_.firstClickOfSession(result.affiliate_id, sessionId, sharedContext)
    return {
      click: { id: first.id, affiliate_id: result.affiliate_id, affiliate_code: result.affiliate_code, created_at: first.created_at },
      deduplicated: true,
    }
  }

  /**
   * Writes the outcome of an order's attribution in one transaction: the receipt, the
   * customer's attribution and the sale. The receipt's unique order_id makes this run once
   * per order: when a receipt exists already, nothing is written.
   */
  @InjectManager()
  async recordOrderAttribution(
    data: OrderAttributionRecord,
    @MedusaContext() sharedContext: Ctx = {}
  ): Promise<{ created: boolean; receipt_id: string; review_id: string | null; entries: AppendedLedgerEntry[] }> {
    const { created, receipt_id, review_id, appended } = await this.recordOrderAttribution_(data, sharedContext)
    return { created, receipt_id, review_id, entries: await this.readAppended(appended, sharedContext) }
  }

  @InjectTransactionManager()
  protected async recordOrderAttribution_(
    data: OrderAttributionRecord,
    @MedusaContext() sharedContext: Ctx = {}
  ): Promise<{ created: boolean; receipt_id: string; review_id: string | null; appended: Appended }> {
    const receipt = await this.tracking_.insertReceipt(data.receipt, sharedContext)
    if (!receipt.created) {
      return { created: false, receipt_id: receipt.id, review_id: null, appended: NOTHING_APPENDED }
    }
    if (data.attribution) {
      await this.tracking_.bindCustomer(data.attribution, sharedContext)
    }
    const appended = data.sale ? await this.appendLedgerEntries_([data.sale], sharedContext) : NOTHING_APPENDED
    const saleId = data.sale ? appended.created.get(data.sale.idempotency_key) : undefined
    // Held with the sale, in its transaction: the release job never sees the one without the other.
    const review_id =
      data.sale && data.review && saleId
        ? await this.reviews_.insertRequired(
            {
              commission_id: saleId,
              affiliate_id: data.sale.affiliate_id,
              order_id: data.sale.order_id!,
              order_attribution_id: receipt.id,
              because: data.review.because,
            },
            sharedContext
          )
        : null
    return { created: true, receipt_id: receipt.id, review_id, appended }
  }

  /** The salted visitor hash of a request (IP + user agent), as clicks are recorded with. */
  visitorHashOf(ip: string | null | undefined, userAgent: string | null | undefined): string | null {
    return visitorHash(this.options_.hashSalt ?? DEFAULT_HASH_SALT, ip, userAgent)
  }

  /** Notes the affiliate's own device, seen on their portal (the visitor_match signal's evidence). */
  @InjectManager()
  async recordAffiliateSighting(
    affiliateId: string,
    visitor: { ip?: string | null; user_agent?: string | null },
    @MedusaContext() sharedContext: Ctx = {}
  ): Promise<void> {
    const hash = this.visitorHashOf(visitor.ip, visitor.user_agent)
    if (hash) {
      await this.tracking_.recordSighting(affiliateId, hash, new Date(), sharedContext)
    }
  }

  /** What the visitor signals compare: the affiliate's sightings of the buyer's hashes, and that visitor's orders. */
  @InjectManager()
  async getVisitorEvidence(
    affiliateId: string,
    { hashes, orders_hash, orders_since }: { hashes: string[]; orders_hash: string | null; orders_since: Date },
    @MedusaContext() sharedContext: Ctx = {}
  ): Promise<{ sightings: { visitor_hash: string; last_seen_at: Date }[]; visitor_orders: number }> {
    const [sightings, visitor_orders] = await Promise.all([
      this.tracking_.sightingsOf(affiliateId, hashes, sharedContext),
      orders_hash ? this.tracking_.visitorOrders(affiliateId, orders_hash, orders_since, sharedContext) : 0,
    ])
    return { sightings, visitor_orders }
  }

  /** What risk-based holds judge affiliates by (see the tracking repository). */
  @InjectManager()
  async getAffiliateTrackRecords(
    affiliateIds: string[],
    options: { at: Date; countUpTo: number },
    @MedusaContext() sharedContext: Ctx = {}
  ): Promise<AffiliateTrackRecord[]> {
    return affiliateIds.length ? await this.tracking_.trackRecords(affiliateIds, options, sharedContext) : []
  }

  /**
   * An admin binds a customer to an affiliate (`manual`), retiring any current attribution
   * in the same transaction. Expiry follows the affiliate's program's trailing months.
   */
  @InjectManager()
  async reassignCustomerAttribution(
    data: { customer_id: string; affiliate_id: string; created_by?: string | null },
    @MedusaContext() sharedContext: Ctx = {}
  ): Promise<AffiliateAttributionDTO> {
    const id = await this.reassignCustomerAttribution_(data, sharedContext)
    return await this.retrieveAffiliateAttribution(id, {}, sharedContext)
  }

  @InjectTransactionManager()
  protected async reassignCustomerAttribution_(
    data: { customer_id: string; affiliate_id: string; created_by?: string | null },
    @MedusaContext() sharedContext: Ctx = {}
  ): Promise<string> {
    const affiliate = await this.retrieveAffiliate(data.affiliate_id, { relations: ["program"] }, sharedContext)
    return await this.tracking_.replaceCustomerAttribution(
      {
        customer_id: data.customer_id,
        affiliate_id: affiliate.id,
        source: "manual",
        click_id: null,
        promotion_code: null,
        order_id: null,
        expires_at: attributionExpiry(new Date(), affiliate.program.trailing_months ?? null),
        created_by: data.created_by ?? null,
      },
      sharedContext
    )
  }

  // ---------------------------------------------------------------------------------------
  // The ledger

  /**
   * Appends entries to the ledger, exactly once per idempotency key: an entry whose key
   * exists already is not inserted again, and the existing entry is returned instead.
   */
  @InjectManager()
  async appendLedgerEntries(
    entries: NewLedgerEntry[],
    @MedusaContext() sharedContext: Ctx = {}
  ): Promise<AppendedLedgerEntry[]> {
    return await this.readAppended(await this.appendLedgerEntries_(entries, sharedContext), sharedContext)
  }

  @InjectTransactionManager()
  protected async appendLedgerEntries_(
    entries: NewLedgerEntry[],
    @MedusaContext() sharedContext: Ctx = {}
  ): Promise<Appended> {
    if (!entries.length) {
      return NOTHING_APPENDED
    }
    const prepared = entries.map(prepareLedgerEntry)
    const keys = prepared.map((e) => e.idempotency_key)
    if (new Set(keys).size !== keys.length) {
      throw new MedusaError(MedusaError.Types.INVALID_DATA, "idempotency_key: repeated within one append")
    }
    return { keys, created: await this.ledger_.append(prepared, sharedContext) }
  }

  /** The entries of an append, in its order, each marked whether this append created it. */
  protected async readAppended({ keys, created }: Appended, sharedContext: Ctx): Promise<AppendedLedgerEntry[]> {
    if (!keys.length) {
      return []
    }
    const stored = await this.listAffiliateCommissions({ idempotency_key: keys }, { take: keys.length }, sharedContext)
    const byKey = new Map(stored.map((e) => [e.idempotency_key, e]))
    return keys.map((key) => ({ entry: byKey.get(key)!, created: created.has(key) }))
  }

  /**
   * Books what one change of an order's money means for its commission: the correction
   * entries, and the money state they follow (what the reconcile job compares), in one
   * transaction. Were the state saved alone, a failed append would leave the job believing
   * the order was followed, and the correction would never be booked.
   */
  @InjectManager()
  async bookOrderMoneyChange(
    data: { order_id: string; fingerprint: string; entries: NewLedgerEntry[] },
    @MedusaContext() sharedContext: Ctx = {}
  ): Promise<AppendedLedgerEntry[]> {
    return await this.readAppended(await this.bookOrderMoneyChange_(data, sharedContext), sharedContext)
  }

  @InjectTransactionManager()
  protected async bookOrderMoneyChange_(
    data: { order_id: string; fingerprint: string; entries: NewLedgerEntry[] },
    @MedusaContext() sharedContext: Ctx = {}
  ): Promise<Appended> {
    const appended = await this.appendLedgerEntries_(data.entries, sharedContext)
    await this.tracking_.markReceiptMoneyState(data.order_id, data.fingerprint, sharedContext)
    return appended
  }

  /**
   * Moves due held entries to `available`, in batches of `batch_size`, each its own short
   * statement: a crashed run leaves whole batches done or untouched, the next run continues.
   */
  @InjectManager()
  async releaseDueCommissions(
    data: { now?: Date; batch_size?: number } = {},
    @MedusaContext() sharedContext: Ctx = {}
  ): Promise<ReleaseResult> {
    return await this.ledger_.releaseDue(
      { now: data.now ?? new Date(), batchSize: data.batch_size ?? 10_000 },
      sharedContext
    )
  }

  /** The ledger entries of an order, oldest first. */
  @InjectManager()
  async listOrderLedger(orderId: string, @MedusaContext() sharedContext: Ctx = {}): Promise<AffiliateCommissionDTO[]> {
    return await this.listAffiliateCommissions(
      { order_id: orderId },
      { order: { created_at: "ASC", id: "ASC" } },
      sharedContext
    )
  }

  /** Balances per currency (pending, available, requested, paid), derived from the ledger. */
  @InjectManager()
  async getBalances(affiliateId: string, @MedusaContext() sharedContext: Ctx = {}): Promise<AffiliateBalance[]> {
    const byAffiliate = await this.getBalancesByAffiliate([affiliateId], sharedContext)
    return byAffiliate.get(affiliateId) ?? []
  }

  /** Balances of many affiliates at once, for lists; one aggregate over the ledger. */
  @InjectManager()
  async getBalancesByAffiliate(
    affiliateIds: string[],
    @MedusaContext() sharedContext: Ctx = {}
  ): Promise<Map<string, AffiliateBalance[]>> {
    const result = new Map<string, AffiliateBalance[]>()
    if (!affiliateIds.length) {
      return result
    }
    const rows = await this.ledger_.balanceRows(affiliateIds, sharedContext)
    for (const id of affiliateIds) {
      result.set(id, toBalances(rows.filter((r) => r.affiliate_id === id)))
    }
    return result
  }

  /**
   * The statement of [from, to) in one currency: opening and closing unpaid balances and
   * what moved between them, plus the period's entries.
   */
  @InjectManager()
  async getStatement(
    data: { affiliate_id: string; currency_code: string; from: Date; to: Date },
    @MedusaContext() sharedContext: Ctx = {}
  ): Promise<LedgerStatement> {
    const { affiliate_id, from, to } = data
    const currency_code = data.currency_code.toLowerCase()
    if (!(from < to)) {
      throw new MedusaError(MedusaError.Types.INVALID_DATA, "from: must be before to")
    }
    const sums = await this.ledger_.statementSums({ affiliate_id, currency_code, from, to }, sharedContext)
    const entries = await this.listAffiliateCommissions(
      { affiliate_id, currency_code, created_at: { $gte: from, $lt: to } },
      { order: { created_at: "ASC", id: "ASC" } },
      sharedContext
    )
    return { affiliate_id, currency_code, from, to, ...buildStatement(sums), entries }
  }

  // ---------------------------------------------------------------------------------------
  // Review hold

  /**
   * An admin's decision on sales held for review, all or none: each review must still be
   * `required` (else NOT_ALLOWED, naming it). Approving lets the order's entries release at
   * their hold's end; declining books a reversal of what the order still has booked for the
   * affiliate (keyed by the sale, so it is booked once), carrying the admin's reason. Either
   * way the order's entries already due are released at once. The review rows are locked, so
   * of two decisions racing the second is refused; callers hold the orders' locks, so no
   * money event of the order books between the sum read and the reversal.
   */
  @InjectManager()
  async decideCommissionReviews(
    data: ReviewDecisionInput,
    @MedusaContext() sharedContext: Ctx = {}
  ): Promise<ReviewDecisionResult> {
    const { reviews, released, appended } = await this.decideCommissionReviews_(data, sharedContext)
    return { reviews, released, entries: await this.readAppended(appended, sharedContext) }
  }

  @InjectTransactionManager()
  protected async decideCommissionReviews_(
    data: ReviewDecisionInput,
    @MedusaContext() sharedContext: Ctx = {}
  ): Promise<{ reviews: DecidedReview[]; released: ReleaseResult["by_affiliate"]; appended: Appended }> {
    const ids = [...new Set(data.ids)]
    const locked = await this.reviews_.lockForDecision(ids, sharedContext)
    const missing = ids.filter((id) => !locked.some((r) => r.id === id))
    if (missing.length) {
      throw new MedusaError(MedusaError.Types.NOT_FOUND, `Affiliate commission review with id: ${missing.join(", ")} was not found`)
    }
    const decided = locked.filter((r) => r.status !== "required")
    if (decided.length) {
      throw new MedusaError(
        MedusaError.Types.NOT_ALLOWED,
        `ids: ${decided.map((r) => `${r.id} is already ${r.status}`).join(", ")}`
      )
    }
    const now = data.now ?? new Date()
    const status = data.decision === "approve" ? ("approved" as const) : ("declined" as const)
    const reversals: NewLedgerEntry[] = []
    const reversalKeyOf = new Map<string, string>()
    if (status === "declined") {
      for (const review of locked) {
        const [sale] = await this.listAffiliateCommissions({ id: review.commission_id }, { take: 1 }, sharedContext)
        const booked = await this.ledger_.orderBooked(review, sharedContext)
        const reversal = planCommissionCorrection({
          net: 0,
          booked,
          sale: { status: sale.status, available_at: sale.available_at ? new Date(sale.available_at) : null },
          clawback_after_payout: false,
        })
        if (reversal) {
          const key = ledgerKeys.reviewDecline(sale.id)
          reversalKeyOf.set(review.id, key)
          reversals.push({
            affiliate_id: sale.affiliate_id,
            type: "reversal",
            amount: reversal.amount,
            currency_code: sale.currency_code,
            rate: sale.rate,
            order_id: review.order_id,
            status: reversal.status,
            available_at: reversal.available_at,
            idempotency_key: key,
            reference: "review",
            reference_id: review.id,
            note: data.reason ?? null,
            created_by: data.decided_by ?? null,
          })
        }
      }
    }
    const appended = await this.appendLedgerEntries_(reversals, sharedContext)
    const reviews: DecidedReview[] = locked.map((r) => {
      const key = reversalKeyOf.get(r.id)
      return { ...r, status, reversal_id: key ? (appended.created.get(key) ?? null) : null }
    })
    await this.reviews_.decide(reviews, { reason: data.reason ?? null, decided_by: data.decided_by ?? null, decided_at: now }, sharedContext)
    const released = await this.ledger_.releaseOrdersDue(
      locked.map((r) => ({ order_id: r.order_id, affiliate_id: r.affiliate_id })),
      now,
      sharedContext
    )
    return { reviews, released, appended }
  }

  // ---------------------------------------------------------------------------------------
  // Payouts

  /**
   * Requests a payout of all of an affiliate's `available` entries in one currency, at once:
   * the affiliate row is locked, so concurrent requests queue and the later ones find
   * nothing left. NOT_ALLOWED when the net does not reach the program's minimum.
   */
  @InjectManager()
  async requestPayout(
    data: { affiliate_id: string; currency_code: string; requested_by?: string | null; method?: string | null },
    @MedusaContext() sharedContext: Ctx = {}
  ): Promise<AffiliatePayoutDTO> {
    const id = await this.requestPayout_(data, sharedContext)
    return await this.retrieveAffiliatePayout(id, {}, sharedContext)
  }

  @InjectTransactionManager()
  protected async requestPayout_(
    data: { affiliate_id: string; currency_code: string; requested_by?: string | null; method?: string | null },
    @MedusaContext() sharedContext: Ctx = {}
  ): Promise<string> {
    const currency = data.currency_code.trim().toLowerCase()
    const payable = await this.payouts_.lockPayable(data.affiliate_id, currency, sharedContext)
    if (!payable) {
      throw new MedusaError(MedusaError.Types.NOT_FOUND, `Affiliate with id: ${data.affiliate_id} was not found`)
    }
    assertPayoutAllowed({ currency_code: currency, entries: payable.entries, net: payable.net, minimum: payable.minimum })
    const payout = await this.payouts_.insertRequested(
      {
        affiliate_id: data.affiliate_id,
        currency_code: currency,
        amount: payable.net,
        // The program's way of paying, fixed on the payout when it is requested.
        method: data.method ?? payable.method,
        requested_by: data.requested_by ?? null,
      },
      sharedContext
    )
    if (payout.moved !== payable.entries) {
      throw new MedusaError(MedusaError.Types.CONFLICT, "The available entries changed during the payout request")
    }
    return payout.id
  }

  /** Who a payout batch in `currency` would pay now, how much each and in all. */
  @InjectManager()
  async previewPayouts(
    data: { currency_code: string; affiliate_ids?: string[] },
    @MedusaContext() sharedContext: Ctx = {}
  ): Promise<{ currency_code: string; count: number; total: string; affiliates: PayableAffiliate[] }> {
    const currency_code = data.currency_code.trim().toLowerCase()
    const affiliates = await this.payouts_.listPayable({ currency_code, affiliate_ids: data.affiliate_ids }, sharedContext)
    const total = affiliates.reduce((sum, a) => MathBN.add(sum, a.amount), MathBN.convert(0)).toFixed()
    return { currency_code, count: affiliates.length, total, affiliates }
  }

  /**
   * Requests payouts in one currency for every affiliate (or the given ones) whose available
   * net reaches their program's minimum; one transaction per affiliate, so one that falls
   * short does not stop the others. Returns the payouts created.
   */
  @InjectManager()
  async requestPayouts(
    data: { currency_code: string; affiliate_ids?: string[]; requested_by?: string | null },
    @MedusaContext() sharedContext: Ctx = {}
  ): Promise<AffiliatePayoutDTO[]> {
    const currency = data.currency_code.trim().toLowerCase()
    const payable = await this.payouts_.listPayable({ currency_code: currency, affiliate_ids: data.affiliate_ids }, sharedContext)
    const payouts: AffiliatePayoutDTO[] = []
    for (const { affiliate_id } of payable) {
      try {
        payouts.push(await this.requestPayout({ affiliate_id, currency_code: currency, requested_by: data.requested_by }))
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
   * (its entries go back to available). The payout row is locked, so of two settlements
   * racing the second is refused as an illegal transition.
   */
  @InjectManager()
  async settlePayout(
    data: SettlePayoutInput,
    @MedusaContext() sharedContext: Ctx = {}
  ): Promise<AffiliatePayoutDTO> {
    await this.settlePayout_(data, sharedContext)
    return await this.retrieveAffiliatePayout(data.id, {}, sharedContext)
  }

  @InjectTransactionManager()
  protected async settlePayout_(data: SettlePayoutInput, @MedusaContext() sharedContext: Ctx = {}): Promise<void> {
    const status = await this.payouts_.lockForSettlement(data.id, sharedContext)
    if (!status) {
      throw new MedusaError(MedusaError.Types.NOT_FOUND, `Affiliate payout with id: ${data.id} was not found`)
    }
    assertPayoutTransition(status, data.status)
    await this.payouts_.settle(data, sharedContext)
  }

  // ---------------------------------------------------------------------------------------
  // Reports and job cursors

  /**
   * Clicks, credited orders, revenue (the commission base of sales) and net commission per
   * interval of [from, to), for one affiliate or the whole program; program-wide it also
   * ranks the top affiliates by commission.
   */
  @InjectManager()
  async getActivityReport(
    data: { affiliate_id?: string; from: Date; to: Date; interval: ReportInterval; top?: number },
    @MedusaContext() sharedContext: Ctx = {}
  ): Promise<ActivityReport> {
    if (!(data.from < data.to)) {
      throw new MedusaError(MedusaError.Types.INVALID_DATA, "from: must be before to")
    }
    const top = data.top ?? 10
    // The series and the ranking read apart: they run side by side.
    const [activity, topRows] = await Promise.all([
      this.reports_.activity(data, sharedContext),
      // Rows are per currency: fetch enough to fill `top` affiliates across currencies.
      data.affiliate_id ? null : this.reports_.topAffiliates({ from: data.from, to: data.to, limit: top * 4 }, sharedContext),
    ])
    const report: ActivityReport = buildReportSeries(activity as any)
    if (topRows) {
      report.top_affiliates = rankTopAffiliates(topRows, top)
    }
    return report
  }

  /**
   * The coupon-leak report: per affiliate promotion code used in [from, to), its orders, the
   * share placed without the affiliate's traffic on the cart, and the distinct devices.
   */
  @InjectManager()
  async getPromotionCodeLeaks(
    data: { from: Date; to: Date; affiliate_ids?: string[]; codes?: string[]; limit?: number },
    @MedusaContext() sharedContext: Ctx = {}
  ): Promise<PromotionCodeLeak[]> {
    if (!(data.from < data.to)) {
      throw new MedusaError(MedusaError.Types.INVALID_DATA, "from: must be before to")
    }
    const rows = await this.reports_.promotionCodeLeaks({ ...data, limit: data.limit ?? 100 }, sharedContext)
    return rows.map((row) => ({ ...row, share_without_click: shareWithoutClick(row.orders_without_click, row.orders) }))
  }

  /**
   * Brings the daily activity rollup up to the last whole UTC day before `until` (the
   * rollup job's work), set-based in one transaction; see ReportRepository.rollUp.
   */
  @InjectTransactionManager()
  async rollUpActivity(
    data: { until?: Date } = {},
    @MedusaContext() sharedContext: Ctx = {}
  ): Promise<{ from: Date | null; to: Date }> {
    return await this.reports_.rollUp(data.until ?? new Date(), sharedContext)
  }

  /** Derives the whole rollup again from clicks, receipts and the ledger, in one transaction. */
  @InjectTransactionManager()
  async rebuildActivityRollup(
    data: { until?: Date } = {},
    @MedusaContext() sharedContext: Ctx = {}
  ): Promise<{ from: Date | null; to: Date }> {
    await this.reports_.clearRollup(sharedContext)
    return await this.reports_.rollUp(data.until ?? new Date(), sharedContext)
  }

  /** Where a job's scan stands; null before its first complete run. */
  @InjectManager()
  async retrieveJobCursor(job: string, @MedusaContext() sharedContext: Ctx = {}): Promise<Date | null> {
    return await this.jobCursors_.position(job, sharedContext)
  }

  /** Moves a job's cursor forward (never back, whatever order concurrent runs finish in). */
  @InjectManager()
  async advanceJobCursor(job: string, position: Date, @MedusaContext() sharedContext: Ctx = {}): Promise<void> {
    await this.jobCursors_.advance(job, position, sharedContext)
  }

  // ---------------------------------------------------------------------------------------
  // Generated writes that would go around the ledger's rules

  // @ts-expect-error refuses whatever the generated signature takes
  async createAffiliateCommissions(): Promise<never> {
    refuse("Commission entries", "appendLedgerEntries (append-only, one entry per idempotency key)")
  }
  // @ts-expect-error refuses whatever the generated signature takes
  async updateAffiliateCommissions(): Promise<never> {
    refuse("Commission entries", "releaseDueCommissions, requestPayout or settlePayout to move their status")
  }
  // @ts-expect-error refuses whatever the generated signature takes
  async deleteAffiliateCommissions(): Promise<never> {
    refuse("Commission entries", "a reversal or adjustment entry: the ledger is append-only")
  }
  // @ts-expect-error refuses whatever the generated signature takes
  async softDeleteAffiliateCommissions(): Promise<never> {
    refuse("Commission entries", "a reversal or adjustment entry: the ledger is append-only")
  }
  // @ts-expect-error refuses whatever the generated signature takes
  async restoreAffiliateCommissions(): Promise<never> {
    refuse("Commission entries", "appendLedgerEntries")
  }
  // @ts-expect-error refuses whatever the generated signature takes
  async createAffiliateCommissionReviews(): Promise<never> {
    refuse("Commission reviews", "the program's risk rules (a sale is held for review at attribution)")
  }
  // @ts-expect-error refuses whatever the generated signature takes
  async updateAffiliateCommissionReviews(): Promise<never> {
    refuse("Commission reviews", "decideCommissionReviews to approve or decline")
  }
  // @ts-expect-error refuses whatever the generated signature takes
  async deleteAffiliateCommissionReviews(): Promise<never> {
    refuse("Commission reviews", "decideCommissionReviews: a decision is kept as history")
  }
  // @ts-expect-error refuses whatever the generated signature takes
  async softDeleteAffiliateCommissionReviews(): Promise<never> {
    refuse("Commission reviews", "decideCommissionReviews: a decision is kept as history")
  }
  // @ts-expect-error refuses whatever the generated signature takes
  async createAffiliatePayouts(): Promise<never> {
    refuse("Payouts", "requestPayout or requestPayouts")
  }
  // @ts-expect-error refuses whatever the generated signature takes
  async updateAffiliatePayouts(): Promise<never> {
    refuse("Payouts", "settlePayout")
  }
  // @ts-expect-error refuses whatever the generated signature takes
  async deleteAffiliatePayouts(): Promise<never> {
    refuse("Payouts", "settlePayout with status canceled")
  }
  // @ts-expect-error refuses whatever the generated signature takes
  async softDeleteAffiliatePayouts(): Promise<never> {
    refuse("Payouts", "settlePayout with status canceled")
  }
  // @ts-expect-error refuses whatever the generated signature takes
  async restoreAffiliatePayouts(): Promise<never> {
    refuse("Payouts", "requestPayout")
  }
}
