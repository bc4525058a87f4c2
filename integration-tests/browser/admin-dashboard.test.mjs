// The plugin's admin dashboard extension in a real browser: Playwright (playwright-core, no
// browser download) drives Debian's Chromium against a production build of a Medusa app that
// installed the packed plugin and holds the demo seed. Run through `npm run test:browser`
// (.ci/browser-test.sh sets that app up and passes BASE_URL and the login).
//
// The tests run in order in one browser session: the first one logs in, and later ones see
// what earlier ones changed (CARLA approved, EMMA's available balance paid out), so they run
// together against a freshly seeded store. Each one fails on an uncaught error in the page
// and on any failed API response it did not announce with expectApiError(). Element
// screenshots of every page's main content go to test-results/browser/ (BROWSER_ARTIFACTS).
import assert from "node:assert/strict"
import { readFileSync } from "node:fs"
import {
  addFilter,
  adminGet,
  adminPost,
  affiliateByCode,
  card,
  cell,
  columnTexts,
  emmaUsdBalance,
  filterChip,
  focusedId,
  payoutCount,
  storeGet,
  toast,
  usdText,
} from "./support/helpers.mjs"
import {
  ADMIN_EMAIL,
  ADMIN_PASSWORD,
  BASE_URL,
  expectApiError,
  mainContent,
  page,
  shoot,
  uiTest,
  useDashboardSession,
} from "./support/session.mjs"

useDashboardSession()

// ---------------------------------------------------------------------------------------

uiTest("log in and open Affiliates from the sidebar", async () => {
  // The dashboard may ask who is signed in before the login form and be told: nobody.
  expectApiError("GET", /^\/admin\/users\/me$/, 401, { optional: true })
  await page.goto(`${BASE_URL}/app/login`, { waitUntil: "networkidle" })
  await page.fill('input[name="email"]', ADMIN_EMAIL)
  await page.fill('input[name="password"]', ADMIN_PASSWORD)
  await page.click('button[type="submit"]')
  await page.waitForURL((url) => !url.pathname.includes("/login"))

  await page.locator('a[href="/app/affiliates"]').click()
  await page.waitForURL(`${BASE_URL}/app/affiliates`)
  await page.getByRole("heading", { name: "Affiliates", level: 1 }).waitFor()
  for (const code of ["ALICE", "BOB", "CARLA", "DEALHUNTER", "EMMA"]) {
    await cell(code).waitFor()
  }
  const carla = page.getByRole("row").filter({ has: cell("CARLA") })
  await carla.getByText("Pending").waitFor()
  const dealhunter = page.getByRole("row").filter({ has: cell("DEALHUNTER") })
  await dealhunter.getByText("Suspended").waitFor()
  await shoot("affiliates")
})

uiTest("search the affiliates", async () => {
  await page.getByPlaceholder("Search").fill("emma")
  await page.waitForURL(/[?&]q=emma/)
  await cell("EMMA").waitFor()
  await cell("ALICE").waitFor({ state: "detached" })
  assert.equal(await cell("BOB").count(), 0)
  await shoot("affiliates-search")

  await page.getByPlaceholder("Search").fill("")
  await cell("ALICE").waitFor()
})

uiTest("filter the affiliates from the Filter menu: the chip, the URL and the rows follow", async () => {
  await page.goto(`${BASE_URL}/app/affiliates`)
  await cell("ALICE").waitFor()

  await addFilter("Status", "Suspended")
  await page.waitForURL(/[?&]status=%22suspended%22/)
  await cell("ALICE").waitFor({ state: "detached" })
  assert.deepEqual(await columnTexts("Code"), ["DEALHUNTER"])
  assert.deepEqual(await columnTexts("Status"), ["Suspended"])
  await shoot("affiliates-filtered")

  // The chip's remove button clears the filter.
  await filterChip("Status").getByRole("button").last().click()
  await page.waitForURL((url) => !url.searchParams.has("status"))
  await cell("ALICE").waitFor()

  const { affiliate_programs: programs } = await adminGet("/admin/affiliate-programs?limit=100")
  const vip = programs.find((p) => p.name === "VIP partners")
  assert.ok(vip, "the seeded program VIP partners exists")
  const { affiliates: onVip } = await adminGet(`/admin/affiliates?program_id=${vip.id}&limit=100`)
  await addFilter("Program", "VIP partners")
  await page.waitForURL(new RegExp(`[?&]program_id=%22${vip.id}%22`))
  await cell("ALICE").waitFor({ state: "detached" })
  assert.deepEqual((await columnTexts("Code")).sort(), onVip.map((a) => a.code).sort())
  assert.ok(onVip.some((a) => a.code === "BOB"), "BOB is on VIP partners")
})

