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
import { appendFileSync, mkdirSync, mkdtempSync, readFileSync, rmSync } from "node:fs"
import { tmpdir } from "node:os"
import { join } from "node:path"
import { after, before, test } from "node:test"
import { chromium } from "playwright-core"

const BASE_URL = required("BASE_URL").replace(/\/$/, "")
const ADMIN_EMAIL = required("ADMIN_EMAIL")
const ADMIN_PASSWORD = required("ADMIN_PASSWORD")
const CHROMIUM_PATH = process.env.CHROMIUM_PATH || "/usr/bin/chromium"
const ARTIFACTS = process.env.BROWSER_ARTIFACTS || join(process.cwd(), "test-results", "browser")
const VIEWPORT = { width: 1440, height: 1000 }
/** Long enough for a production page and its queries on a busy CI runner. */
const TIMEOUT = 20_000
/** A whole test, as a safety net: the steps time out much earlier. */
const TEST_TIMEOUT = 120_000

function required(name) {
  const value = process.env[name]
  if (!value) {
    throw new Error(`${name} is not set: run the browser tests with \`npm run test:browser\``)
  }
  return value
}

let context
let page
let profileDir

/** What went wrong in the page during the current test: page errors, unexpected API failures. */
let problems = []
/** API failures the current test provokes on purpose: { method, path: RegExp, status: number | "4xx" }. */
let expectedFailures = []

/**
 * Announces a failed API response the test provokes (a validation error, say). The test
 * fails if it does not happen, unless `optional`.
 */
function expectApiError(method, path, status, { optional = false } = {}) {
  expectedFailures.push({ method, path, status, optional, seen: false })
}

function isApi(url) {
  const { pathname } = new URL(url)
  return /^\/(admin|auth|store)\//.test(pathname)
}

before(async () => {
  mkdirSync(ARTIFACTS, { recursive: true })
  profileDir = mkdtempSync(join(tmpdir(), "medusa-affiliates-chromium-"))
  context = await chromium.launchPersistentContext(profileDir, {
    executablePath: CHROMIUM_PATH,
    headless: process.env.HEADED !== "1",
    viewport: VIEWPORT,
    acceptDownloads: true,
    locale: "en-US",
    timezoneId: "UTC",
    args: [
      "--no-sandbox",
      "--disable-gpu",
      "--disable-quic",
      "--no-first-run",
      "--disable-background-networking",
      "--disable-component-update",
      "--disable-sync",
    ],
  })
  context.setDefaultTimeout(TIMEOUT)
  page = context.pages()[0] ?? (await context.newPage())
  page.on("pageerror", (error) => problems.push(`page error on ${page.url()}: ${error.stack || error.message}`))
  page.on("response", (response) => {
    const status = response.status()
    if (status < 400 || !isApi(response.url())) {
      return
    }
    const method = response.request().method()
    const { pathname, search } = new URL(response.url())
    const expected = expectedFailures.find(
      (e) =>
        !e.seen &&
        e.method === method &&
        e.path.test(pathname) &&
        (e.status === status || (e.status === "4xx" && status < 500))
    )
    if (expected) {
      expected.seen = true
      return
    }
    problems.push(`unexpected ${status} from ${method} ${pathname}${search} (on ${page.url()})`)
  })
  // No answer at all (the server died, say). Requests aborted by a navigation are normal.
  page.on("requestfailed", (request) => {
    const failure = request.failure()?.errorText ?? ""
    if (isApi(request.url()) && !failure.includes("ERR_ABORTED")) {
      problems.push(`${request.method()} ${new URL(request.url()).pathname} failed: ${failure}`)
    }
  })
  // Console errors do not fail a test (the core dashboard logs some of its own); they are
  // kept next to the screenshots for whoever investigates a failure.
  page.on("console", (message) => {
    if (message.type() === "error") {
      appendFileSync(join(ARTIFACTS, "console-errors.txt"), `${page.url()}\n  ${message.text()}\n`)
    }
  })
})

after(async () => {
  await context?.close()
  if (profileDir) {
    rmSync(profileDir, { recursive: true, force: true })
  }
})

/**
 * A test in the shared session: on failure it saves a screenshot of the whole window
 * (FAILED-<name>.png); it fails on page errors and unexpected API failures, and when an
 * announced API failure did not happen.
 */
function uiTest(name, fn) {
  test(name, { timeout: TEST_TIMEOUT }, async () => {
    problems = []
    expectedFailures = []
    try {
      await fn()
      await page.waitForLoadState("networkidle").catch(() => undefined)
    } catch (error) {
      await page
        .screenshot({ path: join(ARTIFACTS, `FAILED-${slug(name)}.png`), fullPage: true })
        .catch(() => undefined)
      if (problems.length) {
        error.message += `\nAlso seen in the page:\n  ${problems.join("\n  ")}`
      }
      throw error
    }
    assert.deepEqual(problems, [], "page errors or failed API responses")
    const missed = expectedFailures.filter((e) => !e.seen && !e.optional)
    assert.deepEqual(
      missed.map((e) => `${e.status} from ${e.method} ${e.path}`),
      [],
      "API failures the test expected did not happen"
    )
  })
}

const slug = (text) => text.toLowerCase().replace(/[^a-z0-9]+/g, "-").replace(/^-|-$/g, "")

