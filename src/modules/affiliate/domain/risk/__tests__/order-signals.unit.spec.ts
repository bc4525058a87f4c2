import { orderRiskSignals } from "../order-signals"
import { riskRulesOf } from "../rules"

const address = { address_1: "2 Side Street", city: "New York", postal_code: "10001", country_code: "us", phone: "+1 (212) 555-0100" }
const input = {
  buyer: { email: "alice+deals@example.com", shipping_address: { ...address, address_1: "2 side st." }, phone: null },
  credit: { source: "code" as const, affiliate_id: "aff_1", code: "ALICE10", cart_click_affiliate_id: null, customer_attributed_to_affiliate: false },
  affiliate: { email: "alice@example.com", contacts: { addresses: [address], phones: ["+1 (212) 555-0100"] }, track: null },
}
const fired = (signals: { type: string; triggered: boolean }[]) => signals.filter((s) => s.triggered).map((s) => s.type)

describe("orderRiskSignals: a credited order's signals, each with its evidence", () => {
  it("compares the buyer with the affiliate and says how the credit came; without a record, velocity and refund rate are not evaluated", () => {
    const signals = orderRiskSignals(input, riskRulesOf(null))
    expect(signals.map((s) => s.type)).toEqual(["email_alias", "contact_match", "code_without_click"])
    expect(fired(signals)).toEqual(["email_alias", "contact_match", "code_without_click"])
    expect(signals[1].evidence).toEqual({ matched: ["shipping_address", "phone"] })
  })

  it("a stranger with the affiliate's click on the cart fires nothing", () => {
    const stranger = {
      ...input,
      buyer: { email: "olivia@example.org", shipping_address: { ...address, address_1: "9 Far Road", phone: null }, phone: null },
      credit: { ...input.credit, cart_click_affiliate_id: "aff_1" },
    }
    expect(fired(orderRiskSignals(stranger, riskRulesOf(null)))).toEqual([])
  })

  it("with the affiliate's record, velocity and refund rate join with the program's thresholds", () => {
    const track = { credited_orders: 40, credited_orders_90_days: 40, refunded_orders_90_days: 20, credited_orders_30_days: 30, credited_orders_last_hour: 6 }
    const signals = orderRiskSignals({ ...input, affiliate: { ...input.affiliate, track } }, riskRulesOf({ refund_rate: { max_percent: 40 } }))
    expect(signals.map((s) => s.type)).toEqual(["email_alias", "contact_match", "code_without_click", "velocity", "refund_rate"])
    // 6 in the last hour against 30 / 720 per hour, factor 10; 20 of 40 refunded is 50 % > 40 %.
    expect(fired(signals)).toContain("velocity")
    expect(fired(signals)).toContain("refund_rate")
  })

  it("with the buyer's device: seen on the affiliate's portal, and the orders from it, this one included", () => {
    const visitor = { hashes: ["h-buyer"], orders_hash: "h-buyer", sightings: [{ visitor_hash: "h-buyer", last_seen_at: "2026-12-06T10:00:00.000Z" }], visitor_orders: 3 }
    const signals = orderRiskSignals({ ...input, affiliate: { ...input.affiliate, visitor } }, riskRulesOf({ visitor_orders: { max_orders: 3 } }))
    expect(signals.map((s) => s.type)).toEqual(["email_alias", "contact_match", "code_without_click", "visitor_match", "visitor_orders"])
    expect(signals[3]).toEqual({
      type: "visitor_match",
      triggered: true,
      evidence: { visitor_hash: "h-buyer", source: "portal_session", seen_at: "2026-12-06T10:00:00.000Z" },
    })
    expect(signals[4]).toEqual({ type: "visitor_orders", triggered: true, evidence: { visitor_hash: "h-buyer", orders: 4, max_orders: 3, window_days: 30 } })
    const unseen = orderRiskSignals({ ...input, affiliate: { ...input.affiliate, visitor: { ...visitor, sightings: [], visitor_orders: 0 } } }, riskRulesOf(null))
    expect(unseen.slice(3).map((s) => s.triggered)).toEqual([false, false])
  })
})
