import { Context } from "@medusajs/framework/types"
import { generateEntityId, MathBN } from "@medusajs/framework/utils"
import { EntityManager } from "@medusajs/framework/mikro-orm/knex"
import { LEDGER_ENTRY_MOVES, ledgerMoveOnSettlement } from "../domain/status-transitions"
import { PayoutStatus } from "../../../types/enums"
import { SqlRepository } from "../database/sql-repository"
import { rawBigNumber } from "../database/values"

type Ctx = Context<EntityManager>

/**
 * How long a payout request or settlement waits for the row another one holds: past it the
 * caller gets a 409 to try again rather than a request hanging on a stuck transaction.
 */
export const PAYOUT_LOCK_TIMEOUT = "5s"

export type PayableAffiliate = { affiliate_id: string; code: string; name: string; amount: string; entries: number }

/** Payouts' SQL: what an affiliate may be paid, and the moves of entries into and out of a payout. */
export class PayoutRepository extends SqlRepository {
  private async lockTimeout(context: Ctx) {
    await this.knex(context).raw(`SET LOCAL lock_timeout = '${PAYOUT_LOCK_TIMEOUT}'`)
  }

  private available(context: Ctx, affiliateId: string, currency: string) {
    return this.knex(context)("affiliate_commission")
      .where({ affiliate_id: affiliateId, currency_code: currency, status: LEDGER_ENTRY_MOVES.request.from })
      .whereNull("deleted_at")
  }

  /**
   * Locks the affiliate for a payout request (concurrent requests queue behind it) and
   * returns their program's minimum and payout method with their available net and entry count in `currency`.
   */
  async lockPayable(
    affiliateId: string,
    currency: string,
    context: Ctx
  ): Promise<{ minimum: string; method: string; net: string; entries: number } | null> {
    await this.lockTimeout(context)
    const affiliate = await this.knex(context)("affiliate as a")
      .join("affiliate_program as p", "p.id", "a.program_id")
      .select("a.id", "p.min_payout_amount", "p.payout_method")
      .where("a.id", affiliateId)
      .whereNull("a.deleted_at")
      .forUpdate("a")
      .first()
    if (!affiliate) {
      return null
    }
    const { entries, net } = await this.available(context, affiliateId, currency)
      .select(this.knex(context).raw("count(*)::int AS entries, COALESCE(SUM(amount), 0) AS net"))
      .first()
    return { minimum: String(affiliate.min_payout_amount), method: affiliate.payout_method, net: String(net), entries }
  }

  /**
   * Writes a requested payout of `amount` and moves every available entry of the affiliate in
   * that currency into it; returns the payout id and how many entries moved. The payout is
   * written with the same knex transaction as the entries (the ORM would flush it at commit,
   * after the entries already point at it).
   */
  async insertRequested(
    data: { affiliate_id: string; currency_code: string; amount: string; method: string | null; requested_by: string | null },
    context: Ctx
  ): Promise<{ id: string; moved: number }> {
    const id = generateEntityId(undefined, "afpay")
    const amount = MathBN.convert(data.amount).toFixed()
    await this.knex(context)("affiliate_payout").insert({
      id,
      affiliate_id: data.affiliate_id,
      amount,
      raw_amount: rawBigNumber(amount),
      currency_code: data.currency_code,
      status: "requested",
      method: data.method,
      requested_by: data.requested_by,
    })
    const now = new Date()
    const moved = await this.available(context, data.affiliate_id, data.currency_code).update({
      status: LEDGER_ENTRY_MOVES.request.to,
      payout_id: id,
      requested_at: now,
      updated_at: now,
    })
    return { id, moved }
  }

  /**
   * Affiliates whose available net in `currency` is over 0 and reaches their program's
   * minimum, with that net and entry count: who a payout batch pays.
   */
  async listPayable(data: { currency_code: string; affiliate_ids?: string[] }, context: Ctx = {}): Promise<PayableAffiliate[]> {
    const knex = this.knex(context)
    const query = knex("affiliate_commission as c")
      .join("affiliate as a", "a.id", "c.affiliate_id")
      .join("affiliate_program as p", "p.id", "a.program_id")
      .select("c.affiliate_id", "a.code", "a.name")
      .select(knex.raw("SUM(c.amount) AS amount, count(*)::int AS entries"))
      .where({ "c.currency_code": data.currency_code, "c.status": LEDGER_ENTRY_MOVES.request.from })
      .whereNull("c.deleted_at")
      .whereNull("a.deleted_at")
      .groupBy("c.affiliate_id", "a.code", "a.name", "p.min_payout_amount")
      .havingRaw("SUM(c.amount) > 0 AND SUM(c.amount) >= p.min_payout_amount")
      .orderBy("c.affiliate_id")
    if (data.affiliate_ids) {
      query.whereIn("c.affiliate_id", data.affiliate_ids)
    }
    const rows = await query
    return rows.map((r: any) => ({ ...r, amount: MathBN.convert(r.amount).toFixed() }))
  }

  /** The payout's status, its row locked for a settlement; null when there is no such payout. */
  async lockForSettlement(id: string, context: Ctx): Promise<PayoutStatus | null> {
    await this.lockTimeout(context)
    const payout = await this.knex(context)("affiliate_payout")
      .select("status")
      .where({ id })
      .whereNull("deleted_at")
      .forUpdate()
      .first()
    return payout?.status ?? null
  }

  /** Settles a locked, requested payout and moves its entries accordingly (paid, or back to available). */
  async settle(
    data: { id: string; status: Exclude<PayoutStatus, "requested">; reference?: string | null; reason?: string | null },
    context: Ctx
  ): Promise<void> {
    const knex = this.knex(context)
    const now = new Date()
    const move = LEDGER_ENTRY_MOVES[ledgerMoveOnSettlement(data.status)]
    const entryChanges =
      move.to === "paid"
        ? { status: move.to, paid_at: now, updated_at: now }
        : { status: move.to, payout_id: null, requested_at: null, updated_at: now }
    await knex("affiliate_commission").update(entryChanges).where({ payout_id: data.id, status: move.from })
    const payoutChanges =
      data.status === "paid"
        ? { status: data.status, paid_at: now, reference: data.reference ?? null, updated_at: now }
        : {
            status: data.status,
            failure_reason: data.reason ?? null,
            [data.status === "failed" ? "failed_at" : "canceled_at"]: now,
            updated_at: now,
          }
    await knex("affiliate_payout").update(payoutChanges).where({ id: data.id })
  }
}
