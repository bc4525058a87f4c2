import Medusa, { FetchError } from "@medusajs/js-sdk"
import { medusaIntegrationTestRunner } from "@medusajs/test-utils"
import { ContainerRegistrationKeys } from "@medusajs/framework/utils"
import { affiliateStorefront, attachReferral, captureReferral, trackReferral } from "../../src/storefront"
import { affiliateService, createAffiliate, receiptOf } from "../fixtures/affiliates"
import { seedStore, TestStore } from "../fixtures/store"
import { checkOutWithSdk, storefrontSdk } from "../fixtures/js-sdk"

jest.setTimeout(180_000)

const DAY = 86_400_000
const STOREFRONT = "http://localhost:8000" // the test app's storeCors

/** What a browser sends back after a response set `cookies`. */
const jar = (cookies: Record<string, string>, set: { name: string; value: string }[]) => {
  for (const c of set) cookies[c.name] = c.value
  return cookies
}

medusaIntegrationTestRunner({
  testSuite: ({ api, getContainer }) => {
    const c = () => getContainer()
    let store: TestStore
    const sdk = () => storefrontSdk(api.defaults.baseURL as string, store.publishableKey)

    const clicksOf = async (code: string) => {
      const db = c().resolve(ContainerRegistrationKeys.PG_CONNECTION)
      return await db("affiliate_click")
        .join("affiliate", "affiliate.id", "affiliate_click.affiliate_id")
        .where("affiliate.code", code)
        .select("affiliate_click.*")
    }

    /** A customer who registers through the sdk and applies to the program from the portal. */
    const affiliateThroughPortal = async (email: string, code: string) => {
      const medusa = sdk()
      const registration = await medusa.auth.register("customer", "emailpass", { email, password: "kit-secret" })
      expect(typeof registration).toBe("string")
      await medusa.store.customer.create({ email, first_name: "Kit" })
      await medusa.auth.login("customer", "emailpass", { email, password: "kit-secret" })
      const portal = affiliateStorefront(medusa).portal
      const { affiliate } = await portal.apply({ code, payout_email: `pay-${email}` })
      await affiliateService(c()).updateAffiliates({ id: affiliate.id, status: "active" } as any)
      return { portal, affiliate }
    }

    /** The storefront's checkout of one shirt, through the sdk's own store functions. */
    const checkout = async (medusa: Medusa, cookies: Record<string, string>) => {
      const { cart } = await medusa.store.cart.create({ region_id: store.region.id, email: "shopper@kit.test" })
      const attached = await attachReferral(affiliateStorefront(medusa), cart.id, cookies, { secure: false })
      await medusa.store.cart.createLineItem(cart.id, { variant_id: store.products.shirt.variant_id, quantity: 1 })
      const orderId = await checkOutWithSdk(medusa, cart.id, store.shippingOption.id)
      return { orderId, attached }
    }

    beforeEach(async () => {
      store = await seedStore(c())
    })

    it("a shopper arrives by ?ref=, checks out, and the affiliate reads it all through the typed client", async () => {
      const program = await affiliateService(c()).retrieveDefaultProgram()
      await affiliateService(c()).updateAffiliatePrograms({ id: program.id, min_payout_amount: 5 } as any)
      const { portal, affiliate } = await affiliateThroughPortal("kit@kit.test", "kitty")
      expect(affiliate).toEqual(expect.objectContaining({ code: "KITTY", status: "pending", program: expect.objectContaining({ min_payout_amount: 5 }) }))

      // The storefront's middleware on the landing request, and on a second page.
      const shopper = sdk()
      const storefront = affiliateStorefront(shopper)
      const cookies: Record<string, string> = {}
      const landing = await trackReferral(storefront, { url: `${STOREFRONT}/products/shirt?ref=kitty&sub_id=spring`, cookies, referrer: "https://blog.example/" }, { secure: false })
      expect(landing.referral).toEqual(expect.objectContaining({ code: "KITTY", click_id: expect.stringMatching(/^afclk_/) }))
      jar(cookies, landing.cookies)
      const secondPage = await trackReferral(storefront, { url: `${STOREFRONT}/products/mug?ref=KITTY`, cookies }, { secure: false })
      expect(secondPage.click).toBeNull()
      const clicks = await clicksOf("KITTY")
      expect(clicks).toHaveLength(1)
      expect(clicks[0]).toEqual(
        expect.objectContaining({ id: landing.referral!.click_id, sub_id: "spring", referrer: "https://blog.example/", landing_url: `${STOREFRONT}/products/shirt?ref=kitty&sub_id=spring` })
      )

      const { orderId, attached } = await checkout(shopper, cookies)
      expect(attached!.cart.metadata).toEqual(expect.objectContaining({ affiliate_code: "KITTY", affiliate_click_id: landing.referral!.click_id }))
      const receipt = await receiptOf(c(), orderId)
      expect(receipt).toEqual(expect.objectContaining({ outcome: "credited", affiliate_id: affiliate.id, source: "link" }))

      // The affiliate's portal, as the storefront's account pages read it.
      const profile = await portal.retrieve({ fields: "id,code" })
      expect(profile).toEqual({
        affiliate: { id: affiliate.id, code: "KITTY" },
        // The program's minimum, said in each balance's currency.
        balances: [{ currency_code: "usd", pending: 10, available: 0, requested: 0, paid: 0, min_payout_amount: 5 }],
      })
      const page = await portal.listCommissions({ order: "-created_at", limit: 1, fields: "id,type,amount,order_id" })
      expect(page).toEqual({ commissions: [{ id: expect.any(String), type: "sale", amount: 10, order_id: orderId }], count: 1, offset: 0, limit: 1 })
      const { stats, series } = await portal.stats({ interval: "day" })
      expect(stats).toEqual({ clicks: 1, orders: 1, revenue: [{ currency_code: "usd", amount: 100 }], commission: [{ currency_code: "usd", amount: 10 }] })
      expect(series.length).toBeGreaterThan(0)

      // Due after the hold, then paid out on request.
      await affiliateService(c()).releaseDueCommissions({ now: new Date(Date.now() + 31 * DAY) })
      const { payout } = await portal.requestPayout({ currency_code: "usd" })
      expect(payout).toEqual(expect.objectContaining({ affiliate_id: affiliate.id, amount: 10, currency_code: "usd", status: "requested" }))
      expect(await portal.listPayouts({ order: "-created_at" })).toEqual(expect.objectContaining({ payouts: [expect.objectContaining({ id: payout.id })], count: 1 }))
      const again = await portal.requestPayout({ currency_code: "usd" }).catch((e) => e)
      expect(again).toBeInstanceOf(FetchError)
      expect(again.status).toBe(400)

      const from = new Date(Date.now() - DAY).toISOString().slice(0, 10)
      const to = new Date(Date.now() + 2 * DAY).toISOString().slice(0, 10)
      const { statement } = await portal.statement({ currency_code: "usd", from, to })
      expect(statement).toEqual(expect.objectContaining({ currency_code: "usd", opening: 0, earned: 10, paid: 0, closing: 10 }))
      expect(statement.entries.map((e) => e.order_id)).toEqual([orderId])
      const csv = await portal.statementCsv({ currency_code: "usd", from, to })
      const lines = csv.trim().split("\n")
      expect(lines[0]).toBe("line,date,id,type,status,order_id,payout_id,rate,base_amount,amount,currency_code,note")
      expect(lines.find((l) => l.startsWith("entry,"))).toContain(orderId)
      expect(lines.at(-1)).toMatch(/^closing,.*,10,usd,/)
    })

    it("the public routes answer as the types say, and an unknown code is the sdk's FetchError 404", async () => {
      await createAffiliate(c(), "PUBLIC")
      const storefront = affiliateStorefront(sdk())
      expect(await storefront.retrieve("public")).toEqual({ affiliate: { code: "PUBLIC", name: "Affiliate PUBLIC", promotion_codes: [], link_discount_code: null } })
      const recorded = await storefront.recordClick("PUBLIC", { session_id: "kit-session" })
      expect(recorded).toEqual({ click: { id: expect.stringMatching(/^afclk_/), affiliate_code: "PUBLIC", created_at: expect.any(String) }, deduplicated: false })
      expect((await storefront.recordClick("PUBLIC", { session_id: "kit-session" })).deduplicated).toBe(true)

      const missing = await storefront.retrieve("NOBODY").catch((e) => e)
      expect(missing).toBeInstanceOf(FetchError)
      expect(missing.status).toBe(404)

      // An unknown code on the landing page: no referral, no cookie, and the one carried stays.
      const carried = { affiliate_referral: captureReferral({ url: `${STOREFRONT}/?ref=PUBLIC&ref_click=${recorded.click.id}`, cookies: {} }).cookies.find((k) => k.name === "affiliate_referral")!.value }
      const unknown = await trackReferral(storefront, { url: `${STOREFRONT}/?ref=NOBODY`, cookies: carried })
      expect(unknown.referral).toEqual(expect.objectContaining({ code: "PUBLIC", click_id: recorded.click.id }))
      expect(unknown.cookies.map((k) => k.name)).toEqual(["affiliate_session"])
      expect(await clicksOf("NOBODY")).toEqual([])
    })

    describe("the tracking link GET /ref/:code works without JavaScript and is no open redirect", () => {
      const follow = (path: string, headers: Record<string, string> = {}) =>
        api.get(path, { maxRedirects: 0, validateStatus: () => true, headers })

      it("records the click and lands on the page with ref and ref_click, once per browser session", async () => {
        await createAffiliate(c(), "LINKY")
        const to = encodeURIComponent(`${STOREFRONT}/products/shirt?color=red`)
        const first = await follow(`/ref/linky?to=${to}&sub_id=newsletter&utm_source=mail&fbclid=x`, { referer: "https://mail.example/" })
        expect([first.status, first.data?.message]).toEqual([302, undefined])
        expect(first.headers["cache-control"]).toBe("no-store")
        const location = new URL(first.headers.location)
        expect(location.origin + location.pathname).toBe(`${STOREFRONT}/products/shirt`)
        expect(location.searchParams.get("color")).toBe("red")
        expect(location.searchParams.get("ref")).toBe("LINKY")
        const clickId = location.searchParams.get("ref_click")
        const [click] = await clicksOf("LINKY")
        expect(click).toEqual(expect.objectContaining({ id: clickId, sub_id: "newsletter", referrer: "https://mail.example/", landing_url: `${STOREFRONT}/products/shirt?color=red` }))

        // The same browser again: the session cookie makes it the same click.
        const cookie = (first.headers["set-cookie"] as string[]).find((k) => k.startsWith("affiliate_link_session="))!
        expect(cookie).toMatch(/HttpOnly/i)
        const second = await follow(`/ref/LINKY?to=${to}`, { cookie: cookie.split(";")[0] })
        expect(new URL(second.headers.location).searchParams.get("ref_click")).toBe(clickId)
        expect(await clicksOf("LINKY")).toHaveLength(1)

        // The storefront's capture on the landing page keeps that click and records none.
        const landed = captureReferral({ url: second.headers.location, cookies: {} })
        expect(landed.click).toBeNull()
        expect(landed.referral).toEqual(expect.objectContaining({ code: "LINKY", click_id: clickId }))
      })

      it("lands on the store's home page without `to`, and without a referral for an unknown code", async () => {
        await createAffiliate(c(), "HOMEY")
        const home = await follow("/ref/HOMEY")
        expect(home.status).toBe(302)
        expect(new URL(home.headers.location).origin).toBe(STOREFRONT)
        const unknown = await follow(`/ref/NOBODY?to=${encodeURIComponent(`${STOREFRONT}/sale`)}`)
        expect(unknown.status).toBe(302)
        expect(unknown.headers.location).toBe(`${STOREFRONT}/sale`)
        const suspended = await createAffiliate(c(), "SLEEPY", { status: "suspended" })
        expect((await follow(`/ref/SLEEPY`)).headers.location).toBe(`${STOREFRONT}/`)
        expect(await clicksOf(suspended.code)).toEqual([])
      })

      it("refuses a landing page off the store's origins with a 400 naming `to`, and records nothing", async () => {
        await createAffiliate(c(), "GUARD")
        for (const to of ["https://evil.example/", "https://localhost:8000.evil.example/", `${STOREFRONT}@evil.example/`, "//evil.example/", "javascript:alert(1)"]) {
          const refused = await follow(`/ref/GUARD?to=${encodeURIComponent(to)}`)
          expect(refused.status).toBe(400)
          expect(refused.data.message).toMatch(/to: /)
          expect(refused.headers.location).toBeUndefined()
        }
        expect(await clicksOf("GUARD")).toEqual([])
      })
    })
  },
})
