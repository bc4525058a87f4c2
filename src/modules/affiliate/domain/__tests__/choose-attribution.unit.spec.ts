import { AffiliateStatus } from "../../../../types/enums"
import {
  AffiliateFacts,
  AttributionDecision,
  AttributionInput,
  attributionExpiry,
  chooseAttribution,
  isAttributionLive,
} from "../choose-attribution"

const DAY_MS = 86_400_000
const PLACED_AT = new Date("2025-06-15T12:00:00.000Z")
const daysBefore = (days: number, from: Date = PLACED_AT) => new Date(from.getTime() - days * DAY_MS)
const daysAfter = (days: number, from: Date = PLACED_AT) => new Date(from.getTime() + days * DAY_MS)

type AffiliateOverrides = Partial<Omit<AffiliateFacts, "program">> & {
  program?: Partial<AffiliateFacts["program"]>
}

/** An active affiliate on a 30-day cookie, 12-month trailing program, not first-order-only. */
function affiliate(code: string, overrides: AffiliateOverrides = {}): AffiliateFacts {
  const { program, ...rest } = overrides
  return {
    id: `aff_${code.toLowerCase()}`,
    code,
    status: "active",
    customer_id: `cus_${code.toLowerCase()}`,
    email: `${code.toLowerCase()}@affiliates.test`,
    ...rest,
    program: {
      id: "prog_default",
      cookie_days: 30,
      trailing_months: 12,
      first_order_only: false,
      ...program,
    },
  }
}

const ALICE = affiliate("ALICE")
const BOB = affiliate("BOB")
const CAROL = affiliate("CAROL")

function attribution(aff: AffiliateFacts, expires_at: Date | null = null, id = "attr_1") {
  return { id, affiliate: aff, expires_at }
}

function promo(aff: AffiliateFacts, code = `${aff.code}10`) {
  return { code, affiliate: aff }
}

function click(aff: AffiliateFacts, clicked_at: Date = daysBefore(1), click_id = "click_1") {
  return { kind: "click" as const, click_id, clicked_at, affiliate: aff }
}

function codeReferral(aff: AffiliateFacts, code = aff.code) {
  return { kind: "code" as const, code, affiliate: aff }
}

type InputOverrides = Partial<Omit<AttributionInput, "order">> & { order?: Partial<AttributionInput["order"]> }

/** A logged-in customer's order with no attribution, code or referral. */
function input(overrides: InputOverrides = {}): AttributionInput {
  const { order, ...rest } = overrides
  return {
    order: {
      id: "order_1",
      customer_id: "cus_buyer",
      email: "buyer@example.com",
      placed_at: PLACED_AT,
      ...order,
    },
    attribution: null,
    promotion_codes: [],
    referral: null,
    unresolved_referral: null,
    prior_credited_orders: 0,
    priority: "code",
    allow_self_referral: false,
    ...rest,
  }
}

const won = (d: AttributionDecision) => d.candidates.filter((c) => c.won)
const lost = (d: AttributionDecision, source: string, reference: string | null) =>
  d.candidates.find((c) => !c.won && c.source === source && c.reference === reference)

