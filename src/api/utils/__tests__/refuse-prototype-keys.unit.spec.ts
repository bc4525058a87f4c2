import { pathOfPrototypeQueryKey } from "../refuse-prototype-keys"

describe("query parameters named after Object.prototype's properties", () => {
  it("are found in the raw query string, nested ones by their path", () => {
    expect(pathOfPrototypeQueryKey("__proto__[status]=active")).toBe("__proto__.status")
    expect(pathOfPrototypeQueryKey("limit=5&constructor[prototype][polluted]=1")).toBe("constructor.prototype.polluted")
    expect(pathOfPrototypeQueryKey("toString=1")).toBe("toString")
    expect(pathOfPrototypeQueryKey("created_at[__proto__][gte]=2026-01-01")).toBe("created_at.__proto__.gte")
    expect(pathOfPrototypeQueryKey("%5F%5Fproto%5F%5F=1")).toBe("__proto__")
  })

  it("leave every other parameter alone", () => {
    expect(pathOfPrototypeQueryKey("")).toBeNull()
    expect(pathOfPrototypeQueryKey("limit=5&status[]=paid&created_at[gte]=2026-01-01&prototype=1&q=constructor")).toBeNull()
  })
})
