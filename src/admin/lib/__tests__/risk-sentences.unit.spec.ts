import { firedSignals, holdSentence, leakSentence, reviewReasons, reviewSentence, signalSentence } from "../risk-sentences"

const receipt = (risk: unknown) => ({ id: "r", order_id: "o", affiliate_id: "a", outcome: "credited", source: "code", reason: null, candidates: [], risk }) as any

describe("the order widget's risk sentences", () => {
  it("names only the fired signals, with their evidence", () => {
    const fired = firedSignals(
      receipt({
        hold: { hold_days: 30, reasons: [{ rule: "program", hold_days: 30 }] },
        signals: [
          { type: "email_alias", triggered: false, evidence: { match: null } },
          { type: "code_without_click", triggered: true, evidence: { code: "ALICE10" } },
          { type: "contact_match", triggered: true, evidence: { matched: ["shipping_address", "phone"] } },
        ],
      })
    )
    expect(fired).toEqual([
      { type: "code_without_click", sentence: "Code ALICE10 was used without the affiliate's referral on the cart: possibly a leaked code." },
      { type: "contact_match", sentence: "The order's shipping address and phone equal the affiliate's own." },
    ])
  })

  it("says how long the sale is held and why, the longest first; nothing without a receipt risk", () => {
    expect(
      holdSentence(receipt({ hold: { hold_days: 60, reasons: [{ rule: "program", hold_days: 30 }, { rule: "new_affiliate", hold_days: 60 }] }, signals: [] }))
    ).toBe("Held 60 days (new affiliate 60; program 30)")
    expect(holdSentence(receipt(null))).toBeNull()
    expect(firedSignals(receipt(null))).toEqual([])
  })

  it("words the device signals and what held a sale for review", () => {
    expect(signalSentence({ type: "visitor_match", triggered: true, evidence: { source: "portal_session" } })).toBe(
      "The buyer's device is one the affiliate used for their own portal."
    )
    expect(signalSentence({ type: "visitor_match", triggered: true, evidence: { source: "click" } })).toBe(
      "The buyer's device is one that clicked the affiliate's own links."
    )
    expect(signalSentence({ type: "visitor_orders", triggered: true, evidence: { orders: 4, window_days: 30, max_orders: 3 } })).toBe(
      "4 of the affiliate's orders within 30 days came from one device (over 3)."
    )
    expect(reviewReasons(["code_without_click", "email_alias"])).toBe("code without click and email alias")
  })

  it("says whether the sale waits for review or how it was decided", () => {
    const withReview = (review: unknown) => ({ ...receipt(null), review }) as any
    expect(reviewSentence(withReview({ status: "required", because: ["email_alias"], reason: null }))).toBe(
      "Held for review (email alias): awaiting a decision."
    )
    expect(reviewSentence(withReview({ status: "declined", because: ["code_without_click"], reason: "Deal site" }))).toBe(
      'Held for review (code without click): declined, "Deal site".'
    )
    expect(reviewSentence(withReview(null))).toBeNull()
  })

  it("words a code's leak report", () => {
    expect(leakSentence({ orders: 12, orders_without_click: 9, share_without_click: "75", visitors: 8 })).toBe(
      "12 orders in 90 days, 9 without the affiliate's referral on the cart (75 %), from 8 devices."
    )
    expect(leakSentence({ orders: 1, orders_without_click: 0, share_without_click: "0", visitors: 0 })).toBe(
      "1 order in 90 days, 0 without the affiliate's referral on the cart (0 %)."
    )
    expect(leakSentence(null)).toBe("No orders used this code in the last 90 days.")
  })
})