describe("a live attribution keeps the customer with their first affiliate", () => {
  it("a live attribution keeps the customer with their first affiliate over a code and a link", () => {
    const d = chooseAttribution(
      input({ attribution: attribution(ALICE), promotion_codes: [promo(BOB)], referral: click(CAROL) })
    )
    expect(d.outcome).toBe("credited")
    expect(d.source).toBe("attribution")
    expect(d.affiliate).toBe(ALICE)
    expect(d.candidates[0]).toEqual({
      source: "attribution",
      affiliate_id: ALICE.id,
      code: "ALICE",
      reference: "attr_1",
      won: true,
      reason: expect.stringContaining("ALICE"),
    })
  })

  it("the code and the link that lost to a live attribution are listed with the reason", () => {
    const d = chooseAttribution(
      input({ attribution: attribution(ALICE), promotion_codes: [promo(BOB)], referral: click(CAROL) })
    )
    expect(d.candidates).toHaveLength(3)
    expect(lost(d, "code", "BOB10")).toMatchObject({
      affiliate_id: BOB.id,
      code: "BOB",
      reason: "the customer is attributed to ALICE",
    })
    expect(lost(d, "link", "click_1")).toMatchObject({
      affiliate_id: CAROL.id,
      code: "CAROL",
      reason: "the customer is attributed to ALICE",
    })
  })

  it("a live attribution is never re-bound", () => {
    const d = chooseAttribution(input({ attribution: attribution(ALICE), promotion_codes: [promo(BOB)] }))
    expect(d.bind_customer).toBeNull()
  })

  it("an attribution with a future expiry is still live", () => {
    const d = chooseAttribution(
      input({ attribution: attribution(ALICE, daysAfter(1)), promotion_codes: [promo(BOB)] })
    )
    expect(d.outcome).toBe("credited")
    expect(d.affiliate).toBe(ALICE)
  })

  it("a live attribution to the same affiliate as the code still credits through the attribution", () => {
    const d = chooseAttribution(input({ attribution: attribution(ALICE), promotion_codes: [promo(ALICE)] }))
    expect(d.source).toBe("attribution")
    expect(d.affiliate).toBe(ALICE)
    expect(won(d)).toHaveLength(1)
  })
})

describe("an expired attribution may be replaced by a code or a link", () => {
  it("an expired attribution is a lost candidate with the time it expired", () => {
    const expiredAt = daysBefore(2)
    const d = chooseAttribution(
      input({ attribution: attribution(ALICE, expiredAt), promotion_codes: [promo(BOB)] })
    )
    expect(lost(d, "attribution", "attr_1")).toMatchObject({
      affiliate_id: ALICE.id,
      code: "ALICE",
      reason: `attribution expired at ${expiredAt.toISOString()}`,
    })
  })

  it("after an expired attribution a code wins and rebinds the customer for trailing_months", () => {
    const d = chooseAttribution(
      input({ attribution: attribution(ALICE, daysBefore(2)), promotion_codes: [promo(BOB)] })
    )
    expect(d.outcome).toBe("credited")
    expect(d.source).toBe("code")
    expect(d.affiliate).toBe(BOB)
    expect(d.bind_customer).toEqual({
      source: "code",
      click_id: null,
      promotion_code: "BOB10",
      expires_at: new Date("2026-06-15T12:00:00.000Z"),
    })
  })

  it("after an expired attribution a link wins and rebinds the customer forever when the program has no trailing limit", () => {
    const forever = affiliate("DAVE", { program: { trailing_months: null } })
    const d = chooseAttribution(
      input({ attribution: attribution(ALICE, daysBefore(2)), referral: click(forever, daysBefore(3), "click_9") })
    )
    expect(d.outcome).toBe("credited")
    expect(d.source).toBe("link")
    expect(d.affiliate).toBe(forever)
    expect(d.bind_customer).toEqual({ source: "link", click_id: "click_9", promotion_code: null, expires_at: null })
  })

  it("the new binding's lifetime comes from the winner's program, counted from the order", () => {
    const threeMonths = affiliate("ERIN", { program: { trailing_months: 3 } })
    const d = chooseAttribution(input({ promotion_codes: [promo(threeMonths)] }))
    expect(d.bind_customer?.expires_at).toEqual(new Date("2025-09-15T12:00:00.000Z"))
  })

  it("an attribution expiring exactly when the order is placed is expired", () => {
    const d = chooseAttribution(input({ attribution: attribution(ALICE, PLACED_AT), promotion_codes: [promo(BOB)] }))
    expect(d.affiliate).toBe(BOB)
    expect(lost(d, "attribution", "attr_1")).toBeDefined()
  })

  it("a customer with no attribution at all is bound to the winner", () => {
    const d = chooseAttribution(input({ promotion_codes: [promo(BOB)] }))
    expect(d.bind_customer).toMatchObject({ source: "code", promotion_code: "BOB10" })
  })

  it("an expired attribution alone credits nobody", () => {
    const d = chooseAttribution(input({ attribution: attribution(ALICE, daysBefore(2)) }))
    expect(d.outcome).toBe("no_referral")
    expect(d.affiliate).toBeNull()
    expect(d.bind_customer).toBeNull()
    expect(d.candidates).toEqual([expect.objectContaining({ source: "attribution", won: false })])
  })
})

