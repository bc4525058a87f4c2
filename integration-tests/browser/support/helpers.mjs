// Locators and admin API calls the dashboard tests share. The API calls run with the
// browser's session, to look up seeded records and to set up what a test needs.
import assert from "node:assert/strict"
import { BASE_URL, mainContent, page } from "./session.mjs"

/** A GET on the admin API with the browser's session. */
export async function adminGet(path) {
  const response = await page.request.get(`${BASE_URL}${path}`)
  assert.equal(response.status(), 200, `GET ${path} answered ${response.status()}: ${await response.text()}`)
  return response.json()
}

/** A POST on the admin API with the browser's session. */
export async function adminPost(path, data) {
  const response = await page.request.post(`${BASE_URL}${path}`, { data })
  assert.equal(response.status(), 200, `POST ${path} answered ${response.status()}: ${await response.text()}`)
  return response.json()
}

/** A GET on a store route with the demo's publishable key (read through the admin API). */
export async function storeGet(path) {
  const { api_keys: [key] } = await adminGet("/admin/api-keys?type=publishable&limit=1&fields=id,token")
  assert.ok(key, "the demo has a publishable key")
  const response = await page.request.get(`${BASE_URL}${path}`, { headers: { "x-publishable-api-key": key.token } })
  assert.equal(response.status(), 200, `GET ${path} answered ${response.status()}: ${await response.text()}`)
  return response.json()
}

/** An amount as the dashboard shows it in the en-US browser: $1,234.56. */
export const usdText = (amount) =>
  new Intl.NumberFormat("en-US", { style: "currency", currency: "USD" }).format(Number(amount ?? 0))

/** A seeded affiliate by code, as the admin API lists it. */
export async function affiliateByCode(code) {
  const { affiliates } = await adminGet(`/admin/affiliates?q=${code}`)
  const affiliate = affiliates.find((a) => a.code === code)
  assert.ok(affiliate, `the seeded affiliate ${code} exists`)
  return affiliate
}

/** EMMA's USD balance as the admin API reports it: { pending, available, requested, paid }. */
export async function emmaUsdBalance() {
  const emma = await affiliateByCode("EMMA")
  const { balances } = await adminGet(`/admin/affiliates/${emma.id}`)
  const usd = balances.find((b) => b.currency_code.toLowerCase() === "usd")
  assert.ok(usd, `EMMA has a USD balance (balances: ${JSON.stringify(balances)})`)
  return usd
}

/** A card (Container) of the page by its heading. */
export const card = (heading) =>
  page
    .locator("div.shadow-elevation-card-rest")
    .filter({ has: page.getByRole("heading", { name: heading, exact: true }) })
    .last()

export const cell = (name) => page.getByRole("cell", { name, exact: true })
export const toast = (text) => page.locator("[data-sonner-toast]").filter({ hasText: text }).first()

/**
 * The list toolbar's Filter menu button. DataTable.FilterMenu renders an unlabelled icon
 * button; it is the first menu trigger of the page's content without a label of its own
 * (row menus are labelled "Actions for ...", the sort menu comes after it).
 */
export const filterMenuButton = () => mainContent().locator('button[aria-haspopup="menu"]:not([aria-label])').first()

/** A filter chip of the list's filter bar by its label ("Status"), with its value when set. */
export const filterChip = (label) =>
  mainContent().locator("div.shadow-borders-base").filter({ has: page.locator(`div:text-is("${label}")`) })

/** Adds a filter through the Filter menu and picks its value in the picker that opens. */
export async function addFilter(label, value) {
  await filterMenuButton().click()
  await page.getByRole("menuitem", { name: label, exact: true }).click()
  await page.getByRole("listitem").filter({ hasText: new RegExp(`^${value}$`) }).click()
  await page.keyboard.press("Escape")
  await filterChip(label).filter({ hasText: value }).waitFor()
}

/** The text of one column in every body row of the page's table. */
export async function columnTexts(header) {
  const headers = await mainContent().locator("thead th").allInnerTexts()
  const index = headers.findIndex((h) => h.trim() === header)
  assert.ok(index >= 0, `the table has a "${header}" column (columns: ${headers.join(" | ")})`)
  return (await mainContent().locator(`tbody tr td:nth-child(${index + 1})`).allInnerTexts()).map((text) => text.trim())
}

/** The id of the element that has the focus. */
export const focusedId = () => page.evaluate(() => document.activeElement?.id || null)

/** "1 payout", "3 payouts". */
export const payoutCount = (n) => `${n} payout${n === 1 ? "" : "s"}`