/** The page's main content (the dashboard's <main> column, without sidebar and top bar). */
const mainContent = () => page.locator("main > div").first()

/**
 * Saves an element screenshot as <name>.png. <main> scrolls by itself, so the window is made
 * as tall as the content first; anything still loading (skeletons) is waited out.
 */
async function shoot(name, locator = mainContent()) {
  await page.waitForLoadState("networkidle").catch(() => undefined)
  await page.locator('[aria-busy="true"], .animate-pulse').first().waitFor({ state: "detached", timeout: 5_000 }).catch(() => undefined)
  const height = await mainContent().evaluate((el) => Math.ceil(el.scrollHeight + el.getBoundingClientRect().top + 16))
  const resize = height > VIEWPORT.height
  if (resize) {
    await page.setViewportSize({ width: VIEWPORT.width, height: Math.min(height, 6000) })
  }
  try {
    // Let toasts fade and the layout settle after the resize.
    await page.waitForTimeout(300)
    await locator.screenshot({ path: join(ARTIFACTS, `${name}.png`), animations: "disabled" })
  } finally {
    if (resize) {
      await page.setViewportSize(VIEWPORT)
    }
  }
}

/** A GET on the admin API with the browser's session (to look up ids of seeded records). */
async function adminGet(path) {
  const response = await page.request.get(`${BASE_URL}${path}`)
  assert.equal(response.status(), 200, `GET ${path} answered ${response.status()}: ${await response.text()}`)
  return response.json()
}

/** An amount as the dashboard shows it in the en-US browser: $1,234.56. */
const usdText = (amount) =>
  new Intl.NumberFormat("en-US", { style: "currency", currency: "USD" }).format(Number(amount ?? 0))

/** EMMA's USD balance as the admin API reports it: { pending, available, requested, paid }. */
async function emmaUsdBalance() {
  const { affiliates } = await adminGet("/admin/affiliates?q=EMMA")
  const emma = affiliates.find((a) => a.code === "EMMA")
  assert.ok(emma, "the seeded affiliate EMMA exists")
  const { balances } = await adminGet(`/admin/affiliates/${emma.id}`)
  const usd = balances.find((b) => b.currency_code.toLowerCase() === "usd")
  assert.ok(usd, `EMMA has a USD balance (balances: ${JSON.stringify(balances)})`)
  return usd
}

/** A card (Container) of the page by its heading. */
const card = (heading) =>
  page
    .locator("div.shadow-elevation-card-rest")
    .filter({ has: page.getByRole("heading", { name: heading, exact: true }) })
    .last()

const cell = (name) => page.getByRole("cell", { name, exact: true })
const toast = (text) => page.locator("[data-sonner-toast]").filter({ hasText: text }).first()

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

uiTest("payouts: a USD batch for EMMA pays her available balance, then it is marked paid", async () => {
  const amount = usdText((await emmaUsdBalance()).available)
  await page.locator('a[href="/app/affiliate-payouts"]').click()
  await page.getByRole("heading", { name: "Affiliate payouts", level: 1 }).waitFor()

  await page.getByRole("button", { name: "Create batch" }).click()
  const drawer = page.getByRole("dialog")
  await drawer.locator("#batch-currency").click()
  await page.getByRole("option", { name: "USD" }).click()
  await drawer.getByText("Only these affiliates").click()
  await drawer.locator("#batch-affiliates").fill("emma")
  await drawer.getByRole("option", { name: /^EMMA/ }).click()
  await drawer.getByLabel("Chosen affiliates").getByText(/^EMMA/).waitFor()
  await drawer.getByRole("button", { name: "Request payouts" }).click()
  await toast("1 payout requested").waitFor()
  await toast(`${amount} in total`).waitFor()

  const row = page.getByRole("row").filter({ hasText: "EMMA" }).filter({ hasText: amount })
  await row.getByText("Requested").waitFor()
  await shoot("payouts-requested")

  await row.getByRole("button", { name: /^Actions for payout/ }).click()
  await page.getByRole("menuitem", { name: "Mark as paid" }).click()
  const settle = page.getByRole("dialog")
  await settle.locator("#payout-note").fill("PAYPAL-BROWSER-TEST")
  await settle.getByRole("button", { name: "Mark as paid" }).click()
  await toast("marked paid").waitFor()
  await row.waitFor({ state: "detached" })

  await page.goto(`${BASE_URL}/app/affiliate-payouts?status=%22paid%22`)
  await page.getByRole("row").filter({ hasText: "PAYPAL-BROWSER-TEST" }).filter({ hasText: amount }).waitFor()
  await shoot("payouts-paid")
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

uiTest("promotion widget: ALICE10 belongs to ALICE", async () => {
  const { promotions } = await adminGet("/admin/promotions?q=ALICE10&fields=id,code")
  const promotion = promotions.find((p) => p.code === "ALICE10")
  assert.ok(promotion, "the seeded promotion ALICE10 exists")
  await page.goto(`${BASE_URL}/app/promotions/${promotion.id}`)
  const widget = card("Affiliate").filter({ hasText: "Orders using this code credit" })
  await widget.getByRole("link", { name: /ALICE/ }).waitFor()
  await widget.getByText("Alice Martin").waitFor()
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
  await shoot("order-page")
  await shoot("order-widget", widget)
})
