import { Migration } from "@medusajs/framework/mikro-orm/migrations"

const OUTCOMES_BEFORE = ["credited", "no_referral", "self_referral", "affiliate_inactive", "referral_expired", "not_first_order"]

const outcomeCheck = (outcomes: string[]) =>
  `ALTER TABLE IF EXISTS "affiliate_order_attribution" ADD CONSTRAINT "affiliate_order_attribution_outcome_check" CHECK ("outcome" IN (${outcomes.map((o) => `'${o}'`).join(", ")}))`

/**
 * Coupon-leak binding: a receipt may say `code_without_click` (an affiliate's code used
 * without their traffic, under the program's code_binding `no_credit`). The outcome's check
 * is Postgres' own for the column (`<table>_<column>_check`), replaced.
 */
export class Migration20261208100000 extends Migration {
  override async up(): Promise<void> {
    this.addSql(`ALTER TABLE IF EXISTS "affiliate_order_attribution" DROP CONSTRAINT IF EXISTS "affiliate_order_attribution_outcome_check"`)
    this.addSql(outcomeCheck([...OUTCOMES_BEFORE, "code_without_click"]))
  }

  override async down(): Promise<void> {
    this.addSql(`ALTER TABLE IF EXISTS "affiliate_order_attribution" DROP CONSTRAINT IF EXISTS "affiliate_order_attribution_outcome_check"`)
    this.addSql(outcomeCheck(OUTCOMES_BEFORE))
  }
}
