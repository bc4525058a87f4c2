import { zodValidator } from "@medusajs/framework"
import { AdminCreateAdjustment, AdminListCommissions } from "../../admin/affiliate-commissions/validators"
import { AdminCreateAffiliateProgram } from "../../admin/affiliate-programs/validators"
import { AdminGetAffiliatesParams } from "../../admin/affiliates/validators"
import { StoreApplyForAffiliate, StorePortalCommissionsParams, StorePortalStatsParams } from "../../store/customers/me/affiliate/validators"
import { AdminAffiliateReportParams } from "../../admin/affiliate-reports/validators"
import { StatementParams } from "../statement"

/** The message of the 400 Medusa answers for `input`, as its validation middleware formats it. */
const refusal = async (schema: Parameters<typeof zodValidator>[0], input: unknown) =>
  zodValidator(schema, input).then(
    () => "accepted",
    (error) => error.message as string
  )

describe("every refused field is named in the 400's message", () => {
  it("format, enum and refinement checks start with the field's path", async () => {
    expect(await refusal(StatementParams, { currency_code: "dollars" })).toBe(
      "Invalid request: currency_code: must be a three-letter currency code"
    )
    expect(await refusal(StatementParams, { currency_code: "usd", format: "xml" })).toBe(
      "Invalid request: format: must be one of json, csv"
    )
    expect(await refusal(StatementParams, { currency_code: "usd", to: "31.01.2026" })).toMatch(
      /^Invalid request: to: must be an ISO date or date-time/
    )
    expect(await refusal(AdminListCommissions, { created_at: { gte: "last-week" } })).toMatch(
      /^Invalid request: created_at\.gte: must be an ISO date or date-time/
    )
    expect(await refusal(StoreApplyForAffiliate, { payout_email: "nope" })).toBe(
      "Invalid request: payout_email: must be an email address"
    )
    expect(await refusal(AdminCreateAdjustment, { affiliate_id: "aff_1", amount: "-0.00", currency_code: "usd", note: "x" })).toBe(
      "Invalid request: amount: an adjustment cannot be zero"
    )
  })

  it("a period lies between 1970 and 9998, so no date reaches PostgreSQL that it cannot store", async () => {
    expect(await refusal(StatementParams, { currency_code: "usd", from: "0001-01-01", to: "9999-12-31" })).toBe(
      "Invalid request: from: must be from 1970 to 9998; to: must be from 1970 to 9998"
    )
    expect(await refusal(StorePortalStatsParams, { to: "+010000-01-01T00:00:00Z" })).toMatch(/^Invalid request: to: /)
    expect(await refusal(AdminListCommissions, { created_at: { lte: "9999-06-01" } })).toMatch(
      /^Invalid request: created_at\.lte: must be from 1970 to 9998/
    )
    expect(await refusal(StatementParams, { currency_code: "usd", from: "1970-01-01", to: "9998-12-31" })).toBe("accepted")
  })

  it("a value inside a list is named by its list; a field of a list item by its position", async () => {
    expect(await refusal(StorePortalCommissionsParams, { status: "lost" })).toBe(
      "Invalid request: status: must be one of pending, available, requested, paid"
    )
    expect(await refusal(AdminListCommissions, { type: "sale,bonus" })).toBe(
      'Invalid request: type: "bonus" is not one of sale, reversal, clawback, adjustment'
    )
    expect(await refusal(AdminGetAffiliatesParams, { status: "gone" })).toBe(
      "Invalid request: status: must be one of pending, active, suspended, rejected"
    )
    expect(
      await refusal(AdminCreateAffiliateProgram, {
        name: "P",
        commission_value: 10,
        rules: [{ target_type: "category", target_id: "pcat_1", commission_value: 5 }],
      })
    ).toBe("Invalid request: rules.0.target_type: must be one of product, collection")
  })

  it("a missing statement currency reads like its other errors; elsewhere Medusa words it", async () => {
    expect(await refusal(StatementParams, {})).toBe("Invalid request: currency_code: is required")
    expect(await refusal(AdminCreateAdjustment, { amount: 5, currency_code: "usd", note: "x" })).toBe(
      "Invalid request: Field 'affiliate_id' is required"
    )
  })

  it("a report of more than 400 intervals is refused naming interval", async () => {
    expect(await refusal(StorePortalStatsParams, { from: "2020-01-01", to: "2026-01-01" })).toMatch(
      /^Invalid request: interval: 2193 days from 2020-01-01T00:00:00\.000Z/
    )
    expect(await refusal(StorePortalStatsParams, { from: "2026-02-01", to: "2026-01-01" })).toBe(
      "Invalid request: from must be before to"
    )
  })
})

describe("a whole number in a query string", () => {
  it("is read from a string only: an array or an object for limit, offset or top is refused naming it", async () => {
    expect(await refusal(StorePortalCommissionsParams, { limit: ["5"] })).toMatch(/'limit'/)
    expect(await refusal(StorePortalCommissionsParams, { offset: ["1"] })).toMatch(/'offset'/)
    expect(await refusal(StorePortalCommissionsParams, { limit: { a: "1" } })).toMatch(/'limit'/)
    expect(await refusal(StorePortalCommissionsParams, { offset: "" })).toMatch(/'offset'/)
    expect(await refusal(AdminAffiliateReportParams, { top: ["3"] })).toMatch(/'top'/)
    expect(await zodValidator(StorePortalCommissionsParams, { limit: "5", offset: "10" })).toEqual(
      expect.objectContaining({ limit: 5, offset: 10 })
    )
    expect(await zodValidator(StorePortalCommissionsParams, {})).toEqual(expect.objectContaining({ limit: 50, offset: 0 }))
  })
})

describe("an unknown key inside a body or query object", () => {
  it("is refused naming where it is: the rule or the created_at range", async () => {
    const rule = { target_type: "product", target_id: "prod_1", commission_value: 5 }
    expect(await refusal(AdminCreateAffiliateProgram, { name: "P", commission_value: 5, rules: [{ ...rule, bonus: 1 }] })).toBe(
      "Invalid request: rules: unknown field bonus"
    )
    expect(await refusal(AdminListCommissions, { created_at: { gte: "2026-01-01", foo: "2026-01-02" } })).toBe(
      "Invalid request: created_at: unknown field foo"
    )
    expect(await zodValidator(AdminCreateAffiliateProgram, { name: "P", commission_value: 5, rules: [rule] })).toEqual(
      expect.objectContaining({ rules: [{ ...rule, commission_value: "5" }] })
    )
    expect(await zodValidator(AdminListCommissions, { created_at: { gte: "2026-01-01" } })).toEqual(
      expect.objectContaining({ created_at: { $gte: new Date("2026-01-01") } })
    )
  })
})
