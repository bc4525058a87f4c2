import { parseAffiliateOptions } from "../options"

describe("plugin options", () => {
  it("every option is optional; defaults are the spec's", () => {
    expect(parseAffiliateOptions(undefined)).toEqual({
      defaultProgram: {
        name: "Default program",
        commissionType: "percentage",
        commissionValue: 10,
        holdDays: 30,
        cookieDays: 30,
        trailingMonths: null,
        firstOrderOnly: false,
        minPayoutAmount: 0,
        autoApprove: false,
      },
      attributionPriority: "code",
      allowSelfReferral: false,
      clawbackAfterPayout: true,
      commissionBase: "items",
      trackingLink: {},
    })
  })

  it("keeps what the store owner set and fills the rest", () => {
    const options = parseAffiliateOptions({
      defaultProgram: { commissionType: "flat", commissionValue: 250, trailingMonths: 12 },
      attributionPriority: "link",
      hashSalt: "pepper",
    })
    expect(options.defaultProgram).toEqual(
      expect.objectContaining({ commissionType: "flat", commissionValue: 250, trailingMonths: 12, holdDays: 30 })
    )
    expect(options.attributionPriority).toBe("link")
    expect(options.hashSalt).toBe("pepper")
    expect(parseAffiliateOptions({ trackingLink: { allowedOrigins: ["https://shop.example"], landingUrl: "https://shop.example/welcome" } }).trackingLink).toEqual({
      allowedOrigins: ["https://shop.example"],
      landingUrl: "https://shop.example/welcome",
    })
  })

  it("ignores the keys Medusa adds to every module's options", () => {
    expect(() => parseAffiliateOptions({ database: { clientUrl: "postgres://x" } })).not.toThrow()
  })

  it.each([
    [{ defaultProgram: { commissionValue: "10" } }, "defaultProgram.commissionValue"],
    [{ defaultProgram: { commissionValue: 150 } }, "defaultProgram.commissionValue"],
    [{ defaultProgram: { holdDays: -1 } }, "defaultProgram.holdDays"],
    [{ defaultProgram: { trailingMonths: 0 } }, "defaultProgram.trailingMonths"],
    [{ defaultProgram: { minPayoutAmount: -5 } }, "defaultProgram.minPayoutAmount"],
    [{ defaultProgram: { holdays: 3 } }, "defaultProgram.holdays"],
    [{ attributionPriority: "cookie" }, "attributionPriority"],
    [{ allowSelfReferral: "yes" }, "allowSelfReferral"],
    [{ clawbackAfterPayout: 1 }, "clawbackAfterPayout"],
    [{ commissionBase: "subtotal" }, "commissionBase"],
    [{ hashSalt: "" }, "hashSalt"],
    [{ trackingLink: { allowedOrigins: ["shop.example"] } }, "trackingLink.allowedOrigins.0"],
    [{ trackingLink: { allowedOrigins: ["javascript:alert(1)"] } }, "trackingLink.allowedOrigins.0"],
    [{ trackingLink: { allowedOrigins: [] } }, "trackingLink.allowedOrigins"],
    [{ trackingLink: { landingUrl: "/welcome" } }, "trackingLink.landingUrl"],
    [{ trackingLink: { allowed: ["https://shop.example"] } }, "trackingLink.allowed"],
    [{ attributionPriorty: "code" }, "attributionPriorty"],
  ])("a wrong option stops boot with a message naming it: %j", (options, name) => {
    expect(() => parseAffiliateOptions(options)).toThrow(
      expect.objectContaining({ message: expect.stringContaining(`\`${name}`) })
    )
  })
})
