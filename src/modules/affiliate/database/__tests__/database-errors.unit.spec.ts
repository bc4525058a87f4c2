import { MedusaError } from "@medusajs/framework/utils"
import { LEDGER_RULE_SQLSTATE, TRANSACTION_ATTEMPTS, toMedusaError, withDatabaseErrors } from "../database-errors"

/** An error shaped as node-postgres raises it. */
const pgError = (code: string, extra: Record<string, string> = {}) =>
  Object.assign(new Error(extra.message ?? `pg ${code}`), { code, ...extra })

const mapped = (error: unknown) => toMedusaError(error) as MedusaError

describe("toMedusaError maps PostgreSQL's errors to Medusa's error types", () => {
  it("a unique violation is invalid data naming the key", () => {
    const error = mapped(
      pgError("23505", { table: "affiliate_click", detail: "Key (affiliate_id, session_id)=(aff_1, s1) already exists." })
    )
    expect(error.type).toBe(MedusaError.Types.INVALID_DATA)
    expect(error.message).toBe("Affiliate click with affiliate_id: aff_1, session_id: s1, already exists.")
  })

  it("a foreign key violation is not found", () => {
    const error = mapped(
      pgError("23503", { table: "affiliate", detail: 'Key (program_id)=(prog_x) is not present in table "affiliate_program".' })
    )
    expect(error.type).toBe(MedusaError.Types.NOT_FOUND)
    expect(error.message).toMatch(/program_id: prog_x/)
  })

  it("a not-null violation names the column", () => {
    const error = mapped(pgError("23502", { table: "affiliate", column: "code" }))
    expect(error.type).toBe(MedusaError.Types.INVALID_DATA)
    expect(error.message).toMatch(/'code'/)
  })

  it("a CHECK violation names the field it guards, whatever the case of the constraint name", () => {
    const error = mapped(pgError("23514", { table: "affiliate_payout", constraint: "CHK_affiliate_payout_amount" }))
    expect(error.type).toBe(MedusaError.Types.INVALID_DATA)
    expect(error.message).toMatch(/^amount:/)
    const unknown = mapped(pgError("23514", { table: "affiliate_click", constraint: "chk_added_later" }))
    expect(unknown.type).toBe(MedusaError.Types.INVALID_DATA)
    expect(unknown.message).toMatch(/chk_added_later/)
  })

  it("the ledger trigger's refusal is not allowed, with the trigger's message", () => {
    const error = mapped(pgError(LEDGER_RULE_SQLSTATE, { message: "Commission entries are append-only: entry x" }))
    expect(error.type).toBe(MedusaError.Types.NOT_ALLOWED)
    expect(error.message).toBe("Commission entries are append-only: entry x")
  })

  it.each(["40001", "40P01", "55P03", "57014"])("%s is a conflict to try again", (code) => {
    const error = mapped(pgError(code))
    expect(error.type).toBe(MedusaError.Types.CONFLICT)
    expect(error.message).toMatch(/try again/)
  })

  it("anything else, and MedusaErrors, pass through unchanged", () => {
    const other = pgError("XX000")
    expect(toMedusaError(other)).toBe(other)
    const medusa = new MedusaError(MedusaError.Types.NOT_FOUND, "x")
    expect(toMedusaError(medusa)).toBe(medusa)
    expect(toMedusaError("text")).toBe("text")
  })
})

describe("withDatabaseErrors runs a transaction again after a serialization failure or deadlock", () => {
  it("retries up to the limit, then gives a conflict", async () => {
    let calls = 0
    const error = await withDatabaseErrors(async () => {
      calls++
      throw pgError("40001")
    }, true).catch((e) => e)
    expect(calls).toBe(TRANSACTION_ATTEMPTS)
    expect(error.type).toBe(MedusaError.Types.CONFLICT)
  })

  it("succeeds when a later attempt does", async () => {
    let calls = 0
    const result = await withDatabaseErrors(async () => {
      if (++calls === 1) {
        throw pgError("40P01")
      }
      return "done"
    }, true)
    expect({ result, calls }).toEqual({ result: "done", calls: 2 })
  })

  it("runs once when retrying is not allowed (an inner transaction) or the error is not retryable", async () => {
    let calls = 0
    await withDatabaseErrors(async () => {
      calls++
      throw pgError("40001")
    }, false).catch(() => null)
    await withDatabaseErrors(async () => {
      calls++
      throw pgError("23505", { table: "affiliate" })
    }, true).catch(() => null)
    expect(calls).toBe(2)
  })
})

describe("a serialization failure mapped inside a transaction is still retried by it", () => {
  it("retries the mapped conflict, not other conflicts", async () => {
    let calls = 0
    await withDatabaseErrors(async () => {
      calls++
      throw toMedusaError(pgError("40001"))
    }, true).catch(() => null)
    expect(calls).toBe(TRANSACTION_ATTEMPTS)

    calls = 0
    await withDatabaseErrors(async () => {
      calls++
      throw toMedusaError(pgError("55P03"))
    }, true).catch(() => null)
    expect(calls).toBe(1)
  })
})
