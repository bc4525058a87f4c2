import { minimumPayout } from "../program-terms"

describe("minimumPayout", () => {
  it("says the minimum applies in each payout currency, formatted in the store's currencies", () => {
    const text = minimumPayout(50, ["usd", "eur"])
    expect(text).toMatch(/^\S*50\.00\S* · \S*50\.00\S* in each payout currency$/)
    expect(text).toContain(new Intl.NumberFormat(undefined, { style: "currency", currency: "USD" }).format(50))
    expect(text).toContain(new Intl.NumberFormat(undefined, { style: "currency", currency: "EUR" }).format(50))
  })

  it("without the store's currencies still says where it applies, and a zero minimum is none", () => {
    expect(minimumPayout("12.5", [])).toBe(`${(12.5).toLocaleString()} in each payout currency`)
    expect(minimumPayout(0, ["usd"])).toBe("None")
  })
})
