import { BigNumberInput } from "@medusajs/framework/types"
import { MathBN } from "@medusajs/framework/utils"
import { keptValue, OrderMoneyState, netCommissionForOrder, planCommissionCorrection, unexplainedRefund } from "../net-commission"
import { FrozenLine } from "../sale-commission"

function frozen(
  line_item_id: string,
  quantity: number,
  base: string,
  rate: string | null,
  amount: string,
  terms: FrozenLine["terms"] = "program"
): FrozenLine {
  return { line_item_id, quantity: String(quantity), base, rate, amount, terms }
}

type Sale = { amount: string; lines: FrozenLine[] }

function sale(...lines: FrozenLine[]): Sale {
  return { amount: MathBN.add(0, ...lines.map((l) => l.amount)).toFixed(), lines }
}

/**
 * Two lines at different frozen rates: A 100 at 10 % = 10, B 2 units of 30 at 25 % = 15.
 * Sale 25; the order total is 170 (160 of goods plus 10 of shipping).
 */
const A = frozen("item_a", 1, "100", "10", "10")
const B = frozen("item_b", 2, "60", "25", "15")
const TWO_RATES = sale(A, B)
const TOTAL = 170

type Items = OrderMoneyState["items"]

/**
 * Every sale line still there at its sale quantity, nothing returned, credited or
 * canceled: the order total is what it was at the sale and there is no credit line.
 */
function state(s: Sale, overrides: Partial<OrderMoneyState> = {}, order_total: BigNumberInput = TOTAL): OrderMoneyState {
  const items: Items = {}
  for (const l of s.lines) {
    items[l.line_item_id] = { quantity: l.quantity, returned_quantity: 0 }
  }
  return { canceled: false, items, order_total, credit_line_total: 0, captured_total: 0, refunded_total: 0, ...overrides }
}

/**
 * What Medusa shows after refunds that no return or edit explains: a credit line of the
 * amount refunded, and an order total lowered by it (order 110, refund 30 -> total 80,
 * credit_line_total 30). `totalBefore` is the order total before the refunds.
 */
function credited(refunded: BigNumberInput, totalBefore: BigNumberInput = TOTAL): Partial<OrderMoneyState> {
  return { order_total: MathBN.sub(totalBefore, refunded).toFixed(), credit_line_total: MathBN.convert(refunded).toFixed() }
}

function withItems(s: Sale, changes: Record<string, { quantity: BigNumberInput; returned_quantity: BigNumberInput } | null>): Items {
  const items = { ...state(s).items }
  for (const [id, change] of Object.entries(changes)) {
    if (change === null) {
      delete items[id]
    } else {
      items[id] = change
    }
  }
  return items
}

const net = (s: Sale, st: OrderMoneyState) => netCommissionForOrder(s, st).toFixed()

describe("an order nothing happened to keeps its whole sale", () => {
  it("with nothing returned, credited or edited the net is the full sale", () => {
    expect(net(TWO_RATES, state(TWO_RATES))).toBe("25")
  })

  it("without a credit line the order total alone lowers nothing", () => {
    expect(net(TWO_RATES, state(TWO_RATES, { order_total: 1 }))).toBe("25")
    expect(net(TWO_RATES, state(TWO_RATES, { order_total: 5000 }))).toBe("25")
  })

  it("computing the net twice from the same state gives the same net", () => {
    const st = state(TWO_RATES, credited(17))
    expect(net(TWO_RATES, st)).toBe("22.5")
    expect(net(TWO_RATES, st)).toBe(net(TWO_RATES, st))
  })
})

describe("a canceled order earns nothing", () => {
  it("a canceled order's net is 0 (Medusa: status canceled, total 0 once the captured payment is refunded)", () => {
    expect(net(TWO_RATES, state(TWO_RATES, { canceled: true, order_total: 0 }))).toBe("0")
  })

  it("a canceled order earns nothing even while its lines and total still read as kept", () => {
    expect(net(TWO_RATES, state(TWO_RATES, { canceled: true }))).toBe("0")
  })
})

