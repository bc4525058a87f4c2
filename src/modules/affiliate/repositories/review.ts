import { Context } from "@medusajs/framework/types"
import { generateEntityId } from "@medusajs/framework/utils"
import { EntityManager } from "@medusajs/framework/mikro-orm/knex"
import { CommissionReviewStatus } from "../../../types/enums"
import { SqlRepository } from "../database/sql-repository"
import { json } from "../database/values"

type Ctx = Context<EntityManager>

export type LockedReview = {
  id: string
  status: CommissionReviewStatus
  commission_id: string
  affiliate_id: string
  order_id: string
}

/** The review hold's SQL: a held sale's review row, locked while an admin decides it. */
export class ReviewRepository extends SqlRepository {
  /** Holds a sale for review; one review per sale, so a replay inserts nothing. */
  async insertRequired(
    r: { commission_id: string; affiliate_id: string; order_id: string; order_attribution_id: string; because: string[] },
    context: Ctx
  ): Promise<string | null> {
    const inserted = await this.knex(context).raw(
      `INSERT INTO affiliate_commission_review (id, status, commission_id, affiliate_id, order_id, order_attribution_id, because)
       VALUES (?, 'required', ?, ?, ?, ?, ?)
       ON CONFLICT (commission_id) WHERE deleted_at IS NULL DO NOTHING
       RETURNING id`,
      [generateEntityId(undefined, "afrev"), r.commission_id, r.affiliate_id, r.order_id, r.order_attribution_id, json(r.because)]
    )
    return inserted.rows[0]?.id ?? null
  }

  /**
   * Locks the reviews for this transaction, in id order (two admins deciding overlapping
   * sets queue instead of deadlocking). Whoever comes second sees the first one's decision.
   */
  async lockForDecision(ids: string[], context: Ctx): Promise<LockedReview[]> {
    const result = await this.knex(context).raw(
      `SELECT id, status, commission_id, affiliate_id, order_id FROM affiliate_commission_review
       WHERE id = ANY (?) AND deleted_at IS NULL
       ORDER BY id
       FOR UPDATE`,
      [ids]
    )
    return result.rows
  }

  async decide(
    decisions: { id: string; status: Exclude<CommissionReviewStatus, "required">; reversal_id: string | null }[],
    by: { reason: string | null; decided_by: string | null; decided_at: Date },
    context: Ctx
  ): Promise<void> {
    if (!decisions.length) {
      return
    }
    await this.knex(context).raw(
      `UPDATE affiliate_commission_review AS r
       SET status = d.status, reversal_id = d.reversal_id, reason = ?, decided_by = ?, decided_at = ?, updated_at = ?
       FROM jsonb_to_recordset(?::jsonb) AS d(id text, status text, reversal_id text)
       WHERE r.id = d.id AND r.status = 'required'`,
      [by.reason, by.decided_by, by.decided_at, by.decided_at, JSON.stringify(decisions)]
    )
  }
}
