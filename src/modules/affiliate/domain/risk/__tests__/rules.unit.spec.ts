import { DEFAULT_RISK_RULES, reviewDecision, riskHold, riskRulesOf } from "../rules"
import { RiskSignal } from "../signal"

const fired = (type: RiskSignal["type"], triggered = true): RiskSignal => ({ type, triggered, evidence: {} })

describe("riskRulesOf: a program stores only what it changed", () => {
  it("fills what is not stored from the defaults, nested objects too", () => {
    const rules = riskRulesOf({ velocity: { factor: 4 } as any, review_on: ["email_alias"] })
    expect(rules.velocity).toEqual({ factor: 4, min_orders: DEFAULT_RISK_RULES.velocity.min_orders })
    expect(rules.review_on).toEqual(["email_alias"])
    expect(rules.holds).toEqual(DEFAULT_RISK_RULES.holds)
  })

  it("a program without rules has the defaults: nothing held for review", () => {
    expect(riskRulesOf(null)).toEqual(DEFAULT_RISK_RULES)
    expect(reviewDecision([fired("email_alias"), fired("visitor_match")], riskRulesOf(null)).review).toBe(false)
  })
})

describe("reviewDecision", () => {
  const rules = riskRulesOf({ review_on: ["visitor_match", "contact_match"] })

  it("holds for review when a configured signal fired, naming it", () => {
    expect(reviewDecision([fired("visitor_match"), fired("email_alias")], rules)).toEqual({ review: true, because: ["visitor_match"] })
  })

  it("does not hold for a configured signal that did not fire, nor for a fired one not configured", () => {
    expect(reviewDecision([fired("visitor_match", false), fired("email_alias")], rules)).toEqual({ review: false, because: [] })
  })

  it("code binding `review` holds a code used without the affiliate's click, once", () => {
    const binding = riskRulesOf({ code_binding: "review", review_on: ["code_without_click"] })
    expect(reviewDecision([fired("code_without_click")], binding)).toEqual({ review: true, because: ["code_without_click"] })
    expect(reviewDecision([fired("code_without_click")], riskRulesOf({ code_binding: "review" })).review).toBe(true)
    expect(reviewDecision([fired("code_without_click")], riskRulesOf({ code_binding: "no_credit" })).review).toBe(false)
  })
})

describe("riskHold: the longest hold that applies, and why", () => {
  const placed = new Date("2026-12-01T00:00:00Z")
  const veteran = { created_at: new Date("2025-01-01T00:00:00Z"), prior_credited_orders: 500, refund_rate_percent: "2" }
  const order = { currency_code: "usd", total: "100" }
  const hold = (affiliate = veteran, o = order, rules = riskRulesOf(null)) =>
    riskHold({ program_hold_days: 30, placed_at: placed, affiliate, order: o }, rules)

  it("without risk rules the program's hold stands", () => {
    expect(hold()).toEqual({ hold_days: 30, reasons: [{ rule: "program", hold_days: 30 }] })
  })

  it("a new affiliate's first orders are held longer, by order count or by days since joining", () => {
    const rules = riskRulesOf({ holds: { new_affiliate: { first_orders: 5, first_days: 14, hold_days: 60 }, refund_rate: null, order_over: [] } })
    expect(hold({ ...veteran, prior_credited_orders: 4 }, order, rules).hold_days).toBe(60)
    expect(hold({ ...veteran, created_at: new Date("2026-11-20T00:00:00Z") }, order, rules).hold_days).toBe(60)
    expect(hold(veteran, order, rules).hold_days).toBe(30)
    // The fifth order (4 before it) is held, the sixth is not.
    expect(hold({ ...veteran, prior_credited_orders: 5 }, order, rules).hold_days).toBe(30)
  })

  it("an affiliate over the refund-rate threshold is held longer; at the threshold not", () => {
    const rules = riskRulesOf({ holds: { new_affiliate: null, refund_rate: { over_percent: 20, hold_days: 45 }, order_over: [] } })
    expect(hold({ ...veteran, refund_rate_percent: "20.01" }, order, rules).hold_days).toBe(45)
    expect(hold({ ...veteran, refund_rate_percent: "20" }, order, rules).hold_days).toBe(30)
    expect(hold({ ...veteran, refund_rate_percent: null }, order, rules).hold_days).toBe(30)
  })

  it("an order over the amount in its currency is held longer; another currency is not compared", () => {
    const rules = riskRulesOf({
      holds: { new_affiliate: null, refund_rate: null, order_over: [{ currency_code: "USD", amount: "1000", hold_days: 90 }] },
    })
    expect(hold(veteran, { currency_code: "usd", total: "1000.01" }, rules).hold_days).toBe(90)
    expect(hold(veteran, { currency_code: "usd", total: "1000" }, rules).hold_days).toBe(30)
    expect(hold(veteran, { currency_code: "eur", total: "5000" }, rules).hold_days).toBe(30)
  })

  it("every rule that applied is named; the longest wins, and never less than the program's hold", () => {
    const rules = riskRulesOf({
      holds: {
        new_affiliate: { first_orders: 10, first_days: null, hold_days: 20 },
        refund_rate: null,
        order_over: [{ currency_code: "usd", amount: "50", hold_days: 40 }],
      },
    })
    expect(hold({ ...veteran, prior_credited_orders: 0 }, order, rules)).toEqual({
      hold_days: 40,
      reasons: [
        { rule: "program", hold_days: 30 },
        { rule: "new_affiliate", hold_days: 20 },
        { rule: "order_over", hold_days: 40 },
      ],
    })
  })
})