describe("attributionExpiry is created_at + trailing_months, null for forever", () => {
  it("adds the trailing months to the start", () => {
    expect(attributionExpiry(new Date("2025-01-10T08:30:00.000Z"), 6)).toEqual(new Date("2025-07-10T08:30:00.000Z"))
  })

  it("rolls over into the next year", () => {
    expect(attributionExpiry(new Date("2025-11-20T00:00:00.000Z"), 3)).toEqual(new Date("2026-02-20T00:00:00.000Z"))
  })

  it("a day past the end of the target month clamps to its last day: 31 Jan + 1 month = 28 Feb", () => {
    expect(attributionExpiry(new Date("2025-01-31T10:15:00.000Z"), 1)).toEqual(new Date("2025-02-28T10:15:00.000Z"))
  })

  it("in a leap year 31 Jan + 1 month = 29 Feb", () => {
    expect(attributionExpiry(new Date("2024-01-31T10:15:00.000Z"), 1)).toEqual(new Date("2024-02-29T10:15:00.000Z"))
  })

  it("29 Feb 2024 + 12 months = 28 Feb 2025", () => {
    expect(attributionExpiry(new Date("2024-02-29T23:59:59.000Z"), 12)).toEqual(new Date("2025-02-28T23:59:59.000Z"))
  })

  it("clamps to a 30-day month too: 31 Mar + 1 month = 30 Apr", () => {
    expect(attributionExpiry(new Date("2025-03-31T00:00:00.000Z"), 1)).toEqual(new Date("2025-04-30T00:00:00.000Z"))
  })

  it("a day that exists in the target month is kept, not moved to the month's end", () => {
    expect(attributionExpiry(new Date("2025-02-28T00:00:00.000Z"), 1)).toEqual(new Date("2025-03-28T00:00:00.000Z"))
  })

  it("no trailing limit means the attribution never expires", () => {
    expect(attributionExpiry(new Date("2025-01-10T00:00:00.000Z"), null)).toBeNull()
  })

  it("does not change the date it starts from", () => {
    const from = new Date("2025-01-10T00:00:00.000Z")
    attributionExpiry(from, 6)
    expect(from).toEqual(new Date("2025-01-10T00:00:00.000Z"))
  })
})

describe("isAttributionLive: live until expires_at, forever when null", () => {
  it("an attribution without expiry is live forever", () => {
    expect(isAttributionLive(null, new Date("2099-01-01T00:00:00.000Z"))).toBe(true)
  })

  it("an attribution is live before it expires", () => {
    expect(isAttributionLive(new Date(PLACED_AT.getTime() + 1), PLACED_AT)).toBe(true)
  })

  it("an attribution is dead at and after its expiry", () => {
    expect(isAttributionLive(PLACED_AT, PLACED_AT)).toBe(false)
    expect(isAttributionLive(daysBefore(1), PLACED_AT)).toBe(false)
  })
})