uiTest("create an affiliate: field errors for a bad and a taken code, then success", async () => {
  await page.goto(`${BASE_URL}/app/affiliates`)
  await page.getByRole("button", { name: "Create", exact: true }).first().click()
  const dialog = page.getByRole("dialog")
  await dialog.getByRole("heading", { name: "Create affiliate", level: 1 }).waitFor()

  // Checked in the browser: nothing is sent.
  const creates = []
  const countCreates = (request) => {
    if (request.method() === "POST" && new URL(request.url()).pathname === "/admin/affiliates") creates.push(request)
  }
  page.on("request", countCreates)
  await dialog.locator("#affiliate-code").fill("a!")
  await dialog.locator("#affiliate-name").fill("Browser Tester")
  await dialog.locator("#affiliate-email").fill("browser.tester@example.com")
  await dialog.getByRole("button", { name: "Create", exact: true }).click()
  const codeError = dialog.locator("#affiliate-code-error")
  await codeError.waitFor()
  assert.match(await codeError.innerText(), /3-32 characters/)
  assert.equal(await dialog.locator("#affiliate-code").getAttribute("aria-invalid"), "true")
  assert.equal(await focusedId(), "affiliate-code", "the first refused field gets the focus")
  // The error follows the value: still shown while the code is still too short, gone once it is valid.
  await dialog.locator("#affiliate-code").fill("ab")
  await dialog.locator("#affiliate-name").focus()
  assert.equal(await codeError.count(), 1, "a code that is still invalid keeps its error")
  await dialog.locator("#affiliate-code").fill("abc")
  await codeError.waitFor({ state: "detached" })
  page.off("request", countCreates)
  assert.equal(creates.length, 0, "a code the form refuses is not sent to the API")

  // Checked by the API: the code is ALICE's; its message lands at the code field.
  expectApiError("POST", /^\/admin\/affiliates$/, "4xx")
  await dialog.locator("#affiliate-code").fill("alice")
  const [created] = await Promise.all([
    page.waitForResponse((r) => r.url().endsWith("/admin/affiliates") && r.request().method() === "POST"),
    dialog.getByRole("button", { name: "Create", exact: true }).click(),
  ])
  assert.ok(created.status() >= 400 && created.status() < 500, `a taken code answered ${created.status()}`)
  await codeError.filter({ hasText: /ALICE|taken|already|in use|exists/i }).waitFor()
  await shoot("create-affiliate-error", dialog)

  await dialog.locator("#affiliate-code").fill("browser1")
  await dialog.getByRole("button", { name: "Create", exact: true }).click()
  await page.waitForURL(/\/app\/affiliates\/aff_/)
  await page.getByRole("heading", { name: "BROWSER1" }).first().waitFor()
  await toast("Affiliate BROWSER1 created").waitFor()
})

uiTest("approve CARLA from the list", async () => {
  await page.goto(`${BASE_URL}/app/affiliates?q=carla`)
  const row = page.getByRole("row").filter({ has: cell("CARLA") })
  await row.getByText("Pending").waitFor()
  await page.getByRole("button", { name: "Actions for CARLA" }).click()
  await page.getByRole("menuitem", { name: "Approve" }).click()
  const confirm = page.getByRole("alertdialog")
  await confirm.getByText("Approve affiliate?").waitFor()
  await confirm.getByRole("button", { name: "Approve" }).click()
  await toast("CARLA is now active").waitFor()
  await row.getByText("Active").waitFor()
  await shoot("affiliates-approved")
})

