import { DEFAULT_RISK_RULES, riskRulesOf } from "../../../modules/affiliate/domain/risk/rules"
import { riskRulesFormFrom, riskRulesFormSchema, riskRulesPayload } from "../risk-rules-form"

const stored = riskRulesOf({
  review_on: ["velocity"],
  velocity: { factor: 4 },
  holds: { order_over: [{ currency_code: "usd", amount: "500", hold_days: 60 }] },
})

describe("the fraud rules form", () => {
  it("round-trips the rules it edits and sends back the parts it does not show", () => {
    const values = riskRulesFormFrom(stored)
    expect(values).toEqual({
      review_on: ["velocity"],
      code_binding: "off",
      email_same_domain: false,
      new_first_orders: "",
      new_first_days: "",
      new_hold_days: "",
      refund_over_percent: "",
      refund_hold_days: "",
    })
    const payload = riskRulesPayload(
      { ...values, review_on: ["code_without_click", "email_alias"], code_binding: "review", new_first_orders: "5", new_hold_days: "60" },
      stored
    )
    expect(payload).toEqual({
      ...stored,
      // In the rules' own order, whatever order they were ticked in.
      review_on: ["email_alias", "code_without_click"],
      code_binding: "review",
      holds: { ...stored.holds, new_affiliate: { first_orders: 5, first_days: null, hold_days: 60 }, refund_rate: null },
    })
    expect(payload.velocity).toEqual({ factor: 4, min_orders: DEFAULT_RISK_RULES.velocity.min_orders })
  })

  it("refuses a hold without what it applies to, half a refund rule and out-of-range numbers, each at its field", () => {
    const base = riskRulesFormFrom(stored)
    const issues = (patch: Partial<typeof base>) =>
      (riskRulesFormSchema.safeParse({ ...base, ...patch }).error?.issues ?? []).map((i) => [i.path.join("."), i.message])
    expect(issues({ new_first_orders: "3" })).toEqual([["new_hold_days", "Enter how long new affiliates' sales are held"]])
    expect(issues({ new_hold_days: "30" })).toEqual([["new_first_orders", "Enter the first orders or the first days that count as new"]])
    expect(issues({ refund_over_percent: "20" })).toEqual([["refund_hold_days", "Enter both the refund rate and the hold, or neither"]])
    expect(issues({ refund_over_percent: "120", refund_hold_days: "30" })).toEqual([["refund_over_percent", "Enter a percent from 0 to 100"]])
    expect(issues({ new_first_orders: "0", new_hold_days: "30" })[0][0]).toBe("new_first_orders")
    expect(issues({})).toEqual([])
  })
})