describe("the attributionPriority option orders a code and a link", () => {
  it("with priority code the promotion code wins over the link", () => {
    const d = chooseAttribution(input({ priority: "code", promotion_codes: [promo(BOB)], referral: click(CAROL) }))
    expect(d.source).toBe("code")
    expect(d.affiliate).toBe(BOB)
    expect(lost(d, "link", "click_1")?.reason).toBe("code takes precedence (attributionPriority: code)")
  })

  it("with priority link the link wins over the promotion code", () => {
    const d = chooseAttribution(input({ priority: "link", promotion_codes: [promo(BOB)], referral: click(CAROL) }))
    expect(d.source).toBe("link")
    expect(d.affiliate).toBe(CAROL)
    expect(d.bind_customer).toMatchObject({ source: "link", click_id: "click_1", promotion_code: null })
    expect(lost(d, "code", "BOB10")?.reason).toBe("link takes precedence (attributionPriority: link)")
  })

  it("with priority link a bare code referral on the cart also beats a promotion code", () => {
    const d = chooseAttribution(
      input({ priority: "link", promotion_codes: [promo(BOB)], referral: codeReferral(CAROL) })
    )
    expect(d.source).toBe("link")
    expect(d.affiliate).toBe(CAROL)
  })

  it("of two affiliate promotion codes the first eligible one wins", () => {
    const d = chooseAttribution(input({ promotion_codes: [promo(BOB), promo(CAROL)] }))
    expect(d.affiliate).toBe(BOB)
    expect(lost(d, "code", "CAROL10")).toBeDefined()
  })

  it("when the preferred source is not eligible the other one wins", () => {
    const suspended = affiliate("SAM", { status: "suspended" })
    const d = chooseAttribution(input({ priority: "code", promotion_codes: [promo(suspended)], referral: click(CAROL) }))
    expect(d.source).toBe("link")
    expect(d.affiliate).toBe(CAROL)
  })
})

describe("a click counts only within the program's cookie window", () => {
  it("a click inside the cookie window is credited", () => {
    const d = chooseAttribution(input({ referral: click(CAROL, daysBefore(29)) }))
    expect(d.outcome).toBe("credited")
    expect(d.affiliate).toBe(CAROL)
    expect(d.candidates[0]).toMatchObject({ source: "link", reference: "click_1", won: true })
  })

  it("a click outside the cookie window loses with its reason", () => {
    const d = chooseAttribution(input({ referral: click(CAROL, daysBefore(31)) }))
    expect(d.affiliate).toBeNull()
    expect(lost(d, "link", "click_1")?.reason).toBe("click click_1 is outside the 30-day cookie window")
  })

  it("an expired click with nothing else applying gives outcome referral_expired", () => {
    const d = chooseAttribution(input({ referral: click(CAROL, daysBefore(31)) }))
    expect(d.outcome).toBe("referral_expired")
    expect(d.source).toBeNull()
    expect(d.bind_customer).toBeNull()
  })

  it("an expired click loses to a promotion code even when links come first", () => {
    const d = chooseAttribution(
      input({ priority: "link", promotion_codes: [promo(BOB)], referral: click(CAROL, daysBefore(31)) })
    )
    expect(d.outcome).toBe("credited")
    expect(d.affiliate).toBe(BOB)
    expect(lost(d, "link", "click_1")?.reason).toContain("cookie window")
  })

  it("the window is the referred affiliate's program cookie_days", () => {
    const weekly = affiliate("WEEK", { program: { cookie_days: 7 } })
    expect(chooseAttribution(input({ referral: click(weekly, daysBefore(6)) })).outcome).toBe("credited")
    const d = chooseAttribution(input({ referral: click(weekly, daysBefore(8)) }))
    expect(d.outcome).toBe("referral_expired")
    expect(d.reason).toContain("7-day cookie window")
  })

  it("a bare code referral on the cart has no cookie window", () => {
    const d = chooseAttribution(
      input({ referral: codeReferral(CAROL), order: { placed_at: new Date("2030-01-01T00:00:00.000Z") } })
    )
    expect(d.outcome).toBe("credited")
    expect(d.source).toBe("link")
    expect(d.affiliate).toBe(CAROL)
    expect(d.candidates[0]).toMatchObject({ reference: "CAROL", won: true })
    expect(d.bind_customer).toMatchObject({ source: "link", click_id: null, promotion_code: null })
  })
})