uiTest("link a promotion code: other affiliates' codes show their owner, and a refusal names code and owner", async () => {
  const alice = await affiliateByCode("ALICE")
  const emma = await affiliateByCode("EMMA")
  const { promotion } = await adminPost("/admin/promotions", {
    code: "BROWSERFREE",
    type: "standard",
    status: "active",
    is_automatic: false,
    application_method: { type: "percentage", target_type: "order", allocation: "across", value: 5 },
  })

  await page.goto(`${BASE_URL}/app/affiliates/${emma.id}`)
  await card("Promotion codes").getByRole("button", { name: "Link code" }).click()
  const drawer = page.getByRole("dialog")
  const search = drawer.locator("#link-promotions")

  // ALICE10 is ALICE's: shown with its owner, and it cannot be chosen.
  await search.fill("ALICE10")
  const owned = drawer.getByRole("option", { name: /ALICE10/ })
  await owned.filter({ hasText: "Linked to ALICE" }).waitFor()
  assert.equal(await owned.getAttribute("aria-disabled"), "true")
  await owned.click({ force: true })
  assert.equal(await drawer.getByLabel("Selected codes").count(), 0, "a code of another affiliate cannot be chosen")
  await shoot("link-promotion-owned", drawer)

  // BROWSERFREE is free when chosen, and linked to ALICE before the form is sent.
  await search.fill("BROWSERFREE")
  await drawer.getByRole("option", { name: /BROWSERFREE/ }).click()
  await drawer.getByLabel("Selected codes").getByText("BROWSERFREE").waitFor()
  await adminPost(`/admin/affiliates/${alice.id}/promotions`, { add: [promotion.id] })
  expectApiError("POST", new RegExp(`^/admin/affiliates/${emma.id}/promotions$`), "4xx")
  await drawer.getByRole("button", { name: "Link", exact: true }).click()
  const refusal = drawer.locator("#link-promotions-error")
  await refusal.waitFor()
  const message = await refusal.innerText()
  assert.match(message, /BROWSERFREE/, `the refusal names the code: ${message}`)
  assert.match(message, /ALICE/, `the refusal names the owner: ${message}`)
  assert.doesNotMatch(message, /promo_/, `the refusal shows no promotion id: ${message}`)
  await drawer.getByRole("option", { name: /BROWSERFREE/ }).filter({ hasText: "Linked to ALICE" }).waitFor()
  await shoot("link-promotion-refused", drawer)
})

uiTest("link discount: ALICE10 is applied through ALICE's referral link, chosen and undone on her page", async () => {
  const alice = await affiliateByCode("ALICE")
  const promotions = card("Promotion codes")
  await page.goto(`${BASE_URL}/app/affiliates/${alice.id}`)
  await promotions.getByRole("button", { name: "Actions for ALICE10" }).click()
  await page.getByRole("menuitem", { name: "Apply through the referral link" }).click()
  await toast("ALICE10 is applied through ALICE's link").waitFor()
  await promotions.getByText("Link discount", { exact: true }).waitFor()
  const { affiliate } = await adminGet(`/admin/affiliates/${alice.id}`)
  assert.equal(affiliate.promotions.find((p) => p.id === affiliate.link_promotion_id)?.code, "ALICE10")
  const { affiliate: landing } = await storeGet("/store/affiliates/alice")
  assert.equal(landing.link_discount_code, "ALICE10", "the landing page can say the discount is applied")
  await shoot("link-discount", promotions)

  await promotions.getByRole("button", { name: "Actions for ALICE10" }).click()
  await page.getByRole("menuitem", { name: "Stop applying through the link" }).click()
  await toast("No code is applied through the link").waitFor()
  await promotions.getByText("Link discount", { exact: true }).waitFor({ state: "detached" })
  assert.equal((await adminGet(`/admin/affiliates/${alice.id}`)).affiliate.link_promotion_id, null)
})

uiTest("EMMA's page: balances, activity chart, ledger and its CSV export", async () => {
  await page.goto(`${BASE_URL}/app/affiliates?q=emma`)
  await cell("EMMA").click()
  await page.waitForURL(/\/app\/affiliates\/aff_/)
  await page.getByRole("heading", { name: "EMMA" }).first().waitFor()

  const balances = card("Balances")
  await balances.getByText("USD", { exact: true }).waitFor()
  for (const bucket of ["Pending", "Available", "Requested", "Paid"]) {
    await balances.getByText(bucket, { exact: true }).waitFor()
  }
  // The amounts the API derives from the ledger (the seed pays out one of EMMA's sales and
  // leaves the other available, less a reversal and a clawback).
  const usd = await emmaUsdBalance()
  assert.ok(Number(usd.available) > 0 && Number(usd.paid) > 0, `EMMA's USD balance: ${JSON.stringify(usd)}`)
  for (const bucket of ["pending", "available", "requested", "paid"]) {
    await balances.getByText(usdText(usd[bucket]), { exact: true }).first().waitFor()
  }

  const activity = card("Activity")
  await activity.locator('svg[role="img"]').first().waitFor()
  const charts = await activity.locator('svg[role="img"]').evaluateAll((els) => els.map((e) => e.getAttribute("aria-label")))
  assert.ok(charts.some((label) => /^Clicks per day, total [1-9]/.test(label)), `chart labels: ${charts.join(" | ")}`)

  const ledger = card("Ledger")
  for (const type of ["Sale", "Reversal", "Clawback"]) {
    await ledger.getByRole("cell", { name: type, exact: true }).first().waitFor()
  }
  await shoot("affiliate-detail")

  const [download] = await Promise.all([
    page.waitForEvent("download"),
    ledger.getByRole("button", { name: "Export CSV" }).click(),
  ])
  assert.match(download.suggestedFilename(), /^ledger-aff_.*\.csv$/)
  const csv = readFileSync(await download.path(), "utf8").trim().split(/\r?\n/)
  const header = csv[0].toLowerCase()
  assert.match(header, /amount/, `CSV header: ${csv[0]}`)
  assert.match(header, /type/, `CSV header: ${csv[0]}`)
  assert.ok(csv.length >= 5, `the ledger CSV has ${csv.length - 1} rows, expected EMMA's 4+ entries`)
})

