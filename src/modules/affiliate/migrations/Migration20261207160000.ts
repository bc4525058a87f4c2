import { Migration } from "@medusajs/framework/mikro-orm/migrations"
import { ledgerAppendOnlyFunctionSql } from "../database/ledger-schema"

/**
 * Risk-based holds: a sale's hold and why (frozen like the rest of the entry, so the
 * append-only trigger's function is rebuilt with it), and the receipt's fraud review.
 */
export class Migration20261207160000 extends Migration {
  override async up(): Promise<void> {
    this.addSql(`ALTER TABLE IF EXISTS "affiliate_commission" ADD COLUMN IF NOT EXISTS "hold" jsonb NULL`)
    this.addSql(`ALTER TABLE IF EXISTS "affiliate_order_attribution" ADD COLUMN IF NOT EXISTS "risk" jsonb NULL`)
    this.addSql(ledgerAppendOnlyFunctionSql())
  }

  override async down(): Promise<void> {
    this.addSql(ledgerAppendOnlyFunctionSql().replace(/,?\s*(NEW|OLD)\.hold\b/g, ""))
    this.addSql(`ALTER TABLE IF EXISTS "affiliate_order_attribution" DROP COLUMN IF EXISTS "risk"`)
    this.addSql(`ALTER TABLE IF EXISTS "affiliate_commission" DROP COLUMN IF EXISTS "hold"`)
  }
}