describe("an inactive affiliate earns nothing", () => {
  it.each<AffiliateStatus>(["pending", "suspended", "rejected"])(
    "a code of a %s affiliate loses with its status and the next eligible candidate wins",
    (status) => {
      const inactive = affiliate("IVAN", { status })
      const d = chooseAttribution(input({ promotion_codes: [promo(inactive)], referral: click(CAROL) }))
      expect(d.outcome).toBe("credited")
      expect(d.affiliate).toBe(CAROL)
      expect(lost(d, "code", "IVAN10")?.reason).toBe(`affiliate IVAN is ${status}`)
    }
  )

  it.each<AffiliateStatus>(["pending", "suspended", "rejected"])(
    "a %s affiliate alone gives outcome affiliate_inactive",
    (status) => {
      const inactive = affiliate("IVAN", { status })
      const d = chooseAttribution(input({ referral: click(inactive) }))
      expect(d.outcome).toBe("affiliate_inactive")
      expect(d.affiliate).toBeNull()
      expect(d.bind_customer).toBeNull()
      expect(d.reason).toBe(`affiliate IVAN is ${status}`)
    }
  )

  it("a live attribution to an inactive affiliate credits nobody and does not fall back to a code", () => {
    const suspended = affiliate("SAM", { status: "suspended" })
    const d = chooseAttribution(input({ attribution: attribution(suspended), promotion_codes: [promo(BOB)] }))
    expect(d.outcome).toBe("affiliate_inactive")
    expect(d.source).toBe("attribution")
    expect(d.affiliate).toBeNull()
    expect(d.bind_customer).toBeNull()
    expect(d.candidates[0]).toMatchObject({ source: "attribution", affiliate_id: suspended.id, won: false })
    expect(lost(d, "code", "BOB10")?.reason).toBe("the customer is attributed to SAM")
  })
})

describe("the buyer cannot refer themselves unless allowed", () => {
  it("an order by the affiliate's own customer account is a self-referral", () => {
    const d = chooseAttribution(input({ order: { customer_id: BOB.customer_id }, promotion_codes: [promo(BOB)] }))
    expect(d.outcome).toBe("self_referral")
    expect(d.affiliate).toBeNull()
    expect(d.reason).toBe("the buyer is affiliate BOB")
  })

  it("an order with the affiliate's email in another case is a self-referral", () => {
    const d = chooseAttribution(
      input({ order: { customer_id: null, email: "  Bob@Affiliates.TEST " }, referral: click(BOB) })
    )
    expect(d.outcome).toBe("self_referral")
    expect(d.affiliate).toBeNull()
  })

  it("a self-referral code loses and another affiliate's link wins", () => {
    const d = chooseAttribution(
      input({ order: { customer_id: BOB.customer_id }, promotion_codes: [promo(BOB)], referral: click(CAROL) })
    )
    expect(d.outcome).toBe("credited")
    expect(d.affiliate).toBe(CAROL)
    expect(lost(d, "code", "BOB10")?.reason).toBe("the buyer is affiliate BOB")
  })

  it("a live attribution to the buyer themselves is a self-referral", () => {
    const d = chooseAttribution(input({ order: { customer_id: ALICE.customer_id }, attribution: attribution(ALICE) }))
    expect(d.outcome).toBe("self_referral")
    expect(d.source).toBe("attribution")
    expect(d.affiliate).toBeNull()
  })

  it("with allow_self_referral the affiliate's own order is credited", () => {
    const d = chooseAttribution(
      input({
        allow_self_referral: true,
        order: { customer_id: BOB.customer_id, email: BOB.email },
        promotion_codes: [promo(BOB)],
      })
    )
    expect(d.outcome).toBe("credited")
    expect(d.affiliate).toBe(BOB)
  })

  it("a guest buyer and an affiliate without a customer account are not the same person", () => {
    const noAccount = affiliate("NOAC", { customer_id: null })
    const d = chooseAttribution(input({ order: { customer_id: null }, promotion_codes: [promo(noAccount)] }))
    expect(d.outcome).toBe("credited")
    expect(d.affiliate).toBe(noAccount)
  })

  it("an order without an email is not matched on email", () => {
    const d = chooseAttribution(input({ order: { email: null }, promotion_codes: [promo(BOB)] }))
    expect(d.outcome).toBe("credited")
  })
})

