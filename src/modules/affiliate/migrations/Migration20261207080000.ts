import { Migration } from "@medusajs/framework/mikro-orm/migrations"

/**
 * The daily activity rollup behind reports (repositories/report.ts): clicks and credited
 * orders, and revenue and commission per currency, per affiliate and UTC day. Derived from
 * affiliate_click, affiliate_order_attribution and affiliate_commission, rebuildable from
 * them at any time; never a source of truth. No model: only the report repository reads or
 * writes it.
 */
export class Migration20261207080000 extends Migration {
  override async up(): Promise<void> {
    this.addSql(`
      CREATE TABLE IF NOT EXISTS "affiliate_daily_activity" (
        "affiliate_id" text NOT NULL,
        "day" timestamptz NOT NULL,
        "clicks" bigint NOT NULL DEFAULT 0,
        "orders" bigint NOT NULL DEFAULT 0,
        CONSTRAINT "affiliate_daily_activity_pkey" PRIMARY KEY ("affiliate_id", "day")
      )`)
    this.addSql(`CREATE INDEX IF NOT EXISTS "IDX_affiliate_daily_activity_day" ON "affiliate_daily_activity" ("day") INCLUDE ("clicks", "orders")`)
    this.addSql(`
      CREATE TABLE IF NOT EXISTS "affiliate_daily_commission" (
        "affiliate_id" text NOT NULL,
        "day" timestamptz NOT NULL,
        "currency_code" text NOT NULL,
        "sales" bigint NOT NULL DEFAULT 0,
        "revenue" numeric NOT NULL DEFAULT 0,
        "commission" numeric NOT NULL DEFAULT 0,
        CONSTRAINT "affiliate_daily_commission_pkey" PRIMARY KEY ("affiliate_id", "day", "currency_code")
      )`)
    this.addSql(`CREATE INDEX IF NOT EXISTS "IDX_affiliate_daily_commission_day" ON "affiliate_daily_commission" ("day")`)
  }

  override async down(): Promise<void> {
    this.addSql(`DROP TABLE IF EXISTS "affiliate_daily_commission"`)
    this.addSql(`DROP TABLE IF EXISTS "affiliate_daily_activity"`)
    this.addSql(`DELETE FROM "affiliate_job_cursor" WHERE "id" = 'activity-rollup'`)
  }
}
