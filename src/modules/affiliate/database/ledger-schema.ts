import { LEDGER_ENTRY_MOVES } from "../domain/status-transitions"
import { LEDGER_RULE_SQLSTATE } from "./database-errors"

/** The columns an entry is inserted with: the insert code and the trigger below read this list. */
export const LEDGER_INSERT_COLUMNS = [
  "id",
  "affiliate_id",
  "type",
  "amount",
  "raw_amount",
  "currency_code",
  "rate",
  "raw_rate",
  "base_amount",
  "raw_base_amount",
  "order_id",
  "lines",
  "hold",
  "status",
  "available_at",
  "idempotency_key",
  "reference",
  "reference_id",
  "note",
  "created_by",
  "metadata",
] as const

/** Inserted columns that may change later: the status (along the machine) and free metadata. */
const CHANGEABLE_AFTER_INSERT = new Set<string>(["status", "metadata"])

/** What never changes once an entry exists: its money, its cause and its identity. */
export const LEDGER_FROZEN_COLUMNS = [
  ...LEDGER_INSERT_COLUMNS.filter((c) => !CHANGEABLE_AFTER_INSERT.has(c)),
  "created_at",
  "deleted_at",
]

const row = (alias: "NEW" | "OLD") => `(${LEDGER_FROZEN_COLUMNS.map((c) => `${alias}.${c}`).join(", ")})`

/**
 * The append-only trigger's function, built from the frozen columns and the status machine
 * (LEDGER_ENTRY_MOVES), so the database enforces the same rules as the service. It raises
 * SQLSTATE AF001, which the module maps to a 400. When the machine or the columns change, a
 * new migration runs this again.
 */
export function ledgerAppendOnlyFunctionSql(): string {
  const moves = Object.values(LEDGER_ENTRY_MOVES)
    .map((m) => `(OLD.status = '${m.from}' AND NEW.status = '${m.to}')`)
    .join(" OR\n             ")
  return `
      CREATE OR REPLACE FUNCTION affiliate_commission_append_only() RETURNS trigger AS $$
      BEGIN
        IF TG_OP = 'DELETE' THEN
          RAISE EXCEPTION 'Commission entries are append-only: entry % cannot be deleted', OLD.id
            USING ERRCODE = '${LEDGER_RULE_SQLSTATE}';
        END IF;
        IF ${row("NEW")}
           IS DISTINCT FROM
           ${row("OLD")} THEN
          RAISE EXCEPTION 'Commission entries are append-only: entry % may change only its status', OLD.id
            USING ERRCODE = '${LEDGER_RULE_SQLSTATE}';
        END IF;
        IF NEW.status IS DISTINCT FROM OLD.status AND NOT (
             ${moves}) THEN
          RAISE EXCEPTION 'status: commission entry % cannot move from % to %', OLD.id, OLD.status, NEW.status
            USING ERRCODE = '${LEDGER_RULE_SQLSTATE}';
        END IF;
        RETURN NEW;
      END;
      $$ LANGUAGE plpgsql;
    `
}