uiTest("payouts: a USD batch is previewed before it is requested, and marked paid only with a reference", async () => {
  const amount = usdText((await emmaUsdBalance()).available)
  const { preview: everyone } = await adminGet("/admin/affiliate-payouts/preview?currency_code=usd")
  assert.ok(everyone.count >= 1, `someone qualifies for a USD payout: ${JSON.stringify(everyone)}`)
  await page.locator('a[href="/app/affiliate-payouts"]').click()
  await page.getByRole("heading", { name: "Affiliate payouts", level: 1 }).waitFor()

  await page.getByRole("button", { name: "Create batch" }).click()
  const drawer = page.getByRole("dialog")
  await drawer.locator("#batch-currency").click()
  await page.getByRole("option", { name: "USD" }).click()
  // Who qualifies, how many and the total, before anything is requested.
  const preview = drawer.getByRole("region", { name: "Batch preview" })
  await preview.getByText(`${payoutCount(everyone.count)}, ${usdText(everyone.total)} in total`).waitFor()
  for (const affiliate of everyone.affiliates) {
    await preview.getByRole("row").filter({ hasText: affiliate.code }).filter({ hasText: usdText(affiliate.amount) }).waitFor()
  }
  await drawer.getByText("Only these affiliates").click()
  await drawer.locator("#batch-affiliates").fill("emma")
  await drawer.getByRole("option", { name: /^EMMA/ }).click()
  await drawer.getByLabel("Chosen affiliates").getByText(/^EMMA/).waitFor()
  await preview.getByText(`1 payout, ${amount} in total`).waitFor()
  await shoot("payout-batch-preview", drawer)
  await drawer.getByRole("button", { name: "Request payouts" }).click()
  await toast("1 payout requested").waitFor()
  await toast(`${amount} in total`).waitFor()

  const row = page.getByRole("row").filter({ hasText: "EMMA" }).filter({ hasText: amount })
  await row.getByText("Requested").waitFor()
  await shoot("payouts-requested")

  await row.getByRole("button", { name: /^Actions for payout/ }).click()
  await page.getByRole("menuitem", { name: "Mark as paid" }).click()
  const settle = page.getByRole("dialog")
  const settlements = []
  const countSettlements = (request) => {
    if (request.method() === "POST" && /\/paid$/.test(new URL(request.url()).pathname)) settlements.push(request)
  }
  page.on("request", countSettlements)
  await settle.getByRole("button", { name: "Mark as paid" }).click()
  await settle.locator("#payout-note-error").filter({ hasText: /reference/i }).waitFor()
  assert.equal(await focusedId(), "payout-note", "the reference field gets the focus")
  page.off("request", countSettlements)
  assert.equal(settlements.length, 0, "a payout is not marked paid without its reference")
  await settle.locator("#payout-note").fill("PAYPAL-BROWSER-TEST")
  await settle.getByRole("button", { name: "Mark as paid" }).click()
  await toast("marked paid").waitFor()
  await row.waitFor({ state: "detached" })
})

uiTest("a payout's page: its affiliate, reference and the ledger entries it paid", async () => {
  await page.goto(`${BASE_URL}/app/affiliate-payouts?status=%22paid%22`)
  await page.getByRole("row").filter({ hasText: "PAYPAL-BROWSER-TEST" }).click()
  await page.waitForURL(/\/app\/affiliate-payouts\/afpay_/)
  const id = new URL(page.url()).pathname.split("/").pop()
  const { affiliate_payout: payout } = await adminGet(`/admin/affiliate-payouts/${id}`)
  assert.equal(payout.reference, "PAYPAL-BROWSER-TEST")
  assert.ok(payout.entries.length >= 1, `the payout holds entries: ${JSON.stringify(payout)}`)

  const summary = card(usdText(payout.amount))
  await summary.getByText("Paid", { exact: true }).first().waitFor()
  await summary.getByText("PAYPAL-BROWSER-TEST").waitFor()
  await summary.getByRole("link", { name: /EMMA/ }).waitFor()
  const entries = card("Entries")
  await entries.getByRole("cell", { name: "Sale", exact: true }).first().waitFor()
  assert.equal(await entries.locator("tbody tr").count(), payout.entries.length)
  await shoot("payout-detail")
})

