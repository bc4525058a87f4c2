// Run by .ci/pack-test.sh in a storefront-like project that has only @medusajs/js-sdk,
// TypeScript and the packed plugin (no framework): the kit's types resolve through the
// package's exports and are real types (the @ts-expect-error lines fail the compile if they
// were `any`), and the compiled kit talks to the running app.
// Usage (after tsc): node storefront-check.js <base url> <publishable key>
import Medusa from "@medusajs/js-sdk"
import {
  affiliateStorefront,
  captureReferral,
  trackReferral,
  type PortalProfileResponse,
  type StoreAffiliateResponse,
} from "medusa-affiliates/storefront"

const [baseUrl, publishableKey] = process.argv.slice(2)
const sdk = new Medusa({ baseUrl, publishableKey, auth: { type: "jwt", jwtTokenStorageMethod: "memory" } })
const affiliates = affiliateStorefront(sdk)

function check(condition: boolean, message: string): asserts condition {
  if (!condition) throw new Error(`storefront check: ${message}`)
}

// Compile-time only: the response types are precise.
const typed = (profile: PortalProfileResponse) => {
  const code: string = profile.affiliate.code
  const available: number = profile.balances[0].available
  // @ts-expect-error: the portal profile has no such field
  profile.affiliate.not_a_field
  // @ts-expect-error: a payout is requested in one currency, named
  void affiliates.portal.requestPayout({})
  return [code, available]
}
void typed

async function main() {
  const landing: StoreAffiliateResponse = await affiliates.retrieve("alice")
  check(landing.affiliate.code === "ALICE" && landing.affiliate.promotion_codes.includes("ALICE10"), `unexpected ${JSON.stringify(landing)}`)

  const capture = await trackReferral(affiliates, { url: "http://localhost:8000/products/x?ref=alice", cookies: {} }, { secure: false })
  check(!!capture.referral?.click_id?.startsWith("afclk_"), `no click recorded: ${JSON.stringify(capture)}`)
  const cookies = Object.fromEntries(capture.cookies.map((c) => [c.name, c.value]))
  check(captureReferral({ url: "http://localhost:8000/?ref=ALICE", cookies }).click === null, "a second click in the same session")

  const link = await fetch(`${baseUrl}/ref/alice?to=${encodeURIComponent("http://localhost:8000/sale")}`, { redirect: "manual" })
  const location = new URL(link.headers.get("location") ?? "")
  check(link.status === 302 && location.searchParams.get("ref") === "ALICE", `the tracking link answered ${link.status} ${location}`)
  console.log("storefront kit: typed client, capture and tracking link work from the package")
}

main().catch((error) => {
  console.error(error)
  process.exit(1)
})