describe("a returned line is reversed at its own frozen rate", () => {
  // Medusa: a received return sets the line's returned quantity and lowers the order total;
  // its refund adds no credit line.
  it("returning the 25 % line removes exactly its 15, not a share at the order's average rate", () => {
    const st = state(TWO_RATES, {
      items: withItems(TWO_RATES, { item_b: { quantity: 2, returned_quantity: 2 } }),
      order_total: 110,
    })
    expect(net(TWO_RATES, st)).toBe("10")
  })

  it("returning the 10 % line removes exactly its 10", () => {
    const st = state(TWO_RATES, {
      items: withItems(TWO_RATES, { item_a: { quantity: 1, returned_quantity: 1 } }),
      order_total: 70,
    })
    expect(net(TWO_RATES, st)).toBe("15")
  })

  it("returning 1 of 2 units removes half of that line", () => {
    const st = state(TWO_RATES, {
      items: withItems(TWO_RATES, { item_b: { quantity: 2, returned_quantity: 1 } }),
      order_total: 140,
    })
    expect(net(TWO_RATES, st)).toBe("17.5")
  })

  it("a return with its refund reverses only that line's frozen amount: the refund is not counted a second time", () => {
    const st = state(TWO_RATES, {
      items: withItems(TWO_RATES, { item_a: { quantity: 1, returned_quantity: 1 } }),
      order_total: 70,
      credit_line_total: 0,
    })
    // 15, not 15 x (1 - 100/170) nor 15 x 70/170
    expect(net(TWO_RATES, st)).toBe("15")
  })

  it("a refund beyond the return (a credit line) lowers the kept lines in proportion to what was kept", () => {
    const st = state(TWO_RATES, {
      items: withItems(TWO_RATES, { item_a: { quantity: 1, returned_quantity: 1 } }),
      ...credited("17.5", 70),
    })
    // 17.5 of the 70 still kept credited back: 15 x 0.75
    expect(st).toMatchObject({ order_total: "52.5", credit_line_total: "17.5" })
    expect(net(TWO_RATES, st)).toBe("11.25")
  })

  it("more units returned than sold never earns negative", () => {
    const st = state(TWO_RATES, {
      items: withItems(TWO_RATES, { item_a: { quantity: 1, returned_quantity: 3 } }),
      order_total: 70,
    })
    expect(net(TWO_RATES, st)).toBe("15")
  })
})

describe("an order edit lowers the net of the lines it removes", () => {
  it("an item removed from the order earns nothing", () => {
    const st = state(TWO_RATES, { items: withItems(TWO_RATES, { item_a: null }), order_total: 70 })
    expect(net(TWO_RATES, st)).toBe("15")
  })

  it("a quantity lowered from 2 to 1 halves that line", () => {
    const st = state(TWO_RATES, {
      items: withItems(TWO_RATES, { item_b: { quantity: 1, returned_quantity: 0 } }),
      order_total: 140,
    })
    expect(net(TWO_RATES, st)).toBe("17.5")
  })

  it("a quantity lowered to 0 earns nothing on that line", () => {
    const st = state(TWO_RATES, {
      items: withItems(TWO_RATES, { item_b: { quantity: 0, returned_quantity: 0 } }),
      order_total: 110,
    })
    expect(net(TWO_RATES, st)).toBe("10")
  })

  it("units added by an edit do not earn more on their line", () => {
    const st = state(TWO_RATES, {
      items: withItems(TWO_RATES, { item_a: { quantity: 5, returned_quantity: 0 }, item_b: null }),
      order_total: 510,
    })
    expect(net(TWO_RATES, st)).toBe("10")
  })

  it("a line added by an edit earns nothing", () => {
    const st = state(TWO_RATES, {
      items: withItems(TWO_RATES, { item_new: { quantity: 3, returned_quantity: 0 }, item_a: null }),
      order_total: 220,
    })
    expect(net(TWO_RATES, st)).toBe("15")
  })
})

