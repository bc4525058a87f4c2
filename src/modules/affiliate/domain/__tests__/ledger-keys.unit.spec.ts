import { holdEndsAt } from "../hold"
import { ledgerKeys } from "../ledger-keys"

describe("ledgerKeys: one key per cause of an entry", () => {
  it("a sale per order, a correction per order and money state, an adjustment per request", () => {
    expect(ledgerKeys.sale("order_1")).toBe("sale:order_1")
    expect(ledgerKeys.correction("reversal", "order_1", "f1")).toBe("reversal:order_1:f1")
    expect(ledgerKeys.correction("clawback", "order_1", "f1")).toBe("clawback:order_1:f1")
    expect(ledgerKeys.adjustment("req-7")).toBe("adjustment:req-7")
  })

  it("different causes never share a key", () => {
    const keys = [
      ledgerKeys.sale("order_1"),
      ledgerKeys.sale("order_2"),
      ledgerKeys.correction("reversal", "order_1", "f1"),
      ledgerKeys.correction("reversal", "order_1", "f2"),
      ledgerKeys.correction("clawback", "order_1", "f1"),
      ledgerKeys.adjustment("order_1"),
    ]
    expect(new Set(keys).size).toBe(keys.length)
  })
})

describe("holdEndsAt", () => {
  it("is the placement plus the hold, in whole days; 0 days is at once", () => {
    const placed = new Date("2026-03-28T12:00:00.000Z")
    expect(holdEndsAt(placed, 30).toISOString()).toBe("2026-04-27T12:00:00.000Z")
    expect(holdEndsAt(placed, 0).getTime()).toBe(placed.getTime())
  })
})
