import { linkDiscountChange } from "../link-discount"

describe("linkDiscountChange", () => {
  it("puts the new referral's discount on and takes a replaced one off", () => {
    expect(linkDiscountChange(null, "ALICE10")).toEqual({ add: ["ALICE10"], remove: [] })
    expect(linkDiscountChange("ALICE10", "BOB10")).toEqual({ add: ["BOB10"], remove: ["ALICE10"] })
    expect(linkDiscountChange("ALICE10", null)).toEqual({ add: [], remove: ["ALICE10"] })
    expect(linkDiscountChange(null, null)).toEqual({ add: [], remove: [] })
  })

  it("the same referral again applies its discount again (the first attach may have met an empty cart)", () => {
    expect(linkDiscountChange("ALICE10", "ALICE10")).toEqual({ add: ["ALICE10"], remove: [] })
  })
})
