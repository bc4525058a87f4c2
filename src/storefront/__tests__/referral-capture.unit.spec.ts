import { captureReferral, cartReferralBody, readReferral, referralCookie, withRecordedClick, withUnknownCode } from "../referral-capture"

const NOW = new Date("2026-12-07T12:00:00.000Z")
const DAY = 86_400_000

/** The cookies a browser would send back after a response set `cookies`. */
const jar = (...sets: { name: string; value: string }[][]) => Object.fromEntries(sets.flat().map((c) => [c.name, c.value]))

describe("captureReferral", () => {
  it("reads ?ref=, records one click in a new session, and sets the session and referral cookies", () => {
    const capture = captureReferral({
      url: "https://shop.example/products/shirt?ref=alice&sub_id=spring",
      cookies: {},
      referrer: "https://blog.example/post",
      now: NOW,
    })
    const session = capture.cookies.find((c) => c.name === "affiliate_session")!
    expect(session.options).toEqual({ path: "/", httpOnly: true, sameSite: "lax", secure: true })
    expect(session.value).toMatch(/^[0-9a-f-]{36}$/)
    expect(capture.click).toEqual({
      code: "ALICE",
      body: {
        session_id: session.value,
        sub_id: "spring",
        landing_url: "https://shop.example/products/shirt?ref=alice&sub_id=spring",
        referrer: "https://blog.example/post",
      },
    })
    expect(capture.referral).toEqual({ code: "ALICE", click_id: null, session_id: session.value, captured_at: NOW.toISOString() })
    const referral = capture.cookies.find((c) => c.name === "affiliate_referral")!
    expect(referral.options.maxAge).toBe(30 * 86_400)
    expect(readReferral(jar(capture.cookies), undefined, NOW)).toEqual(capture.referral)
  })

  it("records no second click for the same code in the same session, and a new one in the next session", () => {
    const first = withRecordedClick(captureReferral({ url: "https://shop.example/?ref=ALICE", cookies: {}, now: NOW }), "afclk_1", undefined, NOW)
    const later = new Date(NOW.getTime() + 3_600_000)
    const again = captureReferral({ url: "https://shop.example/other?ref=alice", cookies: jar(first.cookies), now: later })
    expect(again.click).toBeNull()
    expect(again.cookies).toEqual([])
    expect(again.referral).toEqual(first.referral)

    // The browser was closed: the session cookie is gone, the referral cookie stays.
    const { affiliate_session: _, ...persistent } = jar(first.cookies)
    const nextSession = captureReferral({ url: "https://shop.example/?ref=ALICE", cookies: persistent, now: later })
    expect(nextSession.click?.code).toBe("ALICE")
    expect(nextSession.click?.body.session_id).not.toBe(first.referral!.session_id)
  })

  it("lets the newest code win, in the same session", () => {
    const alice = withRecordedClick(captureReferral({ url: "https://shop.example/?ref=ALICE", cookies: {}, now: NOW }), "afclk_1", undefined, NOW)
    const bob = captureReferral({ url: "https://shop.example/?ref=BOB", cookies: jar(alice.cookies), now: NOW })
    expect(bob.click?.code).toBe("BOB")
    expect(bob.click?.body.session_id).toBe(alice.referral!.session_id)
    expect(bob.referral).toEqual(expect.objectContaining({ code: "BOB", click_id: null }))
  })

  it("keeps the click the tracking link recorded, and records none itself", () => {
    const capture = captureReferral({ url: "https://shop.example/p?ref=ALICE&ref_click=afclk_01ABC", cookies: {}, now: NOW })
    expect(capture.click).toBeNull()
    expect(capture.referral).toEqual(expect.objectContaining({ code: "ALICE", click_id: "afclk_01ABC" }))
    expect(cartReferralBody(capture.referral!)).toEqual({ click_id: "afclk_01ABC" })
  })

  it("without a valid ref, keeps what the shopper carries and writes nothing", () => {
    const carried = withRecordedClick(captureReferral({ url: "https://shop.example/?ref=ALICE", cookies: {}, now: NOW }), "afclk_1", undefined, NOW)
    for (const url of ["https://shop.example/", "https://shop.example/?ref=", "https://shop.example/?ref=a", "https://shop.example/?ref=%3Cscript%3E"]) {
      const capture = captureReferral({ url, cookies: jar(carried.cookies), now: NOW })
      expect(capture).toEqual({ referral: carried.referral, click: null, cookies: [] })
    }
  })

  it("cuts the landing URL and referrer to what the click route takes", () => {
    const capture = captureReferral({ url: `https://shop.example/?ref=ALICE&q=${"x".repeat(3000)}`, cookies: {}, referrer: "r".repeat(3000), now: NOW })
    expect(capture.click!.body.landing_url).toHaveLength(2048)
    expect(capture.click!.body.referrer).toHaveLength(2048)
  })

  it("takes cookies from a Next.js-style store with get(name)", () => {
    const first = withRecordedClick(captureReferral({ url: "https://shop.example/?ref=ALICE", cookies: {}, now: NOW }), "afclk_1", undefined, NOW)
    const values = jar(first.cookies)
    const store = { get: (name: string) => (values[name] ? { name, value: values[name]! } : undefined) }
    expect(captureReferral({ url: "https://shop.example/?ref=ALICE", cookies: store, now: NOW }).click).toBeNull()
  })
})

describe("readReferral", () => {
  const referral = { code: "ALICE", click_id: "afclk_1", session_id: "s", captured_at: NOW.toISOString() }

  it("honours the cookie window", () => {
    const cookies = jar([referralCookie(referral, { cookieDays: 7 }, NOW)])
    expect(readReferral(cookies, { cookieDays: 7 }, new Date(NOW.getTime() + 7 * DAY - 1))).toEqual(referral)
    expect(readReferral(cookies, { cookieDays: 7 }, new Date(NOW.getTime() + 7 * DAY))).toBeNull()
    expect(referralCookie(referral, { cookieDays: 7 }, new Date(NOW.getTime() + 6 * DAY)).options.maxAge).toBe(86_400)
  })

  it("ignores a malformed or tampered cookie", () => {
    for (const value of ["not json", encodeURIComponent('{"code":"<b>","session_id":"s","click_id":null,"captured_at":"2026-12-07T12:00:00Z"}'), encodeURIComponent('{"code":"ALICE","session_id":"s","click_id":"../x","captured_at":"2026-12-07T12:00:00Z"}'), encodeURIComponent('{"code":"ALICE","session_id":"s","click_id":null,"captured_at":"yesterday"}')]) {
      expect(readReferral({ affiliate_referral: value }, undefined, NOW)).toBeNull()
    }
  })
})

describe("withUnknownCode", () => {
  it("drops the new referral cookie and leaves the carried referral", () => {
    const carried = withRecordedClick(captureReferral({ url: "https://shop.example/?ref=ALICE", cookies: {}, now: NOW }), "afclk_1", undefined, NOW)
    const request = { url: "https://shop.example/?ref=NOBODY", cookies: jar(carried.cookies), now: NOW }
    const unknown = withUnknownCode(captureReferral(request, undefined), request)
    expect(unknown).toEqual({ referral: carried.referral, click: null, cookies: [] })
  })
})
