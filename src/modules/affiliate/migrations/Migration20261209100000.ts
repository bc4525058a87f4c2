import { Migration } from "@medusajs/framework/mikro-orm/migrations"

/**
 * Customer referrals and program link discounts: a program's kind (`customer`: the store's
 * refer-a-friend program, at most one), how its payouts are paid (`store_credit`, through the
 * loyalty plugin) and the promotion its referrals apply to a visitor's cart.
 */
export class Migration20261209100000 extends Migration {
  override async up(): Promise<void> {
    this.addSql(
      `ALTER TABLE IF EXISTS "affiliate_program" ADD COLUMN IF NOT EXISTS "kind" text CHECK ("kind" IN ('affiliate', 'customer')) NOT NULL DEFAULT 'affiliate', ADD COLUMN IF NOT EXISTS "payout_method" text CHECK ("payout_method" IN ('manual', 'store_credit')) NOT NULL DEFAULT 'manual', ADD COLUMN IF NOT EXISTS "link_promotion_id" text NULL`
    )
    this.addSql(
      `CREATE UNIQUE INDEX IF NOT EXISTS "IDX_affiliate_program_single_customer_kind" ON "affiliate_program" ("kind") WHERE kind = 'customer' AND deleted_at IS NULL`
    )
  }

  override async down(): Promise<void> {
    this.addSql(`DROP INDEX IF EXISTS "IDX_affiliate_program_single_customer_kind"`)
    this.addSql(
      `ALTER TABLE IF EXISTS "affiliate_program" DROP COLUMN IF EXISTS "kind", DROP COLUMN IF EXISTS "payout_method", DROP COLUMN IF EXISTS "link_promotion_id"`
    )
  }
}