uiTest("payouts: the payment file asks for its currency and holds that currency only", async () => {
  const { affiliate_payouts: requested } = await adminGet("/admin/affiliate-payouts?status=requested&currency_code=usd&limit=1000")
  assert.ok(requested.length >= 1, "the seed leaves a requested USD payout (NINA's)")
  await page.goto(`${BASE_URL}/app/affiliate-payouts`)
  await page.waitForURL(/[?&]status=%22requested%22/)
  await page.getByRole("button", { name: "Export payment file" }).click()
  const dialog = page.getByRole("dialog")
  await dialog.locator("#payment-file-currency").click()
  await page.getByRole("option", { name: "USD" }).click()
  await shoot("payment-file-currency", dialog)
  const [download] = await Promise.all([
    page.waitForEvent("download"),
    dialog.getByRole("button", { name: "Download", exact: true }).click(),
  ])
  assert.equal(download.suggestedFilename(), "affiliate-payouts-usd.csv")
  const lines = readFileSync(await download.path(), "utf8").trim().split(/\r?\n/)
  assert.match(lines[0], /Recipient identifier/, `CSV header: ${lines[0]}`)
  assert.equal(lines.length - 1, requested.length, "one line per requested USD payout")
  assert.ok(lines.slice(1).every((line) => line.split(",")[2] === "USD"), `CSV lines: ${lines.join(" | ")}`)
})

uiTest("filter the payouts from the Filter menu: status and currency", async () => {
  await page.goto(`${BASE_URL}/app/affiliate-payouts`)
  await page.waitForURL(/[?&]status=%22requested%22/)
  await filterChip("Status").filter({ hasText: "Requested" }).waitFor()
  await filterChip("Status").getByRole("button").last().click()
  await page.waitForURL((url) => !url.searchParams.has("status"))

  await addFilter("Status", "Paid")
  await page.waitForURL(/[?&]status=%22paid%22/)
  const paidRow = page.getByRole("row").filter({ hasText: "PAYPAL-BROWSER-TEST" })
  await paidRow.waitFor()
  const statuses = await columnTexts("Status")
  assert.ok(statuses.length >= 2 && statuses.every((s) => s === "Paid"), `statuses: ${statuses.join(", ")}`)

  // Every seeded payout is in USD: EUR empties the list, USD brings the paid ones back.
  await addFilter("Currency", "EUR")
  await page.waitForURL(/[?&]currency_code=%22eur%22/)
  await page.getByText("Nothing to pay").waitFor()
  await filterChip("Currency").getByRole("button").first().click()
  await page.getByRole("listitem").filter({ hasText: /^USD$/ }).click()
  await page.keyboard.press("Escape")
  await page.waitForURL(/[?&]currency_code=%22usd%22/)
  await paidRow.waitFor()
  await shoot("payouts-filtered")
})

uiTest("programs under Settings", async () => {
  await page.goto(`${BASE_URL}/app/settings/affiliate-programs`)
  for (const name of ["VIP partners", "Instant payouts"]) {
    await page.getByRole("cell", { name, exact: true }).waitFor()
  }
  await shoot("programs")
  await page.getByRole("cell", { name: "VIP partners", exact: true }).click()
  await page.waitForURL(/\/app\/settings\/affiliate-programs\/afprog_/)
  await page.getByRole("heading", { name: "VIP partners" }).first().waitFor()
  await shoot("program-detail")
})

uiTest("edit a program's terms: a bad value is refused at its field, a good one is saved", async () => {
  await page.goto(`${BASE_URL}/app/settings/affiliate-programs`)
  await page.getByRole("cell", { name: "VIP partners", exact: true }).click()
  await page.waitForURL(/\/app\/settings\/affiliate-programs\/afprog_/)
  await page.getByRole("button", { name: "Actions for VIP partners" }).click()
  await page.getByRole("menuitem", { name: "Edit terms" }).click()
  const drawer = page.getByRole("dialog")
  await drawer.getByRole("heading", { name: "Edit terms" }).waitFor()

  const updates = []
  const countUpdates = (request) => {
    if (request.method() === "POST" && /\/admin\/affiliate-programs\/afprog_/.test(request.url())) updates.push(request)
  }
  page.on("request", countUpdates)
  await drawer.locator("#program-cookie").fill("-5")
  await drawer.getByRole("button", { name: "Save", exact: true }).click()
  await drawer.locator("#program-cookie-error").filter({ hasText: /whole number of days/ }).waitFor()
  assert.equal(await focusedId(), "program-cookie", "the refused field gets the focus")
  page.off("request", countUpdates)
  assert.equal(updates.length, 0, "terms the form refuses are not sent")

  await drawer.locator("#program-cookie").fill("45")
  await drawer.locator("#program-cookie-error").waitFor({ state: "detached" })
  await drawer.getByRole("button", { name: "Save", exact: true }).click()
  await toast("VIP partners updated").waitFor()
  await page.getByText("45 days", { exact: true }).waitFor()
  const { affiliate_programs: programs } = await adminGet("/admin/affiliate-programs?limit=100")
  assert.equal(programs.find((p) => p.name === "VIP partners").cookie_days, 45)
})

