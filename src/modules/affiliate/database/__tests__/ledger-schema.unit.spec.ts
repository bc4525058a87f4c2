import { LEDGER_ENTRY_MOVES } from "../../domain/status-transitions"
import { LEDGER_FROZEN_COLUMNS, LEDGER_INSERT_COLUMNS, ledgerAppendOnlyFunctionSql } from "../ledger-schema"

describe("the ledger's append-only trigger is generated from the status machine", () => {
  const sql = ledgerAppendOnlyFunctionSql()

  it("allows exactly the moves of LEDGER_ENTRY_MOVES", () => {
    const allowed = [...sql.matchAll(/OLD\.status = '(\w+)' AND NEW\.status = '(\w+)'/g)].map((m) => `${m[1]}->${m[2]}`)
    expect(allowed.sort()).toEqual(Object.values(LEDGER_ENTRY_MOVES).map((m) => `${m.from}->${m.to}`).sort())
  })

  it("freezes the money, the cause and the identity, but not the status", () => {
    for (const column of ["amount", "raw_amount", "currency_code", "affiliate_id", "idempotency_key", "deleted_at"]) {
      expect(LEDGER_FROZEN_COLUMNS).toContain(column)
      expect(sql).toContain(`OLD.${column}`)
    }
    expect(LEDGER_FROZEN_COLUMNS).not.toContain("status")
    expect(LEDGER_INSERT_COLUMNS).toContain("status")
  })

  it("raises the module's SQLSTATE, so the refusal maps to a 4xx", () => {
    expect(sql.match(/USING ERRCODE = 'AF001'/g)).toHaveLength(3)
  })
})
