import { codeWithoutClickSignal } from "../code-without-click"
import { refundRateSignal } from "../refund-rate"
import { velocitySignal } from "../velocity"
import { visitorMatchSignal } from "../visitor-match"
import { visitorOrdersSignal } from "../visitor-orders"

describe("visitorMatchSignal", () => {
  const sightings = [
    { visitor_hash: "h-portal", source: "portal_session" as const, seen_at: new Date("2026-12-01T10:00:00Z") },
    { visitor_hash: "h-portal", source: "click" as const, seen_at: new Date("2026-12-03T10:00:00Z") },
  ]

  it("fires when the buyer's device is one the affiliate used, with the latest sighting as evidence", () => {
    expect(visitorMatchSignal({ buyer_hashes: [null, "h-portal"], affiliate_sightings: sightings })).toEqual({
      type: "visitor_match",
      triggered: true,
      evidence: { visitor_hash: "h-portal", source: "click", seen_at: "2026-12-03T10:00:00.000Z" },
    })
  })

  it("does not fire for another device or without a buyer hash", () => {
    expect(visitorMatchSignal({ buyer_hashes: ["h-buyer"], affiliate_sightings: sightings }).triggered).toBe(false)
    expect(visitorMatchSignal({ buyer_hashes: [null], affiliate_sightings: sightings }).triggered).toBe(false)
  })
})

describe("codeWithoutClickSignal", () => {
  const base = { source: "code" as const, affiliate_id: "aff_1", code: "ALICE10", cart_click_affiliate_id: null, customer_attributed_to_affiliate: false }

  it("fires when the code credits an affiliate whose traffic the cart does not carry", () => {
    expect(codeWithoutClickSignal(base).triggered).toBe(true)
    // Another affiliate's click is still none of this affiliate's traffic.
    expect(codeWithoutClickSignal({ ...base, cart_click_affiliate_id: "aff_2" }).triggered).toBe(true)
  })

  it("does not fire with the affiliate's own click on the cart, or a customer already theirs", () => {
    expect(codeWithoutClickSignal({ ...base, cart_click_affiliate_id: "aff_1" }).triggered).toBe(false)
    expect(codeWithoutClickSignal({ ...base, customer_attributed_to_affiliate: true }).triggered).toBe(false)
  })

  it("does not fire when the order was credited through a link or an attribution", () => {
    expect(codeWithoutClickSignal({ ...base, source: "link" }).triggered).toBe(false)
    expect(codeWithoutClickSignal({ ...base, source: "attribution" }).triggered).toBe(false)
  })
})

describe("velocitySignal", () => {
  // 720 orders in 30 days: 1 an hour.
  it("fires when the last hour is above factor x the 30-day hourly rate and at least min_orders", () => {
    const signal = velocitySignal({ orders_last_hour: 11, orders_30_days: 720, factor: 10, min_orders: 5 })
    expect(signal.triggered).toBe(true)
    expect(signal.evidence.hourly_rate_30_days).toBe("1")
  })

  it("does not fire at exactly factor x the rate, nor under min_orders", () => {
    expect(velocitySignal({ orders_last_hour: 10, orders_30_days: 720, factor: 10, min_orders: 5 }).triggered).toBe(false)
    // A new affiliate's first 3 orders in one hour: far above a rate of 0, but too few to judge.
    expect(velocitySignal({ orders_last_hour: 3, orders_30_days: 3, factor: 10, min_orders: 5 }).triggered).toBe(false)
  })

  it("keeps the rate exact: 1 order in 30 days is 1/720 an hour", () => {
    expect(velocitySignal({ orders_last_hour: 1, orders_30_days: 1, factor: 10, min_orders: 1 }).evidence.hourly_rate_30_days).toBe("0.001389")
  })
})

describe("visitorOrdersSignal", () => {
  it("fires above max_orders from one visitor, not at it", () => {
    expect(visitorOrdersSignal({ visitor_hash: "h", orders: 4, max_orders: 3, window_days: 30 }).triggered).toBe(true)
    expect(visitorOrdersSignal({ visitor_hash: "h", orders: 3, max_orders: 3, window_days: 30 }).triggered).toBe(false)
  })

  it("does not fire without a visitor hash", () => {
    expect(visitorOrdersSignal({ visitor_hash: null, orders: 40, max_orders: 3, window_days: 30 }).triggered).toBe(false)
  })
})

describe("refundRateSignal", () => {
  it("fires above max_percent once there are min_orders to judge by", () => {
    const signal = refundRateSignal({ credited_orders_90_days: 20, refunded_orders_90_days: 7, max_percent: 30, min_orders: 10 })
    expect(signal.triggered).toBe(true)
    expect(signal.evidence.refund_rate_percent).toBe("35")
  })

  it("does not fire at max_percent, under min_orders, or without orders", () => {
    expect(refundRateSignal({ credited_orders_90_days: 20, refunded_orders_90_days: 6, max_percent: 30, min_orders: 10 }).triggered).toBe(false)
    expect(refundRateSignal({ credited_orders_90_days: 4, refunded_orders_90_days: 4, max_percent: 30, min_orders: 10 }).triggered).toBe(false)
    const none = refundRateSignal({ credited_orders_90_days: 0, refunded_orders_90_days: 0, max_percent: 30, min_orders: 0 })
    expect(none.triggered).toBe(false)
    expect(none.evidence.refund_rate_percent).toBeNull()
  })

  it("rounds the shown percent to 2 places, not the comparison", () => {
    const signal = refundRateSignal({ credited_orders_90_days: 3, refunded_orders_90_days: 1, max_percent: 33.33, min_orders: 1 })
    expect(signal.evidence.refund_rate_percent).toBe("33.33")
    expect(signal.triggered).toBe(true)
  })
})