uiTest("a program's payouts in store credit are refused at the field without the loyalty plugin; its kind is saved", async () => {
  await page.goto(`${BASE_URL}/app/settings/affiliate-programs`)
  await page.getByRole("cell", { name: "VIP partners", exact: true }).click()
  await page.waitForURL(/\/app\/settings\/affiliate-programs\/afprog_/)
  const id = new URL(page.url()).pathname.split("/").pop()
  await page.getByRole("button", { name: "Actions for VIP partners" }).click()
  await page.getByRole("menuitem", { name: "Edit terms" }).click()
  const drawer = page.getByRole("dialog")
  await drawer.getByRole("heading", { name: "Edit terms" }).waitFor()

  // The demo has no @medusajs/loyalty-plugin: the API refuses, and the form says so at the field.
  await drawer.locator("#program-payout-method").click()
  await page.getByRole("option", { name: "Store credit (loyalty plugin)" }).click()
  expectApiError("POST", new RegExp(`^/admin/affiliate-programs/${id}$`), "4xx")
  await drawer.getByRole("button", { name: "Save", exact: true }).click()
  await drawer.locator("#program-payout-method-error").filter({ hasText: /@medusajs\/loyalty-plugin/ }).waitFor()
  await shoot("program-store-credit-refused", drawer)

  await drawer.locator("#program-payout-method").click()
  await page.getByRole("option", { name: "Paid by you (bank, PayPal)" }).click()
  await drawer.locator("#program-kind").click()
  await page.getByRole("option", { name: "Customers referring friends" }).click()
  await drawer.getByRole("button", { name: "Save", exact: true }).click()
  await toast("VIP partners updated").waitFor()
  await page.getByText("Customers referring friends (codes from the storefront)").waitFor()
  const { affiliate_program: saved } = await adminGet(`/admin/affiliate-programs/${id}`)
  assert.deepEqual([saved.kind, saved.payout_method], ["customer", "manual"])
  await adminPost(`/admin/affiliate-programs/${id}`, { kind: "affiliate" })
})

uiTest("promotion widget: ALICE10 belongs to ALICE", async () => {
  const { promotions } = await adminGet("/admin/promotions?q=ALICE10&fields=id,code")
  const promotion = promotions.find((p) => p.code === "ALICE10")
  assert.ok(promotion, "the seeded promotion ALICE10 exists")
  await page.goto(`${BASE_URL}/app/promotions/${promotion.id}`)
  const widget = card("Affiliate").filter({ hasText: "Orders using this code credit" })
  await widget.getByRole("link", { name: /ALICE/ }).waitFor()
  await widget.getByText("Alice Martin").waitFor()
  // The coupon-leak line shows the report's numbers for the code.
  const from = new Date(Date.now() - 90 * 86_400_000).toISOString().slice(0, 10)
  const { promotion_codes: [leak] } = await adminGet(`/admin/affiliate-reports/promotion-codes?code=ALICE10&from=${from}`)
  assert.ok(leak && leak.orders >= 2, `the seed's orders used ALICE10: ${JSON.stringify(leak)}`)
  await widget
    .getByText(`${leak.orders} orders in 90 days, ${leak.orders_without_click} without the affiliate's referral on the cart (${leak.share_without_click} %)`)
    .waitFor()
  await shoot("promotion-page")
  await shoot("promotion-widget", widget)
})

uiTest("customer widget: Olivia was referred by ALICE with ALICE10", async () => {
  const { customers } = await adminGet("/admin/customers?q=olivia.bennett&fields=id,email")
  const customer = customers.find((c) => c.email === "olivia.bennett@example.com")
  assert.ok(customer, "the seeded customer Olivia exists")
  await page.goto(`${BASE_URL}/app/customers/${customer.id}`)
  const widget = card("Affiliate").filter({ hasText: "Who referred this customer" })
  await widget.getByRole("link", { name: /ALICE/ }).waitFor()
  await widget.getByText("Promotion code ALICE10").waitFor()
  await widget.getByText("Live", { exact: true }).waitFor()
  await shoot("customer-page")
  await shoot("customer-widget", widget)
})

