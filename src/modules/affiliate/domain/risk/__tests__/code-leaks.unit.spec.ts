import { shareWithoutClick } from "../code-leaks"

describe("shareWithoutClick", () => {
  it("is the percent of orders without the affiliate's traffic, two decimals, exact", () => {
    expect(shareWithoutClick(5, 8)).toBe("62.5")
    expect(shareWithoutClick(1, 3)).toBe("33.33")
    expect(shareWithoutClick(3, 3)).toBe("100")
    expect(shareWithoutClick(0, 4)).toBe("0")
  })

  it("is 0 for a code without orders", () => {
    expect(shareWithoutClick(0, 0)).toBe("0")
  })
})
