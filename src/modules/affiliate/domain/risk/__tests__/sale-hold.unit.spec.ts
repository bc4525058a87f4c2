import { riskRulesOf } from "../rules"
import { rulesNeedTrackRecord, saleHold } from "../sale-hold"

const placed = new Date("2026-12-01T00:00:00Z")
const joined = new Date("2025-01-01T00:00:00Z")
const order = { currency_code: "usd", total: "120" }
const track = (credited_orders: number, credited_orders_90_days = 0, refunded_orders_90_days = 0) => ({
  credited_orders,
  credited_orders_90_days,
  refunded_orders_90_days,
  credited_orders_30_days: credited_orders_90_days,
  credited_orders_last_hour: 0,
})

describe("saleHold: a credited sale's hold from the affiliate's record", () => {
  it("without risk holds it is the program's hold, and no record is needed", () => {
    const rules = riskRulesOf(null)
    expect(rulesNeedTrackRecord(rules)).toBe(false)
    expect(rulesNeedTrackRecord(riskRulesOf({ review_on: ["velocity"] }))).toBe(true)
    expect(rulesNeedTrackRecord(riskRulesOf({ review_on: ["email_alias", "contact_match"] }))).toBe(false)
    expect(saleHold({ program_hold_days: 30, placed_at: placed, affiliate_created_at: joined, track: null, order }, rules)).toEqual({
      hold_days: 30,
      reasons: [{ rule: "program", hold_days: 30 }],
    })
  })

  it("an affiliate's first N credited orders get the longer hold; the N+1th does not", () => {
    const rules = riskRulesOf({ holds: { new_affiliate: { first_orders: 3, hold_days: 60 } } })
    expect(rulesNeedTrackRecord(rules)).toBe(true)
    const hold = (prior: number) => saleHold({ program_hold_days: 30, placed_at: placed, affiliate_created_at: joined, track: track(prior), order }, rules)
    expect(hold(0).hold_days).toBe(60)
    expect(hold(2)).toEqual({ hold_days: 60, reasons: [{ rule: "program", hold_days: 30 }, { rule: "new_affiliate", hold_days: 60 }] })
    expect(hold(3)).toEqual({ hold_days: 30, reasons: [{ rule: "program", hold_days: 30 }] })
  })

  it("the refund rate counts from the signal's min_orders on", () => {
    const rules = riskRulesOf({ refund_rate: { min_orders: 4 }, holds: { refund_rate: { over_percent: 25, hold_days: 90 } } })
    const hold = (credited: number, refunded: number) =>
      saleHold({ program_hold_days: 14, placed_at: placed, affiliate_created_at: joined, track: track(50, credited, refunded), order }, rules)
    // 2 of 3 refunded is 67 %, but 3 orders are too few to judge by.
    expect(hold(3, 2).hold_days).toBe(14)
    // 2 of 4 is 50 % > 25 %.
    expect(hold(4, 2)).toEqual({ hold_days: 90, reasons: [{ rule: "program", hold_days: 14 }, { rule: "refund_rate", hold_days: 90 }] })
    // 1 of 4 is exactly 25 %: not over.
    expect(hold(4, 1).hold_days).toBe(14)
  })

  it("an order over the amount in its currency needs no record", () => {
    const rules = riskRulesOf({ holds: { order_over: [{ currency_code: "usd", amount: "100", hold_days: 45 }] } })
    expect(rulesNeedTrackRecord(rules)).toBe(false)
    expect(saleHold({ program_hold_days: 30, placed_at: placed, affiliate_created_at: joined, track: null, order }, rules).hold_days).toBe(45)
    expect(
      saleHold({ program_hold_days: 30, placed_at: placed, affiliate_created_at: joined, track: null, order: { currency_code: "eur", total: "500" } }, rules)
        .hold_days
    ).toBe(30)
  })
})
