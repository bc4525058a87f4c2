import { Migration } from "@medusajs/framework/mikro-orm/migrations"

/**
 * The visitor risk signals. Sightings: where an affiliate's own device (its visitor hash)
 * was seen, when their portal loaded the profile; one row per device, its last time. No
 * model: only the tracking repository reads or writes it. The receipt keeps the buyer's
 * visitor hash, indexed for the visitor_orders count.
 */
export class Migration20261207170000 extends Migration {
  override async up(): Promise<void> {
    this.addSql(`
      create table if not exists "affiliate_visitor_sighting" (
        "affiliate_id" text NOT NULL,
        "visitor_hash" text NOT NULL,
        "first_seen_at" timestamptz NOT NULL DEFAULT now(),
        "last_seen_at" timestamptz NOT NULL DEFAULT now(),
        CONSTRAINT "affiliate_visitor_sighting_pkey" PRIMARY KEY ("affiliate_id", "visitor_hash")
      )`)
    this.addSql(`ALTER TABLE IF EXISTS "affiliate_order_attribution" ADD COLUMN IF NOT EXISTS "visitor_hash" text NULL`)
    this.addSql(
      `CREATE INDEX IF NOT EXISTS "IDX_affiliate_order_attribution_visitor" ON "affiliate_order_attribution" ("affiliate_id", "visitor_hash", "created_at") WHERE "visitor_hash" IS NOT NULL AND "deleted_at" IS NULL`
    )
  }

  override async down(): Promise<void> {
    this.addSql(`DROP INDEX IF EXISTS "IDX_affiliate_order_attribution_visitor"`)
    this.addSql(`ALTER TABLE IF EXISTS "affiliate_order_attribution" DROP COLUMN IF EXISTS "visitor_hash"`)
    this.addSql(`DROP TABLE IF EXISTS "affiliate_visitor_sighting"`)
  }
}
