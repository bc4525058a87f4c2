import { BigNumber } from "@medusajs/framework/utils"
import { LEDGER_ENTRY_STATUSES } from "../../../../types/enums"
import { BalanceRow, toBalances } from "../balances"

describe("a balance is the sum of entries per currency and status", () => {
  it("rows of several currencies and statuses become one balance per currency", () => {
    const rows: BalanceRow[] = [
      { currency_code: "eur", status: "pending", total: "30" },
      { currency_code: "eur", status: "available", total: "12.5" },
      { currency_code: "eur", status: "requested", total: 7 },
      { currency_code: "eur", status: "paid", total: "100" },
      { currency_code: "usd", status: "available", total: "5" },
      { currency_code: "usd", status: "paid", total: "40" },
    ]
    expect(toBalances(rows)).toEqual([
      { currency_code: "eur", pending: 30, available: 12.5, requested: 7, paid: 100 },
      { currency_code: "usd", pending: 0, available: 5, requested: 0, paid: 40 },
    ])
  })

  it("several rows for the same currency and status are added up", () => {
    const rows: BalanceRow[] = [
      { currency_code: "eur", status: "available", total: "10" },
      { currency_code: "eur", status: "available", total: "-3" },
      { currency_code: "eur", status: "available", total: 2 },
    ]
    expect(toBalances(rows)[0].available).toBe(9)
  })

  it("currencies are never mixed", () => {
    const rows: BalanceRow[] = [
      { currency_code: "eur", status: "pending", total: "1" },
      { currency_code: "usd", status: "pending", total: "2" },
      { currency_code: "gbp", status: "pending", total: "4" },
    ]
    const pendingByCurrency = Object.fromEntries(toBalances(rows).map((b) => [b.currency_code, b.pending]))
    expect(pendingByCurrency).toEqual({ eur: 1, gbp: 4, usd: 2 })
  })

  it("statuses are never mixed", () => {
    const rows: BalanceRow[] = LEDGER_ENTRY_STATUSES.map((status, i) => ({
      currency_code: "eur",
      status,
      total: String(10 ** i),
    }))
    expect(toBalances(rows)).toEqual([{ currency_code: "eur", pending: 1, available: 10, requested: 100, paid: 1000 }])
  })
})

describe("balance sums are exact for decimals", () => {
  it("0.1 + 0.2 = 0.3 (not 0.30000000000000004)", () => {
    const rows: BalanceRow[] = [
      { currency_code: "eur", status: "available", total: 0.1 },
      { currency_code: "eur", status: "available", total: 0.2 },
    ]
    expect(toBalances(rows)[0].available).toBe(0.3)
  })

  it("many cents add up exactly", () => {
    const rows: BalanceRow[] = Array.from({ length: 10 }, () => ({
      currency_code: "usd",
      status: "pending" as const,
      total: "0.1",
    }))
    expect(toBalances(rows)[0].pending).toBe(1)
  })

  it("a negative available balance (a clawback larger than what is available) is kept with its sign", () => {
    const rows: BalanceRow[] = [
      { currency_code: "eur", status: "available", total: "0.3" },
      { currency_code: "eur", status: "available", total: "-0.7" },
    ]
    expect(toBalances(rows)[0].available).toBe(-0.4)
  })

  it("totals may be strings, numbers or Medusa BigNumbers", () => {
    const rows: BalanceRow[] = [
      { currency_code: "eur", status: "paid", total: "1.1" },
      { currency_code: "eur", status: "paid", total: 2.2 },
      { currency_code: "eur", status: "paid", total: new BigNumber("3.3") },
    ]
    expect(toBalances(rows)[0].paid).toBe(6.6)
  })
})

describe("balances are sorted by currency", () => {
  it("whatever the order of the rows", () => {
    const rows: BalanceRow[] = [
      { currency_code: "usd", status: "pending", total: "1" },
      { currency_code: "eur", status: "pending", total: "1" },
      { currency_code: "gbp", status: "pending", total: "1" },
      { currency_code: "chf", status: "pending", total: "1" },
    ]
    expect(toBalances(rows).map((b) => b.currency_code)).toEqual(["chf", "eur", "gbp", "usd"])
  })
})

describe("a status with no entries has a balance of 0", () => {
  it.each(LEDGER_ENTRY_STATUSES)("only %s entries: every other status is 0", (status) => {
    const [balance] = toBalances([{ currency_code: "eur", status, total: "5" }])
    for (const other of LEDGER_ENTRY_STATUSES) {
      expect(balance[other]).toBe(other === status ? 5 : 0)
    }
  })

  it("every status key is present, as a number", () => {
    const [balance] = toBalances([{ currency_code: "eur", status: "paid", total: "5" }])
    expect(Object.keys(balance).sort()).toEqual(["currency_code", ...LEDGER_ENTRY_STATUSES].sort())
    for (const status of LEDGER_ENTRY_STATUSES) {
      expect(typeof balance[status]).toBe("number")
    }
  })

  it("no rows means no balances", () => {
    expect(toBalances([])).toEqual([])
  })
})
