import { affiliateCodeStem, CODE_STEM_MAX, firstFreeAffiliateCode } from "../generate-affiliate-code"

describe("a generated affiliate code", () => {
  it("is the name's letters and digits, upper-case, accents dropped", () => {
    expect(affiliateCodeStem("Zoë O'Brien-Smith 2", "z@x.test")).toBe("ZOEOBRIENSMITH2")
  })

  it("falls back to the email's local part, then pads to three characters", () => {
    expect(affiliateCodeStem("李", "jane.doe@x.test")).toBe("JANEDOE")
    expect(affiliateCodeStem("", "j@x.test")).toBe("AFFJ")
  })

  it("keeps the stem short", () => {
    expect(affiliateCodeStem("a".repeat(40), "a@x.test")).toHaveLength(CODE_STEM_MAX)
  })

  it("adds the first number from 2 that is free", () => {
    expect(firstFreeAffiliateCode("JANE", [])).toBe("JANE")
    expect(firstFreeAffiliateCode("JANE", ["JANE", "JANE2", "JANE4"])).toBe("JANE3")
  })

  it("always fits the code format", () => {
    const code = firstFreeAffiliateCode(affiliateCodeStem("x".repeat(40), "x@x.test"), ["X".repeat(16)])
    expect(code).toMatch(/^[A-Z0-9_-]{3,32}$/)
  })
})
