// Run by .ci/pack-test.sh against the running app that installed the packed plugin: the
// portal and admin APIs over HTTP, as a storefront and the dashboard use them. A customer
// applies, an admin approves and books an adjustment, the affiliate requests a payout, the
// admin marks it paid, and the statement reconciles.
// Usage: node pack-api-flow.mjs <base url> <publishable key> <admin email> <admin password>
const [base, publishableKey, adminEmail, adminPassword] = process.argv.slice(2)

async function call(method, path, { token, body, store } = {}) {
  const headers = { "content-type": "application/json" }
  if (token) headers.authorization = `Bearer ${token}`
  if (store) headers["x-publishable-api-key"] = publishableKey
  const response = await fetch(`${base}${path}`, { method, headers, body: body ? JSON.stringify(body) : undefined })
  const text = await response.text()
  let data
  try {
    data = JSON.parse(text)
  } catch {
    data = text
  }
  if (!response.ok) {
    throw new Error(`${method} ${path} -> ${response.status} ${text}`)
  }
  console.log(`${method} ${path} -> ${response.status}`)
  return data
}

function expect(condition, message) {
  if (!condition) {
    throw new Error(`pack api flow: ${message}`)
  }
}

const { token: admin } = await call("POST", "/auth/user/emailpass", { body: { email: adminEmail, password: adminPassword } })

// A shopper registers and applies to the affiliate program from the storefront.
const email = `packer-${Date.now()}@example.com`
const password = "pack-secret"
const { token: registration } = await call("POST", "/auth/customer/emailpass/register", { body: { email, password } })
await call("POST", "/store/customers", { token: registration, store: true, body: { email, first_name: "Pat" } })
const { token: customer } = await call("POST", "/auth/customer/emailpass", { body: { email, password } })
const { affiliate } = await call("POST", "/store/customers/me/affiliate", { token: customer, store: true, body: { code: "packer" } })
expect(affiliate.code === "PACKER" && affiliate.status === "pending", `unexpected application ${JSON.stringify(affiliate)}`)

// The admin finds and approves them, and books a manual adjustment.
const { affiliates } = await call("GET", "/admin/affiliates?q=pack&status=pending", { token: admin })
expect(affiliates.some((a) => a.id === affiliate.id), "the applicant is not in the admin list")
await call("POST", `/admin/affiliates/${affiliate.id}`, { token: admin, body: { status: "active" } })
await call("POST", "/admin/affiliate-commissions", {
  token: admin,
  body: { affiliate_id: affiliate.id, amount: 25, currency_code: "usd", note: "pack test bonus" },
})

// The affiliate sees the balance and requests a payout; the admin pays it.
const profile = await call("GET", "/store/customers/me/affiliate", { token: customer, store: true })
const usd = profile.balances.find((b) => b.currency_code === "usd")
expect(usd && usd.available === 25, `unexpected balances ${JSON.stringify(profile.balances)}`)
const { payout } = await call("POST", "/store/customers/me/affiliate/payouts", { token: customer, store: true, body: { currency_code: "usd" } })
expect(payout.status === "requested" && payout.amount === 25, `unexpected payout ${JSON.stringify(payout)}`)
const { affiliate_payout: paid } = await call("POST", `/admin/affiliate-payouts/${payout.id}/paid`, { token: admin, body: { reference: "PACK-1" } })
expect(paid.status === "paid", `payout not paid: ${JSON.stringify(paid)}`)

// The statement reconciles: 0 + 25 adjustments - 25 paid = 0.
const { statement } = await call("GET", "/store/customers/me/affiliate/statement?currency_code=usd", { token: customer, store: true })
expect(
  statement.adjustments === 25 && statement.paid === 25 && statement.closing === 0 &&
    statement.opening + statement.earned - statement.reversed - statement.clawed_back + statement.adjustments - statement.paid === statement.closing,
  `statement does not reconcile: ${JSON.stringify(statement)}`
)
const { report } = await call("GET", "/admin/affiliate-reports?interval=day", { token: admin })
expect(Array.isArray(report.series) && report.series.length > 0, "the admin report has no series")

console.log("pack api flow: apply, approve, adjust, payout, paid and statement work through the packed plugin")