describe("guest orders are credited but bind no customer", () => {
  it("a guest order through a code is credited without binding anyone", () => {
    const d = chooseAttribution(input({ order: { customer_id: null }, promotion_codes: [promo(BOB)] }))
    expect(d.outcome).toBe("credited")
    expect(d.affiliate).toBe(BOB)
    expect(d.bind_customer).toBeNull()
  })

  it("a guest order through a click is credited without binding anyone", () => {
    const d = chooseAttribution(input({ order: { customer_id: null }, referral: click(CAROL) }))
    expect(d.outcome).toBe("credited")
    expect(d.bind_customer).toBeNull()
  })
})

describe("an order with no referral credits nobody", () => {
  it("no attribution, code or referral gives outcome no_referral with no candidates", () => {
    const d = chooseAttribution(input())
    expect(d).toEqual({
      outcome: "no_referral",
      source: null,
      affiliate: null,
      reason: "no attribution, affiliate code or referral applied",
      candidates: [],
      bind_customer: null,
    })
  })

  it("an unresolved referral appears as a lost candidate without an affiliate", () => {
    const d = chooseAttribution(input({ unresolved_referral: { kind: "code", value: "NOPE" } }))
    expect(d.outcome).toBe("no_referral")
    expect(d.candidates).toEqual([
      { source: "link", affiliate_id: null, code: null, reference: "NOPE", won: false, reason: "unknown referral code NOPE" },
    ])
  })

  it("an unresolved click is listed next to the code that won", () => {
    const d = chooseAttribution(
      input({ promotion_codes: [promo(BOB)], unresolved_referral: { kind: "click", value: "click_gone" } })
    )
    expect(d.affiliate).toBe(BOB)
    expect(lost(d, "link", "click_gone")?.reason).toBe("unknown referral click click_gone")
  })

  it("an unresolved referral is listed even when a live attribution wins", () => {
    const d = chooseAttribution(
      input({ attribution: attribution(ALICE), unresolved_referral: { kind: "code", value: "NOPE" } })
    )
    expect(d.affiliate).toBe(ALICE)
    expect(lost(d, "link", "NOPE")).toBeDefined()
  })
})

describe("first_order_only programs credit only the customer's first attributed order", () => {
  const firstOnly = affiliate("FIRST", { program: { first_order_only: true } })

  it("a first order through a first-order-only code is credited", () => {
    const d = chooseAttribution(input({ promotion_codes: [promo(firstOnly)], prior_credited_orders: 0 }))
    expect(d.outcome).toBe("credited")
    expect(d.affiliate).toBe(firstOnly)
  })

  it("a repeat order through a live attribution gives outcome not_first_order", () => {
    const d = chooseAttribution(input({ attribution: attribution(firstOnly), prior_credited_orders: 1 }))
    expect(d.outcome).toBe("not_first_order")
    expect(d.source).toBe("attribution")
    expect(d.affiliate).toBeNull()
    expect(d.reason).toBe("the program credits only a customer's first order")
    expect(d.candidates[0]).toMatchObject({ source: "attribution", affiliate_id: firstOnly.id, won: false })
  })

  it("a repeat order through a code gives outcome not_first_order and binds nobody", () => {
    const d = chooseAttribution(input({ promotion_codes: [promo(firstOnly)], prior_credited_orders: 2 }))
    expect(d.outcome).toBe("not_first_order")
    expect(d.source).toBe("code")
    expect(d.affiliate).toBeNull()
    expect(d.bind_customer).toBeNull()
    expect(d.candidates[0]).toMatchObject({
      source: "code",
      reference: "FIRST10",
      won: false,
      reason: "the program credits only a customer's first order",
    })
  })

  it("prior credited orders do not matter when the program is not first-order-only", () => {
    const d = chooseAttribution(input({ attribution: attribution(ALICE), prior_credited_orders: 3 }))
    expect(d.outcome).toBe("credited")
  })
})