uiTest("customer widget: reassigning Olivia asks for an affiliate, then a confirmation, and moves her to BOB", async () => {
  const { customers } = await adminGet("/admin/customers?q=olivia.bennett&fields=id,email")
  const customer = customers.find((c) => c.email === "olivia.bennett@example.com")
  await page.goto(`${BASE_URL}/app/customers/${customer.id}`)
  const widget = card("Affiliate").filter({ hasText: "Who referred this customer" })
  await widget.getByRole("button", { name: "Reassign" }).click()
  const drawer = page.getByRole("dialog")
  await drawer.getByRole("heading", { name: "Reassign customer" }).waitFor()

  // No choice: refused in the browser, nothing sent.
  const reassignments = []
  const countReassignments = (request) => {
    if (request.method() === "POST" && new URL(request.url()).pathname.endsWith("/affiliate")) reassignments.push(request)
  }
  page.on("request", countReassignments)
  await drawer.getByRole("button", { name: "Reassign", exact: true }).click()
  await drawer.locator("#customer-affiliate-error").filter({ hasText: "Choose an affiliate" }).waitFor()
  assert.equal(reassignments.length, 0, "nothing is sent without a choice")

  await drawer.locator("#customer-affiliate").fill("BOB")
  await drawer.getByRole("option", { name: /^BOB · / }).click()
  await drawer.getByText("Selected: BOB").waitFor()
  assert.equal(await drawer.locator("#customer-affiliate-error").count(), 0, "the error goes once an affiliate is chosen")
  await drawer.getByRole("button", { name: "Reassign", exact: true }).click()
  const confirm = page.getByRole("alertdialog")
  await confirm.getByText("Move this customer?").waitFor()
  await confirm.getByRole("button", { name: "Reassign" }).click()
  await toast("Customer attributed to BOB").waitFor()
  page.off("request", countReassignments)
  assert.equal(reassignments.length, 1)
  await widget.getByText("Assigned by an admin").waitFor()
  const { attribution } = await adminGet(`/admin/customers/${customer.id}/affiliate`)
  assert.equal(attribution.source, "manual")
  assert.equal(attribution.affiliate.code, "BOB")
})

uiTest("order widget: the receipt of a credited order", async () => {
  // Ava used BOB's code BOBSHIRTS with a referral to ALICE on the cart: the code wins.
  const { orders } = await adminGet("/admin/orders?q=ava.rossi&fields=id,email,display_id")
  const order = orders.find((o) => o.email === "ava.rossi@example.com")
  assert.ok(order, "the seeded order of ava.rossi@example.com exists")
  await page.goto(`${BASE_URL}/app/orders/${order.id}`)
  const widget = card("Affiliate").filter({ hasText: "Credited" })
  await widget.getByRole("link", { name: /BOB/ }).first().waitFor()
  await widget.getByText("Affiliate promotion code").first().waitFor()
  const candidates = widget.getByRole("list", { name: "Attribution candidates" })
  await candidates.getByLabel("Won").first().waitFor()
  await candidates.getByLabel("Lost").first().waitFor()
  const entries = widget.getByRole("list", { name: "Ledger entries of this order" })
  await entries.getByText("Sale").first().waitFor()
  // Plain sentences for a store owner: no option names, no lower-case fragments.
  await widget.getByText("The order used BOBSHIRTS, a promotion code of BOB, so BOB is credited.").waitFor()
  await candidates.getByText("Credited: the order used this promotion code of BOB.").waitFor()
  await candidates
    .getByText("Not credited: the order also used an affiliate's promotion code, and a promotion code counts before a referral link.")
    .waitFor()
  assert.doesNotMatch(await widget.innerText(), /attributionPriority|precedence/)
  await shoot("order-page")
  await shoot("order-widget", widget)
})

