import { Migration } from "@medusajs/framework/mikro-orm/migrations"

/** A program's fraud rules: only what it changed from the defaults (domain/risk/rules.ts). */
export class Migration20261207150000 extends Migration {
  override async up(): Promise<void> {
    this.addSql(`ALTER TABLE IF EXISTS "affiliate_program" ADD COLUMN IF NOT EXISTS "risk_rules" jsonb NULL`)
  }

  override async down(): Promise<void> {
    this.addSql(`ALTER TABLE IF EXISTS "affiliate_program" DROP COLUMN IF EXISTS "risk_rules"`)
  }
}