describe("the receipt lists the winner first and at most one winner", () => {
  const scenarios: [string, AttributionInput][] = [
    ["live attribution over code and link", input({ attribution: attribution(ALICE), promotion_codes: [promo(BOB)], referral: click(CAROL) })],
    ["expired attribution replaced by a code", input({ attribution: attribution(ALICE, daysBefore(1)), promotion_codes: [promo(BOB)] })],
    ["code over link", input({ promotion_codes: [promo(BOB)], referral: click(CAROL) })],
    ["link over code", input({ priority: "link", promotion_codes: [promo(BOB)], referral: click(CAROL) })],
    ["inactive code then link", input({ promotion_codes: [promo(affiliate("X", { status: "pending" }))], referral: click(CAROL) })],
    ["unresolved and expired, then a code", input({ priority: "link", promotion_codes: [promo(BOB)], referral: click(CAROL, daysBefore(40)), unresolved_referral: { kind: "code", value: "NOPE" } })],
    ["guest through a link", input({ order: { customer_id: null }, referral: click(CAROL) })],
  ]

  it.each(scenarios)("when credited (%s) exactly one candidate won and it is first", (_, scenario) => {
    const d = chooseAttribution(scenario)
    expect(d.outcome).toBe("credited")
    expect(won(d)).toHaveLength(1)
    expect(d.candidates[0].won).toBe(true)
    expect(d.candidates[0].affiliate_id).toBe(d.affiliate!.id)
    expect(d.candidates[0].reason).toBe(d.reason)
    expect(d.candidates[0].source).toBe(d.source)
  })

  const uncredited: [string, AttributionInput][] = [
    ["no referral", input({ unresolved_referral: { kind: "click", value: "c" } })],
    ["expired click", input({ referral: click(CAROL, daysBefore(40)) })],
    ["inactive attribution", input({ attribution: attribution(affiliate("X", { status: "rejected" })), promotion_codes: [promo(BOB)] })],
    ["self-referral", input({ order: { customer_id: BOB.customer_id }, promotion_codes: [promo(BOB)] })],
    ["not first order", input({ promotion_codes: [promo(affiliate("F", { program: { first_order_only: true } }))], prior_credited_orders: 1 })],
  ]

  it.each(uncredited)("when not credited (%s) no candidate won", (_, scenario) => {
    const d = chooseAttribution(scenario)
    expect(d.outcome).not.toBe("credited")
    expect(d.affiliate).toBeNull()
    expect(won(d)).toHaveLength(0)
  })

  it("every considered source appears once on the receipt", () => {
    const d = chooseAttribution(
      input({
        attribution: attribution(ALICE, daysBefore(1)),
        promotion_codes: [promo(BOB)],
        referral: click(CAROL),
        unresolved_referral: { kind: "code", value: "NOPE" },
      })
    )
    expect(d.candidates.map((c) => `${c.source}:${c.reference}`).sort()).toEqual(
      ["attribution:attr_1", "code:BOB10", "link:NOPE", "link:click_1"].sort()
    )
  })
})

