import { Migration } from "@medusajs/framework/mikro-orm/migrations"

/**
 * An affiliate's link discount: the one of their promotions their referral applies to a
 * cart by itself. The snapshot also catches up with the review table and the outcome check
 * (written by hand in Migration20261208090000 and Migration20261208100000).
 */
export class Migration20261209090000 extends Migration {
  override async up(): Promise<void> {
    this.addSql(`ALTER TABLE IF EXISTS "affiliate" ADD COLUMN IF NOT EXISTS "link_promotion_id" text NULL`)
  }

  override async down(): Promise<void> {
    this.addSql(`ALTER TABLE IF EXISTS "affiliate" DROP COLUMN IF EXISTS "link_promotion_id"`)
  }
}