describe("units a claim or exchange replaced count as kept", () => {
  // Medusa: the claim's or exchange's return sets the line's returned quantity; the goods sent
  // are new lines (not in the sale) whose price enters the order total.
  it("a line returned in a claim and replaced in full keeps its whole commission", () => {
    const st = state(TWO_RATES, {
      items: withItems(TWO_RATES, { item_a: { quantity: 1, returned_quantity: 1, replaced_quantity: 1 } }),
    })
    expect(net(TWO_RATES, st)).toBe("25")
  })

  it("units replaced by goods of half their price keep half of their commission", () => {
    const st = state(TWO_RATES, {
      items: withItems(TWO_RATES, { item_b: { quantity: 2, returned_quantity: 2, replaced_quantity: 1 } }),
      order_total: 140,
    })
    expect(net(TWO_RATES, st)).toBe("17.5")
  })

  it("an exchange's refunded difference is explained by the return: 100 exchanged for 50, 50 refunded", () => {
    const st = state(TWO_RATES, {
      items: withItems(TWO_RATES, { item_a: { quantity: 1, returned_quantity: 1, replaced_quantity: "0.5" } }),
      order_total: 120,
      captured_total: 170,
      refunded_total: 50,
    })
    expect(net(TWO_RATES, st)).toBe("20")
  })

  it("a line never keeps more than it sold, however much was sent in its place", () => {
    const st = state(TWO_RATES, {
      items: withItems(TWO_RATES, { item_a: { quantity: 1, returned_quantity: 1, replaced_quantity: 3 } }),
    })
    expect(net(TWO_RATES, st)).toBe("25")
  })

  it("a flat order amount is kept when every credited line came back but was replaced", () => {
    const FLAT = sale(frozen("item_a", 1, "40", null, "5", "order_flat"))
    const st = state(FLAT, { items: { item_a: { quantity: 1, returned_quantity: 1, replaced_quantity: 1 } }, order_total: 50 })
    expect(net(FLAT, st)).toBe("5")
  })
})

describe("a refund not tied to a return (a credit line) reverses proportionally", () => {
  it("a refund of 30 % of the paid total without a return lowers net commission by 30 %", () => {
    // 51 of 170 credited back: total 119, credit line 51
    const st = state(TWO_RATES, credited(51))
    expect(st).toMatchObject({ order_total: "119", credit_line_total: "51" })
    expect(net(TWO_RATES, st)).toBe("17.5")
  })

  it("the share is of the total before the credit line, not of the lowered total", () => {
    // order 110, refund 33 -> total 77, credit line 33: 30 %, not 33/77
    expect(net(TWO_RATES, state(TWO_RATES, { order_total: 77, credit_line_total: 33 }))).toBe("17.5")
  })

  it("two partial refunds accumulate in the credit line", () => {
    const afterFirst = state(TWO_RATES, credited(17))
    const afterSecond = state(TWO_RATES, credited(MathBN.add(17, "25.5")))
    expect(afterSecond).toMatchObject({ order_total: "127.5", credit_line_total: "42.5" })
    expect(net(TWO_RATES, afterFirst)).toBe("22.5")
    expect(net(TWO_RATES, afterSecond)).toBe("18.75")

    // Booked corrections add up to 25 % of the sale, the share refunded in all.
    const first = planCommissionCorrection({
      net: net(TWO_RATES, afterFirst),
      booked: "25",
      sale: { status: "pending", available_at: null },
      clawback_after_payout: true,
    })!
    const second = planCommissionCorrection({
      net: net(TWO_RATES, afterSecond),
      booked: MathBN.add(25, first.amount),
      sale: { status: "pending", available_at: null },
      clawback_after_payout: true,
    })!
    expect([first.amount, second.amount]).toEqual(["-2.5", "-3.75"])
  })

  it("a full refund leaves nothing: total 0, the whole order in the credit line", () => {
    const st = state(TWO_RATES, credited(TOTAL))
    expect(st).toMatchObject({ order_total: "0", credit_line_total: "170" })
    expect(net(TWO_RATES, st)).toBe("0")
  })

  it("an order whose total and credit lines add up to nothing or less earns nothing", () => {
    expect(net(TWO_RATES, state(TWO_RATES, { order_total: 0, credit_line_total: 0 }))).toBe("0")
    expect(net(TWO_RATES, state(TWO_RATES, { order_total: -10, credit_line_total: 5 }))).toBe("0")
  })
})

