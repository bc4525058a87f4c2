import { zodValidator } from "@medusajs/framework"
import { AdminUpdateAffiliateProgram } from "../validators"

/** The message of the 400 Medusa answers for `risk_rules`, as its validation middleware formats it. */
const refusal = async (risk_rules: unknown) =>
  zodValidator(AdminUpdateAffiliateProgram, { risk_rules }).then(
    () => "accepted",
    (error) => error.message as string
  )

describe("a program's risk_rules", () => {
  it("takes any part of the rules, and null for the defaults", async () => {
    expect(await refusal(null)).toBe("accepted")
    expect(await refusal({})).toBe("accepted")
    expect(
      await refusal({
        review_on: ["visitor_match", "email_alias"],
        email_same_domain: true,
        velocity: { factor: 2.5 },
        visitor_orders: { max_orders: 2, window_days: 7 },
        refund_rate: { max_percent: 100, min_orders: 5 },
        code_binding: "no_credit",
        holds: {
          new_affiliate: { first_orders: 10, hold_days: 60 },
          refund_rate: { over_percent: 20.5, hold_days: 45 },
          order_over: [{ currency_code: "USD", amount: "500", hold_days: 60 }, { currency_code: "eur", amount: 400, hold_days: 45 }],
        },
      })
    ).toBe("accepted")
    const parsed = await zodValidator(AdminUpdateAffiliateProgram, {
      risk_rules: { holds: { order_over: [{ currency_code: "USD", amount: 500, hold_days: 60 }] } },
    })
    expect(parsed.risk_rules?.holds?.order_over).toEqual([{ currency_code: "usd", amount: "500", hold_days: 60 }])
  })

  it("an unknown rule or signal is refused by its name", async () => {
    expect(await refusal({ velocty: { factor: 2 } })).toBe("Invalid request: risk_rules: unknown field velocty")
    expect(await refusal({ holds: { first_order: { hold_days: 3 } } })).toBe("Invalid request: risk_rules.holds: unknown field first_order")
    expect(await refusal({ review_on: ["ip_match"] })).toBe(
      "Invalid request: risk_rules.review_on: must be one of visitor_match, contact_match, email_alias, code_without_click, velocity, visitor_orders, refund_rate"
    )
    expect(await refusal({ review_on: ["velocity", "velocity"] })).toBe("Invalid request: risk_rules.review_on: names a signal twice")
    expect(await refusal({ code_binding: "strict" })).toBe("Invalid request: risk_rules.code_binding: must be one of off, no_credit, review")
  })

  it("a negative threshold, a percent over 100 or a fraction of an order is refused at its field", async () => {
    expect(await refusal({ velocity: { min_orders: -1 } })).toBe("Invalid request: risk_rules.velocity.min_orders: must be at least 1")
    expect(await refusal({ velocity: { factor: 0.5 } })).toBe("Invalid request: risk_rules.velocity.factor: must be at least 1")
    expect(await refusal({ refund_rate: { max_percent: 120 } })).toBe("Invalid request: risk_rules.refund_rate.max_percent: must be at most 100")
    expect(await refusal({ holds: { refund_rate: { over_percent: 101, hold_days: 10 } } })).toBe(
      "Invalid request: risk_rules.holds.refund_rate.over_percent: must be at most 100"
    )
    expect(await refusal({ holds: { refund_rate: { over_percent: 10, hold_days: -3 } } })).toBe(
      "Invalid request: risk_rules.holds.refund_rate.hold_days: must be at least 0"
    )
    expect(await refusal({ visitor_orders: { max_orders: 2.5 } })).toBe("Invalid request: risk_rules.visitor_orders.max_orders: must be a whole number")
    expect(await refusal({ holds: { order_over: [{ currency_code: "usd", amount: "-5", hold_days: 3 }] } })).toBe(
      "Invalid request: risk_rules.holds.order_over.0.amount: must be a non-negative decimal number"
    )
  })

  it("a hold for new affiliates says who is new; one amount per currency", async () => {
    expect(await refusal({ holds: { new_affiliate: { hold_days: 60 } } })).toBe(
      "Invalid request: risk_rules.holds.new_affiliate.first_orders: give first_orders, first_days or both"
    )
    expect(
      await refusal({
        holds: { order_over: [{ currency_code: "usd", amount: 5, hold_days: 3 }, { currency_code: "USD", amount: 9, hold_days: 9 }] },
      })
    ).toBe("Invalid request: risk_rules.holds.order_over.1.currency_code: usd has a rule already")
  })
})
