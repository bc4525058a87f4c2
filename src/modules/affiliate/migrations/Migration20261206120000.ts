import { Migration } from "@medusajs/framework/mikro-orm/migrations"
import { ledgerAppendOnlyFunctionSql } from "../database/ledger-schema"

/**
 * The append-only trigger's function, now generated from the ledger's frozen columns and its
 * status machine (repositories/ledger-schema.ts), raising SQLSTATE AF001 so that a refusal
 * reaches an HTTP client as a 400 with its message instead of a 500.
 */
export class Migration20261206120000 extends Migration {
  override async up(): Promise<void> {
    this.addSql(ledgerAppendOnlyFunctionSql())
  }

  override async down(): Promise<void> {
    // The previous function: the same rules, raised with the default SQLSTATE.
    this.addSql(ledgerAppendOnlyFunctionSql().replace(/\s*USING ERRCODE = '[A-Z0-9]+'/g, ""))
  }
}
