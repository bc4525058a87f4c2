// The shared browser session of the dashboard tests: one Chromium (playwright-core, Debian's
// binary) for the whole file, a test wrapper that fails on page errors and on API failures a
// test did not announce, and element screenshots into test-results/browser/.
import assert from "node:assert/strict"
import { appendFileSync, mkdirSync, mkdtempSync, rmSync } from "node:fs"
import { tmpdir } from "node:os"
import { join } from "node:path"
import { after, before, test } from "node:test"
import { chromium } from "playwright-core"

export const BASE_URL = required("BASE_URL").replace(/\/$/, "")
export const ADMIN_EMAIL = required("ADMIN_EMAIL")
export const ADMIN_PASSWORD = required("ADMIN_PASSWORD")
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
/** The one tab every test drives (a live binding: set when the session starts). */
export let page
let profileDir

/** What went wrong in the page during the current test: page errors, unexpected API failures. */
let problems = []
/** API failures the current test provokes on purpose: { method, path: RegExp, status: number | "4xx" }. */
let expectedFailures = []

/**
 * Announces a failed API response the test provokes (a validation error, say). The test
 * fails if it does not happen, unless `optional`.
 */
export function expectApiError(method, path, status, { optional = false } = {}) {
  expectedFailures.push({ method, path, status, optional, seen: false })
}

function isApi(url) {
  const { pathname } = new URL(url)
  return /^\/(admin|auth|store)\//.test(pathname)
}

/** Starts the browser before the file's first test and closes it after its last. */
export function useDashboardSession() {
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
}

/**
 * A test in the shared session: on failure it saves a screenshot of the whole window
 * (FAILED-<name>.png); it fails on page errors and unexpected API failures, and when an
 * announced API failure did not happen.
 */
export function uiTest(name, fn) {
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
export const mainContent = () => page.locator("main > div").first()

/**
 * Saves an element screenshot as <name>.png. <main> scrolls by itself, so the window is made
 * as tall as the content first; anything still loading (skeletons) is waited out.
 */
export async function shoot(name, locator = mainContent()) {
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