describe("coupon-leak binding: under code_binding no_credit a code credits only with its affiliate's traffic", () => {
  const BOUND = affiliate("BOUND", { program: { code_binding: "no_credit" } })

  it("a bound code alone credits nobody: the outcome is code_without_click, with the reason", () => {
    const d = chooseAttribution(input({ promotion_codes: [promo(BOUND)] }))
    expect(d.outcome).toBe("code_without_click")
    expect(d.affiliate).toBeNull()
    expect(d.bind_customer).toBeNull()
    expect(lost(d, "code", "BOUND10")?.reason).toBe(
      "promotion code BOUND10 was used without BOUND's referral on the cart (code binding: no_credit)"
    )
  })

  it("with the affiliate's click or referral code on the cart the bound code credits them", () => {
    for (const referral of [click(BOUND), codeReferral(BOUND)]) {
      const d = chooseAttribution(input({ promotion_codes: [promo(BOUND)], referral }))
      expect(d.outcome).toBe("credited")
      expect(d.source).toBe("code")
      expect(d.affiliate).toBe(BOUND)
    }
  })

  it("a customer already attributed to the affiliate is credited through the attribution", () => {
    const d = chooseAttribution(input({ promotion_codes: [promo(BOUND)], attribution: attribution(BOUND, daysAfter(30)) }))
    expect(d.outcome).toBe("credited")
    expect(d.source).toBe("attribution")
  })

  it("another affiliate's click on the cart does not unlock the code, and that affiliate is credited instead", () => {
    const d = chooseAttribution(input({ promotion_codes: [promo(BOUND)], referral: click(CAROL) }))
    expect(d.outcome).toBe("credited")
    expect(d.affiliate).toBe(CAROL)
    expect(lost(d, "code", "BOUND10")?.reason).toMatch(/without BOUND's referral/)
  })

  it("without the binding (off or review) a code alone credits as always", () => {
    for (const code_binding of ["off", "review"] as const) {
      const free = affiliate("FREE", { program: { code_binding } })
      expect(chooseAttribution(input({ promotion_codes: [promo(free)] })).outcome).toBe("credited")
    }
  })
})

describe("a link discount is part of its link", () => {
  it("the referral and the code it applied automatically are one candidate, credited through the link", () => {
    for (const priority of ["code", "link"] as const) {
      const d = chooseAttribution(input({ priority, promotion_codes: [promo(ALICE)], referral: click(ALICE), link_discount_code: "ALICE10" }))
      expect(d.outcome).toBe("credited")
      expect(d.source).toBe("link")
      expect(d.candidates).toEqual([
        {
          source: "link",
          affiliate_id: ALICE.id,
          code: "ALICE",
          reference: "click_1",
          promotion_code: "ALICE10",
          won: true,
          reason: "the cart carried a referral of ALICE, which applied their link discount ALICE10",
        },
      ])
      expect(d.bind_customer).toEqual(expect.objectContaining({ source: "link", click_id: "click_1", promotion_code: "ALICE10" }))
    }
  })

  it("another code on the order is still its own candidate, and a link discount of another affiliate is a code", () => {
    const d = chooseAttribution(input({ promotion_codes: [promo(ALICE), promo(BOB)], referral: click(ALICE), link_discount_code: "ALICE10" }))
    expect(d.candidates.map((c) => [c.source, c.reference, c.promotion_code ?? null])).toEqual([
      ["code", "BOB10", null],
      ["link", "click_1", "ALICE10"],
    ])
    expect(d.affiliate).toBe(BOB) // attributionPriority "code"

    // A code named as the link discount but not the referral's affiliate's stays a code.
    const other = chooseAttribution(input({ promotion_codes: [promo(BOB)], referral: click(ALICE), link_discount_code: "BOB10" }))
    expect(other.candidates.map((c) => [c.source, c.reference])).toEqual([
      ["code", "BOB10"],
      ["link", "click_1"],
    ])
  })

  it("a program's link discount (a code of no affiliate, e.g. refer-a-friend) is named on the link", () => {
    const d = chooseAttribution(input({ referral: codeReferral(ALICE), link_discount_code: "FRIEND10" }))
    expect(d.candidates).toEqual([expect.objectContaining({ source: "link", reference: "ALICE", promotion_code: "FRIEND10", won: true })])
  })

  it("a link whose click is outside the window loses with its discount, and names why", () => {
    const d = chooseAttribution(input({ promotion_codes: [promo(ALICE)], referral: click(ALICE, daysBefore(31)), link_discount_code: "ALICE10" }))
    expect(d.outcome).toBe("referral_expired")
    expect(d.candidates).toEqual([expect.objectContaining({ source: "link", promotion_code: "ALICE10", won: false, reason: expect.stringMatching(/cookie window/) })])
  })
})
