import { allowedLandingOrigins, landingTarget, landingWithReferral } from "../tracking-link"

describe("allowedLandingOrigins", () => {
  it("takes the configured origins, else storeCors's, without paths, duplicates or patterns", () => {
    expect(allowedLandingOrigins(["https://shop.example/any/path", "https://shop.example"], "http://localhost:8000")).toEqual([
      "https://shop.example",
    ])
    expect(allowedLandingOrigins(undefined, "http://localhost:8000, https://www.shop.example,/\\.vercel\\.app$/")).toEqual([
      "http://localhost:8000",
      "https://www.shop.example",
    ])
    expect(allowedLandingOrigins(undefined, undefined)).toEqual([])
    expect(allowedLandingOrigins(["ftp://files.example", "javascript:alert(1)"], "")).toEqual([])
  })
})

describe("landingTarget", () => {
  const origins = ["https://shop.example", "http://localhost:8000"]

  it("lands on `to` when it is on an allowed origin", () => {
    const target = landingTarget("https://shop.example/products/shirt?color=red", origins)
    expect("url" in target && target.url.toString()).toBe("https://shop.example/products/shirt?color=red")
  })

  it("without `to`, lands on the configured page, else the first origin's home page", () => {
    expect(landingTarget(undefined, origins, "https://shop.example/welcome")).toEqual({ url: new URL("https://shop.example/welcome") })
    expect(landingTarget("", origins)).toEqual({ url: new URL("https://shop.example/") })
    expect(landingTarget(undefined, [])).toEqual({ error: expect.stringMatching(/^to: no landing page/) })
  })

  it("refuses any other origin, naming `to`: no open redirect", () => {
    for (const to of [
      "https://evil.example/",
      "https://shop.example.evil.example/",
      "https://shop.example@evil.example/",
      "http://shop.example/", // another scheme is another origin
      "https://shop.example:8443/",
    ]) {
      expect(landingTarget(to, origins)).toEqual({ error: expect.stringMatching(/^to: .* is not one of the store's origins/) })
    }
    for (const to of ["/relative/path", "//evil.example/", "javascript:alert(1)", "data:text/html,hi"]) {
      expect(landingTarget(to, origins)).toEqual({ error: "to: must be an absolute http(s) URL" })
    }
    expect(landingTarget(`https://shop.example/${"a".repeat(2048)}`, origins)).toEqual({ error: "to: must be at most 2048 characters" })
  })
})

describe("landingWithReferral", () => {
  it("adds ref and ref_click, keeping the page's own query, and replacing a ref already there", () => {
    const url = new URL("https://shop.example/p?utm_source=x&ref=OLD")
    expect(landingWithReferral(url, { code: "ALICE", click_id: "afclk_1" })).toBe(
      "https://shop.example/p?utm_source=x&ref=ALICE&ref_click=afclk_1"
    )
    expect(landingWithReferral(new URL("https://shop.example/"), null)).toBe("https://shop.example/")
  })
})
