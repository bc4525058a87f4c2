import { firedSignals, holdSentence } from "../risk-sentences"

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
})
