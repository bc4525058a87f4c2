import { candidateSentence, receiptSentence } from "../attribution-sentences"
import type { AttributionCandidate, OrderAttribution } from "../../../types/http"

const candidate = (over: Partial<AttributionCandidate>): AttributionCandidate => ({
  source: "code",
  affiliate_id: "aff_1",
  code: "BOB",
  reference: "BOBSHIRTS",
  won: false,
  reason: "",
  ...over,
})

const receipt = (over: Partial<OrderAttribution>): OrderAttribution => ({
  id: "afoat_1",
  order_id: "order_1",
  affiliate_id: "aff_1",
  affiliate: { id: "aff_1", code: "BOB", name: "Bob" },
  outcome: "credited",
  source: "code",
  reason: "affiliate promotion code BOBSHIRTS was used",
  candidates: [candidate({ won: true })],
  ...over,
})

describe("the order widget explains a receipt in plain sentences, without option names", () => {
  it("a credited link with its link discount says the discount was applied by the link", () => {
    const link = candidate({ source: "link", reference: "afclk_1", promotion_code: "BOB10", won: true })
    const linked = receipt({ source: "link", candidates: [link] })
    expect(receiptSentence(linked)).toBe("The customer came through BOB's referral link, which applied BOB's discount BOB10, so BOB is credited.")
    expect(candidateSentence(link, linked)).toBe("Credited: the cart carried BOB's referral, which applied their link discount BOB10.")
  })

  it("a credited code names the code and its affiliate", () => {
    expect(receiptSentence(receipt({}))).toBe("The order used BOBSHIRTS, a promotion code of BOB, so BOB is credited.")
    expect(candidateSentence(candidate({ won: true }), receipt({}))).toBe("Credited: the order used this promotion code of BOB.")
  })

  it("a referral that lost to a code says which counts first, not the option key", () => {
    const lost = candidate({ source: "link", code: "ALICE", reference: "afclk_1", reason: "code takes precedence (attributionPriority: code)" })
    expect(candidateSentence(lost, receipt({}))).toBe(
      "Not credited: the order also used an affiliate's promotion code, and a promotion code counts before a referral link."
    )
    const lostToLink = candidate({ reason: "link takes precedence (attributionPriority: link)" })
    expect(candidateSentence(lostToLink, receipt({ source: "link" }))).toBe(
      "Not credited: the order also came through a referral link, and a referral link counts before a promotion code."
    )
  })

  it("each way to lose reads as a sentence for a store owner", () => {
    const r = receipt({})
    const sentence = (reason: string, over: Partial<AttributionCandidate> = {}) => candidateSentence(candidate({ reason, ...over }), r)
    expect(sentence("the customer is attributed to ALICE")).toBe(
      "Not credited: the customer was referred by ALICE before, and a customer stays with their first affiliate."
    )
    expect(sentence("affiliate BOB is suspended")).toBe("Not credited: BOB is suspended.")
    expect(sentence("affiliate BOB is pending")).toBe("Not credited: BOB is still waiting for approval.")
    expect(sentence("the buyer is affiliate BOB")).toBe("Not credited: the buyer is BOB, and affiliates earn nothing on their own orders.")
    expect(sentence("click afclk_1 is outside the 30-day cookie window", { source: "link" })).toBe(
      "Not credited: the referral link was clicked more than 30 days before the order."
    )
    expect(sentence("unknown referral code NOBODY", { code: null, affiliate_id: null })).toBe(
      "Not credited: the referral code NOBODY matches no affiliate."
    )
    expect(sentence("the program credits only a customer's first order")).toBe(
      "Not credited: the program pays only for a customer's first order."
    )
    expect(sentence("attribution expired at 2024-03-01T00:00:00.000Z", { source: "attribution" })).toMatch(
      /^Not used: the customer's referral by BOB ended on .*2024.*\.$/
    )
    expect(sentence("some new reason")).toBe("Not credited: some new reason.")
  })

  it("an order that credits nobody says why", () => {
    const none = receipt({ outcome: "no_referral", source: null, affiliate: null, affiliate_id: null, candidates: [] })
    expect(receiptSentence(none)).toBe(
      "Nobody is credited: the order used no affiliate's promotion code and came through no referral link."
    )
    const inactive = receipt({ outcome: "affiliate_inactive", source: null, affiliate: null, candidates: [candidate({ code: "DEALHUNTER" })] })
    expect(receiptSentence(inactive)).toBe("Nobody is credited: DEALHUNTER is not an active affiliate, so the order earns no commission.")
    expect(receiptSentence(receipt({ source: "attribution", candidates: [candidate({ source: "attribution", won: true })] }))).toBe(
      "BOB referred this customer before, so BOB is credited for this order too."
    )
  })
})
