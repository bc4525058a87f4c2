import { MedusaError } from "@medusajs/framework/utils"
import { expectMedusaError } from "./expect-medusa-error"
import {
  AFFILIATE_CODE_PATTERN,
  assertValidAffiliateCode,
  isValidAffiliateCode,
  normalizeAffiliateCode,
} from "../affiliate-code"

describe("an affiliate code is normalised: surrounding spaces trimmed, upper-cased", () => {
  it.each([
    ["abc", "ABC"],
    ["  summer-25  ", "SUMMER-25"],
    ["\tMiXeD_case\n", "MIXED_CASE"],
    ["ALREADY", "ALREADY"],
  ])("normalizeAffiliateCode(%j) is %j", (input, expected) => {
    expect(normalizeAffiliateCode(input)).toBe(expected)
  })

  it("spaces inside the code are kept (and then refused by validation)", () => {
    expect(normalizeAffiliateCode(" ab c ")).toBe("AB C")
  })

  it("assertValidAffiliateCode returns the normalised code, not the input", () => {
    expect(assertValidAffiliateCode("  summer_sale-1 ")).toBe("SUMMER_SALE-1")
  })

  it("two spellings that differ only in case and surrounding spaces are the same code", () => {
    expect(assertValidAffiliateCode(" jane-doe")).toBe(assertValidAffiliateCode("JANE-DOE "))
  })
})

describe("an affiliate code is 3 to 32 characters", () => {
  it.each([
    [2, false],
    [3, true],
    [4, true],
    [31, true],
    [32, true],
    [33, false],
  ])("a code of %i characters is valid: %s", (length, valid) => {
    const code = "A".repeat(length)
    expect(isValidAffiliateCode(code)).toBe(valid)
    if (valid) {
      expect(assertValidAffiliateCode(code)).toBe(code)
    } else {
      expectMedusaError(() => assertValidAffiliateCode(code), MedusaError.Types.INVALID_DATA, "code:")
    }
  })

  it("the length is counted after trimming: 2 characters padded with spaces are still too short", () => {
    expect(isValidAffiliateCode("  ab  ")).toBe(false)
    expectMedusaError(() => assertValidAffiliateCode("  ab  "), MedusaError.Types.INVALID_DATA, "code:")
  })

  it("the length is counted after trimming: 32 characters padded with spaces are accepted", () => {
    const code = "Z".repeat(32)
    expect(assertValidAffiliateCode(`  ${code}  `)).toBe(code)
  })

  it("an empty or blank code is refused", () => {
    expect(isValidAffiliateCode("")).toBe(false)
    expect(isValidAffiliateCode("   ")).toBe(false)
    expectMedusaError(() => assertValidAffiliateCode(""), MedusaError.Types.INVALID_DATA, "code:")
  })
})

describe("an affiliate code uses only A-Z, 0-9, '-' and '_'", () => {
  it.each(["ABC", "abc", "A1B2", "123", "A-B", "A_B", "---", "___", "X-9_y"])("%j is valid", (code) => {
    expect(isValidAffiliateCode(code)).toBe(true)
    expect(AFFILIATE_CODE_PATTERN.test(normalizeAffiliateCode(code))).toBe(true)
  })

  it.each([
    ["a space inside", "AB C"],
    ["a tab inside", "AB\tC"],
    ["a newline inside", "AB\nC"],
    ["a dot", "A.BC"],
    ["a slash", "AB/C"],
    ["a plus", "AB+C"],
    ["an @", "JANE@SHOP"],
    ["an accented letter", "CAFÉ"],
    ["a German umlaut", "ÄBC"],
    ["Cyrillic letters", "КОД1"],
    ["CJK characters", "コード12"],
    ["an emoji", "ABC🎉"],
    ["a full-width digit", "ABC１"],
    ["a non-breaking space inside", "AB\u00a0C"],
  ])("a code with %s is refused", (_label, code) => {
    expect(isValidAffiliateCode(code)).toBe(false)
    expectMedusaError(() => assertValidAffiliateCode(code), MedusaError.Types.INVALID_DATA, "code:")
  })
})

describe("only a string can be an affiliate code", () => {
  it.each([
    ["a number", 12345],
    ["null", null],
    ["undefined", undefined],
    ["an object", { code: "ABC" }],
    ["an array", ["ABC"]],
    ["a boolean", true],
  ])("%s is refused with INVALID_DATA naming the code field", (_label, value) => {
    expectMedusaError(() => assertValidAffiliateCode(value), MedusaError.Types.INVALID_DATA, "code:")
  })
})

describe("the error for an invalid code names the field and what was given", () => {
  it("the message starts with 'code:' and states the rule", () => {
    const err = expectMedusaError(
      () => assertValidAffiliateCode("a b"),
      MedusaError.Types.INVALID_DATA,
      "3-32 characters",
      "A-Z"
    )
    expect(err.message.startsWith("code:")).toBe(true)
  })

  it("the message quotes the rejected value", () => {
    expectMedusaError(() => assertValidAffiliateCode("no way!"), MedusaError.Types.INVALID_DATA, '"no way!"')
  })
})

describe("letters that upper-case into ASCII are still refused", () => {
  it.each(["aß1", "ıab", "ﬀx1"])("%j is not a code", (code) => {
    expect(isValidAffiliateCode(code)).toBe(false)
  })
})