describe("a flat order amount is kept while any credited line with a base is kept", () => {
  // Order total 140: 40 + 60 + 30 of goods plus 10 of shipping.
  const FLAT = sale(
    frozen("item_a", 1, "40", null, "5", "order_flat"),
    frozen("item_b", 1, "60", null, "0", "program"),
    frozen("item_x", 1, "30", null, "0", "excluded")
  )

  it("returning the line that carries the flat amount keeps it while another credited line is kept", () => {
    const st = state(FLAT, {
      items: withItems(FLAT, { item_a: { quantity: 1, returned_quantity: 1 } }),
      order_total: 100,
    })
    expect(net(FLAT, st)).toBe("5")
  })

  it("returning every credited line removes the flat amount, whatever excluded lines are kept", () => {
    const st = state(FLAT, {
      items: withItems(FLAT, {
        item_a: { quantity: 1, returned_quantity: 1 },
        item_b: { quantity: 1, returned_quantity: 1 },
      }),
      order_total: 40,
    })
    expect(net(FLAT, st)).toBe("0")
  })

  it("a kept free gift (base 0) does not keep the flat amount once the paid line is returned", () => {
    const gift = sale(
      frozen("item_paid", 1, "50", null, "5", "order_flat"),
      frozen("item_gift", 1, "0", null, "0", "program")
    )
    // 50 + 0 of goods plus 10 of shipping; after the return only the shipping is left
    const st = state(gift, {
      items: withItems(gift, { item_paid: { quantity: 1, returned_quantity: 1 } }),
      order_total: 10,
    })
    expect(net(gift, st)).toBe("0")
    // while the paid line is kept, the flat amount is
    expect(net(gift, state(gift, {}, 60))).toBe("5")
  })

  it("the flat amount is not split by a partial return of a credited line", () => {
    const multi = sale(frozen("item_a", 4, "80", null, "5", "order_flat"))
    const st = state(multi, {
      items: withItems(multi, { item_a: { quantity: 4, returned_quantity: 3 } }),
      order_total: 30,
    })
    expect(net(multi, st)).toBe("5")
  })

  it("a proportional refund lowers the flat amount too", () => {
    // 40 % of 140 credited back
    const st = state(FLAT, credited(56, 140))
    expect(net(FLAT, st)).toBe("3")
  })
})

describe("the net of an order is never below zero and never above its sale", () => {
  it("credit lines above the order's value never make the net negative", () => {
    const st = state(TWO_RATES, credited(250))
    expect(st).toMatchObject({ order_total: "-80", credit_line_total: "250" })
    expect(net(TWO_RATES, st)).toBe("0")
  })

  it("a negative order total never makes the net negative", () => {
    expect(net(TWO_RATES, state(TWO_RATES, { order_total: -100 }))).toBe("0")
  })

  it("a negative credit line never raises the net above the sale", () => {
    expect(net(TWO_RATES, state(TWO_RATES, { order_total: 220, credit_line_total: -50 }))).toBe("25")
  })

  it("lines that add up to more than the sale are capped at the sale amount", () => {
    const inflated = { amount: "20", lines: [A, B] }
    expect(net(inflated, state(inflated))).toBe("20")
  })
})

