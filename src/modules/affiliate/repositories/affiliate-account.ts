import { Context } from "@medusajs/framework/types"
import { generateEntityId } from "@medusajs/framework/utils"
import { EntityManager } from "@medusajs/framework/mikro-orm/knex"
import { AffiliateOptions } from "../options"
import { AffiliateStatus } from "../../../types/enums"
import { SqlRepository } from "../database/sql-repository"
import { rawBigNumber } from "../database/values"

type Ctx = Context<EntityManager>

/** Programs' and affiliates' SQL the generated repositories cannot express. */
export class AffiliateAccountRepository extends SqlRepository {
  /**
   * Inserts the default program unless one exists. Safe from several processes at once: the
   * single-default index turns losers into no-ops.
   */
  async insertDefaultProgram(p: AffiliateOptions["defaultProgram"], context: Ctx): Promise<void> {
    const commissionValue = String(p.commissionValue)
    const minPayout = String(p.minPayoutAmount)
    await this.knex(context).raw(
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
  }

  /** The affiliates' statuses, their rows locked until the transaction ends. */
  async lockStatuses(ids: string[], context: Ctx): Promise<Map<string, AffiliateStatus>> {
    const rows: { id: string; status: AffiliateStatus }[] = await this.knex(context)("affiliate")
      .select("id", "status")
      .whereIn("id", ids)
      .whereNull("deleted_at")
      .forUpdate()
    return new Map(rows.map((r) => [r.id, r.status]))
  }
}