uiTest("reviews: a held sale with its signals, declined with a reason; the order widget says so", async () => {
  // EMMA's program reviews email aliases, and the seed's emma+deals@ order is one.
  const { affiliate_commission_reviews: held } = await adminGet("/admin/affiliate-commission-reviews?status=required")
  const review = held.find((r) => r.affiliate.code === "EMMA")
  assert.ok(review, `the seed holds EMMA's own-mailbox order for review: ${JSON.stringify(held.map((r) => r.affiliate.code))}`)

  await page.locator('a[href="/app/affiliate-reviews"]').click()
  await page.waitForURL(/\/app\/affiliate-reviews/)
  await page.getByRole("heading", { name: "Affiliate reviews", level: 1 }).waitFor()
  const row = page.getByRole("row").filter({ hasText: "EMMA" })
  await row.getByText("Held for email alias").waitFor()
  await row
    .getByText("The buyer's email emma+deals@weeklyfinds.example.com reaches the affiliate's mailbox (emma@weeklyfinds.example.com).")
    .waitFor()
  await row.getByText("Required").waitFor()
  await shoot("reviews")

  // Select it and decline: without a reason the form refuses and sends nothing.
  await row.getByRole("checkbox").click()
  await page.getByText("1 selected").waitFor()
  await page.getByRole("button", { name: "Decline" }).click()
  const drawer = page.getByRole("dialog")
  await drawer.getByRole("heading", { name: "Decline held sales" }).waitFor()
  const decisions = []
  const countDecisions = (request) => {
    if (request.method() === "POST" && /affiliate-commission-reviews\/(approve|decline)$/.test(new URL(request.url()).pathname)) decisions.push(request)
  }
  page.on("request", countDecisions)
  await drawer.getByRole("button", { name: "Decline", exact: true }).click()
  await drawer.getByText("Enter the reason for declining").waitFor()
  assert.equal(decisions.length, 0, "a decline without a reason is not sent")
  await drawer.locator("#review-reason").fill("Bought from her own mailbox")
  await drawer.getByRole("button", { name: "Decline", exact: true }).click()
  await toast("1 sale declined").waitFor()
  page.off("request", countDecisions)
  assert.equal(decisions.length, 1)
  await page.getByText("Nothing to review").waitFor()

  const { affiliate_commission_reviews: [decided] } = await adminGet(`/admin/affiliate-commission-reviews?id=${review.id}`)
  assert.equal(decided.status, "declined")
  assert.equal(decided.reason, "Bought from her own mailbox")
  assert.ok(decided.reversal_id, "the decline booked a reversal")

  // The order's widget: the fired signal in words and the decision.
  await page.goto(`${BASE_URL}/app/orders/${review.order_id}`)
  const widget = card("Affiliate").filter({ hasText: "Credited" })
  const signals = widget.getByRole("list", { name: "Risk signals" })
  await signals.getByText("The buyer's email emma+deals@weeklyfinds.example.com reaches the affiliate's mailbox").waitFor()
  await widget.getByText('Held for review (email alias): declined, "Bought from her own mailbox".').waitFor()
  const entries = widget.getByRole("list", { name: "Ledger entries of this order" })
  await entries.getByText("Reversal").first().waitFor()
  await shoot("order-widget-review", widget)
})

uiTest("a program's fraud rules: shown in words, a half rule refused at its field, a good one saved", async () => {
  await page.goto(`${BASE_URL}/app/settings/affiliate-programs`)
  await page.getByRole("cell", { name: "Instant payouts", exact: true }).click()
  await page.waitForURL(/\/app\/settings\/affiliate-programs\/afprog_/)
  const section = card("Fraud rules")
  await section.getByText("The buyer's email reaches the affiliate's mailbox").waitFor()
  await section.getByText("Credit the code wherever it is used").waitFor()
  await shoot("program-fraud-rules", section)

  await page.getByRole("button", { name: "Fraud rules actions" }).click()
  await page.getByRole("menuitem", { name: "Edit fraud rules" }).click()
  const drawer = page.getByRole("dialog")
  await drawer.getByRole("heading", { name: "Edit fraud rules" }).waitFor()
  const updates = []
  const countUpdates = (request) => {
    if (request.method() === "POST" && /\/admin\/affiliate-programs\/afprog_/.test(request.url())) updates.push(request)
  }
  page.on("request", countUpdates)
  // New affiliates' first orders without a hold: refused at the hold, nothing sent.
  await drawer.locator("#risk-new_first_orders").fill("5")
  await drawer.getByRole("button", { name: "Save", exact: true }).click()
  await drawer.getByText("Enter how long new affiliates' sales are held").waitFor()
  assert.equal(updates.length, 0, "rules the form refuses are not sent")

  await drawer.locator("#risk-new_hold_days").fill("60")
  await drawer.getByLabel("The affiliate's code was used without their link").click()
  await drawer.locator("#risk-code-binding").click()
  await page.getByRole("option", { name: "Credit it only with the affiliate's own link (else nobody)" }).click()
  await drawer.getByRole("button", { name: "Save", exact: true }).click()
  await toast("Instant payouts: fraud rules saved").waitFor()
  page.off("request", countUpdates)
  assert.equal(updates.length, 1)
  await section.getByText("Held 60 days for their first 5 orders").waitFor()
  await section.getByText("Credit it only with the affiliate's own link (else nobody)").waitFor()

  const { affiliate_programs: programs } = await adminGet("/admin/affiliate-programs?limit=100")
  const rules = programs.find((p) => p.name === "Instant payouts").risk_rules
  assert.deepEqual(rules.review_on, ["visitor_match", "contact_match", "email_alias", "code_without_click"])
  assert.equal(rules.code_binding, "no_credit")
  assert.deepEqual(rules.holds.new_affiliate, { first_orders: 5, first_days: null, hold_days: 60 })
})