describe("planCommissionCorrection books the difference down to the net", () => {
  const pendingSale = { status: "pending" as const, available_at: new Date("2025-07-15T00:00:00.000Z") }

  it("no correction when the net equals what was booked (replaying an event changes nothing)", () => {
    expect(planCommissionCorrection({ net: "25", booked: "25", sale: pendingSale, clawback_after_payout: true })).toBeNull()
  })

  it("no correction when the net is above what was booked: the net only goes down", () => {
    expect(planCommissionCorrection({ net: "25", booked: "17.5", sale: pendingSale, clawback_after_payout: true })).toBeNull()
  })

  it("while the sale is pending the reversal is held with the sale's available_at", () => {
    expect(
      planCommissionCorrection({ net: "17.5", booked: "25", sale: pendingSale, clawback_after_payout: true })
    ).toEqual({ type: "reversal", amount: "-7.5", status: "pending", available_at: new Date("2025-07-15T00:00:00.000Z") })
  })

  it.each(["available", "requested"] as const)("while the sale is %s the reversal is available at once", (status) => {
    expect(
      planCommissionCorrection({ net: "10", booked: "25", sale: { status, available_at: pendingSale.available_at }, clawback_after_payout: true })
    ).toEqual({ type: "reversal", amount: "-15", status: "available", available_at: null })
  })

  it("after the sale was paid a clawback lands available", () => {
    expect(
      planCommissionCorrection({ net: 0, booked: 25, sale: { status: "paid", available_at: pendingSale.available_at }, clawback_after_payout: true })
    ).toEqual({ type: "clawback", amount: "-25", status: "available", available_at: null })
  })

  it("after the sale was paid nothing is booked when clawbacks are off", () => {
    expect(
      planCommissionCorrection({ net: 0, booked: 25, sale: { status: "paid", available_at: null }, clawback_after_payout: false })
    ).toBeNull()
  })

  it("turning clawbacks off does not stop a reversal before payout", () => {
    expect(
      planCommissionCorrection({ net: 0, booked: 25, sale: pendingSale, clawback_after_payout: false })
    ).toMatchObject({ type: "reversal", amount: "-25" })
  })

  const amounts = [
    ["0", "0.0000001", "-0.0000001"],
    ["0", "123456789012345678901234.5", "-123456789012345678901234.5"],
    ["6.6666666666666666667", "10", "-3.3333333333333333333"],
  ]
  it.each(
    (["pending", "available", "paid"] as const).flatMap((status) => amounts.map(([n, b, e]) => [status, n, b, e] as const))
  )("with the sale %s, net %s against booked %s is booked as the plain decimal %s", (status, netAmount, booked, expected) => {
    const correction = planCommissionCorrection({
      net: netAmount,
      booked,
      sale: { status, available_at: pendingSale.available_at },
      clawback_after_payout: true,
    })
    expect(correction?.amount).toBe(expected)
  })
})

describe("unexplainedRefund: what left the store that no return or edit explains", () => {
  const paid = (refunded: BigNumberInput, extra: Partial<OrderMoneyState> = {}): Partial<OrderMoneyState> => ({
    captured_total: TOTAL,
    refunded_total: refunded,
    ...extra,
  })

  it("is the credit lines when no refund is recorded on the payments (or none was captured)", () => {
    expect(unexplainedRefund(state(TWO_RATES, credited("30"))).toFixed()).toBe("30")
    expect(unexplainedRefund(state(TWO_RATES)).toFixed()).toBe("0")
  })

  it("agrees with the credit lines when Medusa recorded one per refund", () => {
    expect(unexplainedRefund(state(TWO_RATES, { ...credited("30"), ...paid("30") })).toFixed()).toBe("30")
  })

  it("follows the payments' refunds when concurrent refunds left fewer credit lines", () => {
    // Four refunds of 10 on the payment, but only two credit lines recorded.
    const st = state(TWO_RATES, { ...credited("20"), ...paid("40") })
    expect(unexplainedRefund(st).toFixed()).toBe("40")
    // 25 x (1 - 40/170)
    expect(net(TWO_RATES, st)).toBe(MathBN.mult(25, MathBN.sub(1, MathBN.div(40, 170))).toFixed())
  })

  it("an order total Medusa counted twice under the race is bounded by what was captured", () => {
    // Seen: a 170 order with four refunds of 17 read as total 306 with credit lines of 34.
    const st = state(TWO_RATES, { order_total: 306, credit_line_total: 34, ...paid("68") })
    expect(keptValue(st).toFixed()).toBe("170")
    expect(unexplainedRefund(st).toFixed()).toBe("68")
    expect(net(TWO_RATES, st)).toBe("15") // 25 x (1 - 68/170)
  })

  it("a refund that a received return explains is not unexplained", () => {
    // Item A (100) returned and refunded: the total drops to 70 and 100 left the store.
    const st = state(TWO_RATES, {
      items: withItems(TWO_RATES, { item_a: { quantity: 1, returned_quantity: 1 } }),
      order_total: 70,
      ...paid("100"),
    })
    expect(unexplainedRefund(st).toFixed()).toBe("0")
    expect(net(TWO_RATES, st)).toBe("15")
  })

  it("never more than was refunded, even when less was captured than the order is worth", () => {
    const st = state(TWO_RATES, { captured_total: 100, refunded_total: 10 })
    expect(unexplainedRefund(st).toFixed()).toBe("10")
  })
})
