// The cluster chaos test (run by .ci/cluster-test.sh, which builds the app and seeds it):
// two servers and two workers of one app on Redis (event bus, workflow engine, locking,
// cache), driven over HTTP as storefronts and the admin drive it, checked in SQL. Each
// scenario states what it proves; the figures go to RELIABILITY.md.
import fs from "node:fs"
import path from "node:path"
import { createRequire } from "node:module"
import { call, check, database, eventQueue, eventually, Instance, must, pool, sleep } from "./lib.mjs"

const require = createRequire(import.meta.url)
const { recordReliability } = require("../../scripts/lib/reliability.js")

const env = (name) => {
  const value = process.env[name]
  check(value, `${name} is not set (run .ci/cluster-test.sh)`)
  return value
}
const WORK = env("CLUSTER_WORK")
const SERVER_DIR = env("CLUSTER_SERVER_DIR")
const DATABASE_URL = env("DATABASE_URL")
const REDIS_URL = env("REDIS_URL")
const ADMIN = { email: env("CLUSTER_ADMIN_EMAIL"), password: env("CLUSTER_ADMIN_PASSWORD") }
const seed = JSON.parse(fs.readFileSync(env("CLUSTER_SEED_OUT"), "utf8"))
const PORTS = env("CLUSTER_PORTS").split(",").map(Number)

// Ticks short enough to count: the release job every 5 s, the reconcile job every 20 s, the
// reports' rollup every 10 s.
const RELEASE_EVERY_S = 5
const RECONCILE_EVERY_S = 20
const ROLLUP_EVERY_S = 10
const jobEnv = {
  DATABASE_URL,
  REDIS_URL,
  MEDUSA_AFFILIATES_RELEASE_SCHEDULE: `*/${RELEASE_EVERY_S} * * * * *`,
  MEDUSA_AFFILIATES_RECONCILE_SCHEDULE: `*/${RECONCILE_EVERY_S} * * * * *`,
  MEDUSA_AFFILIATES_ROLLUP_SCHEDULE: `*/${ROLLUP_EVERY_S} * * * * *`,
}

const instance = (name, mode, port) =>
  new Instance({ name, mode, port, cwd: SERVER_DIR, env: jobEnv, logPath: path.join(WORK, `${name}.log`) })
const servers = [instance("server-1", "server", PORTS[0]), instance("server-2", "server", PORTS[1])]
const workers = [instance("worker-1", "worker", PORTS[2]), instance("worker-2", "worker", PORTS[3])]
const all = [...servers, ...workers]
const serverFor = (i) => servers[i % servers.length].url

const db = database(DATABASE_URL)
const queue = eventQueue(REDIS_URL)
const figures = { summary: [], tables: [], notes: [] }
const started = Date.now()
const say = (message) => console.log(`[cluster ${String(Math.round((Date.now() - started) / 1000)).padStart(4)}s] ${message}`)
const is2xx = (status) => status >= 200 && status < 300

let adminToken
const admin = (method, p, body, base = servers[0].url) => must(base, method, p, { token: adminToken, body })

/** Waits until the event queue holds nothing waiting, running or delayed, twice in a row. */
async function drained(what, timeoutMs = 180_000) {
  let quiet = 0
  await eventually(
    async () => {
      quiet = (await queue.counts()).pending === 0 ? quiet + 1 : 0
      return quiet >= 2
    },
    `the event queue to drain (${what})`,
    timeoutMs,
    500
  )
}

// ---------------------------------------------------------------------------------------
// Storefront: an order placed through a server's store API, with an affiliate's promotion
// code or through their referral link (click, then the cart referral).

const SHIPPING_ADDRESS = { first_name: "Cluster", last_name: "Buyer", address_1: "2 Side St", city: "New York", postal_code: "10001", country_code: "us" }

async function placeOrder(n, { affiliate, via }) {
  const base = serverFor(n)
  const store = { publishableKey: seed.publishable_key }
  const { cart } = await must(base, "POST", "/store/carts", {
    ...store,
    body: { region_id: seed.region_id, email: `buyer-${n}@cluster.test`, shipping_address: SHIPPING_ADDRESS },
  })
  await must(base, "POST", `/store/carts/${cart.id}/line-items`, { ...store, body: { variant_id: seed.variant_id, quantity: 1 } })
  if (via === "code") {
    await must(base, "POST", `/store/carts/${cart.id}/promotions`, { ...store, body: { promo_codes: [affiliate.promotion_code] } })
  } else {
    const { click } = await must(base, "POST", `/store/affiliates/${affiliate.code}/clicks`, { ...store, body: { session_id: `order-${n}` } })
    await must(base, "POST", `/store/carts/${cart.id}/affiliate`, { ...store, body: { click_id: click.id } })
  }
  await must(base, "POST", `/store/carts/${cart.id}/shipping-methods`, { ...store, body: { option_id: seed.shipping_option_id } })
  const { payment_collection } = await must(base, "POST", "/store/payment-collections", { ...store, body: { cart_id: cart.id } })
  await must(base, "POST", `/store/payment-collections/${payment_collection.id}/payment-sessions`, {
    ...store,
    body: { provider_id: "pp_system_default" },
  })
  const completed = await must(base, "POST", `/store/carts/${cart.id}/complete`, store)
  check(completed.type === "order", `cart ${cart.id} did not complete: ${JSON.stringify(completed)}`)
  // 10 % of the item (100); a code's 10 % discount leaves 90 of it.
  return { id: completed.order.id, n, affiliate, via, sale: via === "code" ? 9 : 10 }
}

const orderPlan = (count, from, via) =>
  Array.from({ length: count }, (_, i) => ({
    n: from + i,
    affiliate: seed.affiliates[(from + i) % seed.affiliates.length],
    via: via ?? ((from + i) % 2 ? "code" : "link"),
  }))

async function ledgerOf(orderIds) {
  return db.rows(
    `SELECT order_id, type, amount::numeric::text AS amount, idempotency_key, affiliate_id
       FROM affiliate_commission WHERE order_id = ANY($1) AND deleted_at IS NULL ORDER BY created_at, id`,
    [orderIds]
  )
}

async function receiptsOf(orderIds) {
  return db.rows(
    `SELECT order_id, outcome, affiliate_id FROM affiliate_order_attribution WHERE order_id = ANY($1) AND deleted_at IS NULL`,
    [orderIds]
  )
}

/** Every order has exactly one receipt, credited to its affiliate, and exactly one sale of the right amount. */
async function expectAttributedOnce(orders, what) {
  const ids = orders.map((o) => o.id)
  const receipts = await receiptsOf(ids)
  const ledger = (await ledgerOf(ids)).filter((e) => e.type === "sale")
  check(receipts.length === orders.length, `${what}: ${receipts.length} receipts for ${orders.length} orders`)
  const uncredited = receipts.filter((r) => r.outcome !== "credited")
  check(uncredited.length === 0, `${what}: receipts not credited: ${JSON.stringify(uncredited)}`)
  check(ledger.length === orders.length, `${what}: ${ledger.length} sales for ${orders.length} orders`)
  for (const order of orders) {
    const receipt = receipts.find((r) => r.order_id === order.id)
    check(receipt?.outcome === "credited" && receipt.affiliate_id === order.affiliate.id, `${what}: order ${order.n} receipt ${JSON.stringify(receipt)}`)
    const sale = ledger.find((e) => e.order_id === order.id)
    check(Number(sale.amount) === order.sale && sale.affiliate_id === order.affiliate.id, `${what}: order ${order.n} sale ${JSON.stringify(sale)}`)
  }
  return { receipts: receipts.length, sales: ledger.length }
}

async function duplicateKeys() {
  return Number((await db.one(`SELECT count(*) - count(DISTINCT idempotency_key) AS n FROM affiliate_commission`)).n)
}

// ---------------------------------------------------------------------------------------

async function boot() {
  say(`starting ${all.map((i) => `${i.name} (${i.mode}) :${i.port}`).join(", ")}`)
  for (const i of all) i.start()
  await Promise.all(all.map((i) => i.healthy()))
  say("all four answer /health")
  adminToken = (await must(servers[0].url, "POST", "/auth/user/emailpass", { body: ADMIN })).token
}

/** 100 orders through both servers, each order.placed emitted 3 more times at once on the other server. */
async function hundredOrders() {
  const EXTRA = 3
  const plan = orderPlan(100, 0)
  const t0 = Date.now()
  const orders = await pool(plan, 4, async (p) => {
    const order = await placeOrder(p.n, p)
    await must(serverFor(p.n + 1), "POST", "/admin/chaos/emit", {
      token: adminToken,
      body: { events: [{ name: "order.placed", data: { id: order.id } }], times: EXTRA },
    })
    return order
  })
  say(`100 orders placed in ${Math.round((Date.now() - t0) / 1000)} s, ${100 * EXTRA} extra order.placed emitted`)
  await drained("100 orders x 4 deliveries")
  const seen = await expectAttributedOnce(orders, "100 orders")
  const duplicates = await duplicateKeys()
  check(duplicates === 0, `${duplicates} duplicate idempotency keys`)
  let viaHttp = 0
  for (const order of orders) {
    const { order_attribution, affiliate_commissions } = await admin("GET", `/admin/orders/${order.id}/affiliate`)
    check(order_attribution?.outcome === "credited" && affiliate_commissions.length === 1, `GET /admin/orders/${order.id}/affiliate: ${JSON.stringify({ order_attribution, affiliate_commissions })}`)
    viaHttp++
  }
  figures.summary.push(
    ["Orders placed through the two servers (codes 50, referral links 50)", "100"],
    ["order.placed deliveries (1 + 3 emitted at once on the other server)", `${100 * (1 + EXTRA)}`],
    ["Receipts / sale entries / duplicate idempotency keys", `${seen.receipts} / ${seen.sales} / ${duplicates}`],
    ["Orders checked over HTTP (GET /admin/orders/:id/affiliate)", `${viaHttp}, each credited once`]
  )
  say(`100 orders: ${seen.receipts} receipts, ${seen.sales} sales, ${duplicates} duplicate keys`)
  return orders
}

/**
 * Refunds, cancels and returns in twin pairs of like orders: one twin's events are delivered
 * once, the other's twice (the second emitted at once on the other server). Both twins must
 * end with the same ledger.
 */
async function moneyEventsTwice(orders) {
  const pick = (via, count, used) => orders.filter((o) => o.via === via && !used.has(o.id)).slice(0, count)
  const used = new Set()
  const pairs = []
  for (const [kind, via] of [["refund", "link"], ["refund", "code"], ["cancel", "link"], ["cancel", "code"], ["return", "link"], ["return", "code"]]) {
    for (let k = 0; k < 2; k++) {
      const [once, twice] = pick(via, 2, used)
      used.add(once.id).add(twice.id)
      pairs.push({ kind, once, twice })
    }
  }
  const act = async (kind, order, deliverTwice) => {
    let event
    if (kind === "refund") {
      const { order: full } = await admin("GET", `/admin/orders/${order.id}`)
      const paymentId = full.payment_collections[0].payments[0].id
      await admin("POST", `/admin/payments/${paymentId}/capture`, {})
      await admin("POST", `/admin/payments/${paymentId}/refund`, { amount: 30 })
      event = { name: "payment.refunded", data: { id: paymentId } }
    } else if (kind === "cancel") {
      await admin("POST", `/admin/orders/${order.id}/cancel`, {})
      event = { name: "order.canceled", data: { id: order.id } }
    } else {
      const { return_id } = await admin("POST", "/admin/chaos/return", { order_id: order.id })
      event = { name: "order.return_received", data: { order_id: order.id, return_id } }
    }
    if (deliverTwice) {
      await must(serverFor(order.n + 1), "POST", "/admin/chaos/emit", { token: adminToken, body: { events: [event], times: 1 } })
    }
  }
  await pool(pairs, 3, async ({ kind, once, twice }) => {
    await act(kind, once, false)
    await act(kind, twice, true)
  })
  await drained("refunds, cancels and returns")
  // Let the last recomputes commit, then compare the twins' ledgers.
  await sleep(1000)
  const rows = []
  for (const { kind, once, twice } of pairs) {
    const shape = async (order) =>
      (await ledgerOf([order.id])).map((e) => `${e.type} ${Number(e.amount)}`).join(", ")
    const [a, b] = [await shape(once), await shape(twice)]
    check(a === b, `${kind} twins differ: delivered once [${a}], twice [${b}]`)
    check(a.split(", ").length >= 2, `${kind}: the ledger did not follow it: [${a}]`)
    rows.push([kind, once.via, a])
  }
  const reconcile = await admin("POST", "/admin/chaos/jobs", { job: "reconcile" })
  check(reconcile.corrections === 0 && reconcile.attributed === 0, `a reconcile after the twins booked something: ${JSON.stringify(reconcile)}`)
  figures.summary.push(
    ["Refunds, cancels and returns (6 each), half delivered twice", `${pairs.length} twin pairs: every pair's ledger equal; a reconcile after them books 0`]
  )
  figures.tables.push({ title: "Ledger of each twin pair (the same whether the event came once or twice)", columns: ["Change", "Order via", "Entries"], rows })
  say(`money events: ${pairs.length} twin pairs equal, reconcile books 0`)
}

/** A worker SIGKILLed while both work through a burst of orders; restarted; nothing lost or doubled. */
async function killWorkerMidBurst() {
  const plan = orderPlan(40, 1000, "link")
  const placed = []
  let killedAt = null
  let inFlight = null
  const victim = workers[0]
  const watcher = (async () => {
    await eventually(async () => {
      if (placed.length < 8) return false
      const done = (await receiptsOf(placed.map((o) => o.id))).length
      if (done >= 4 && done < placed.length) {
        inFlight = placed.length - done
        return true
      }
      return false
    }, "receipts of the burst to start", 120_000, 50)
    killedAt = Date.now()
    await victim.kill("SIGKILL")
    say(`SIGKILLed ${victim.name} with ${inFlight} of ${placed.length} placed orders not yet attributed`)
    await sleep(3000)
    victim.start()
    await victim.healthy()
    say(`${victim.name} restarted`)
  })()
  await pool(plan, 6, async (p) => {
    const order = await placeOrder(p.n, p)
    placed.push(order)
    return order
  })
  await watcher
  const t0 = Date.now()
  await eventually(async () => (await receiptsOf(placed.map((o) => o.id))).length === placed.length, "every order of the burst to have its receipt", 180_000, 500)
  const recovered = Math.round((Date.now() - killedAt) / 1000)
  await drained("the burst, after the restart")
  const seen = await expectAttributedOnce(placed, "burst with a killed worker")
  const failed = await queue.counts()
  figures.summary.push(
    ["Worker SIGKILLed mid-burst of 40 orders, restarted 3 s later", `${inFlight} orders unattributed at the kill; all ${seen.receipts} attributed ${recovered} s after it, ${seen.sales} sales, 0 doubled`]
  )
  say(`killed worker: all ${seen.receipts} receipts ${Math.round((Date.now() - t0) / 1000)} s after the burst; failed events in Redis: ${failed.failed}`)
  return placed
}

/**
 * Two releases forced at once on each server while the scheduled ones run: each due entry
 * moves once. The runs' own counts must add up to the entries SQL shows released in the
 * window: the 10 sales, and any other entry that fell due meanwhile (named if there is one).
 */
async function forcedReleases() {
  await eventually(async () => Number((await db.one(`SELECT count(*) AS n FROM affiliate_commission WHERE status = 'pending' AND available_at <= now()`)).n) === 0, "no due entry before the forced releases", 60_000, 500)
  const logOffsets = workers.map((w) => w.log().length)
  const before = new Map((await db.rows(`SELECT id, status FROM affiliate_commission`)).map((r) => [r.id, r.status]))
  const orders = await pool(orderPlan(10, 2000, "link"), 5, (p) => placeOrder(p.n, p))
  await eventually(async () => (await receiptsOf(orders.map((o) => o.id))).length === orders.length, "the 10 orders' receipts")
  const forced = await Promise.all(
    [0, 1, 2, 3].map((i) => must(servers[i % 2].url, "POST", "/admin/chaos/jobs", { token: adminToken, body: { job: "release" } }))
  )
  await eventually(async () => Number((await db.one(`SELECT count(*) AS n FROM affiliate_commission WHERE status = 'pending' AND order_id = ANY($1)`, [orders.map((o) => o.id)])).n) === 0, "the 10 sales to be released")
  await sleep(RELEASE_EVERY_S * 1000 + 1000)
  const scheduled = workers
    .flatMap((w, i) => [...w.log().slice(logOffsets[i]).matchAll(/release-commissions run for \S+: released (\d+) entries/g)])
    .reduce((sum, m) => sum + Number(m[1]), 0)
  const byForced = forced.reduce((sum, r) => sum + r.released, 0)
  const released = (
    await db.rows(`SELECT id, type, order_id, affiliate_id, amount::numeric::text AS amount FROM affiliate_commission WHERE released_at IS NOT NULL`)
  ).filter((e) => !before.has(e.id) || before.get(e.id) === "pending")
  const orderIds = new Set(orders.map((o) => o.id))
  const sales = released.filter((e) => e.type === "sale" && orderIds.has(e.order_id))
  const others = released.filter((e) => !sales.includes(e))
  check(sales.length === orders.length, `${sales.length} of the 10 sales released`)
  check(
    byForced + scheduled === released.length,
    `the runs report ${byForced + scheduled} releases (forced ${byForced}, scheduled ${scheduled}) for ${released.length} entries released in the window` +
      (others.length ? `, besides the 10 sales: ${others.map((e) => `${e.type} ${e.amount} of ${e.order_id ?? e.affiliate_id}`).join(", ")}` : "")
  )
  const besides = others.length ? ` and ${others.length} other entries that fell due meanwhile` : ""
  figures.summary.push([
    "Release forced 4 times at once (2 per server) beside the scheduled runs, 10 due sales",
    `released ${byForced} by the forced runs + ${scheduled} by the scheduler = the 10 sales${besides}: each once`,
  ])
  say(`forced releases: ${byForced} + ${scheduled} scheduled = ${released.length} entries released (10 sales${besides})`)
}

/** A customer who applies on the storefront, approved by the admin, with `amount` available. */
async function portalAffiliate(name, amount) {
  const base = servers[0].url
  const email = `${name}@cluster.test`
  const password = "cluster-secret"
  const store = { publishableKey: seed.publishable_key }
  const { token: registration } = await must(base, "POST", "/auth/customer/emailpass/register", { body: { email, password } })
  await must(base, "POST", "/store/customers", { ...store, token: registration, body: { email, first_name: name } })
  const { token } = await must(base, "POST", "/auth/customer/emailpass", { body: { email, password } })
  const { affiliate } = await must(base, "POST", "/store/customers/me/affiliate", { ...store, token, body: { code: name } })
  await admin("POST", `/admin/affiliates/${affiliate.id}`, { status: "active" })
  if (amount) {
    await admin("POST", "/admin/affiliate-commissions", { affiliate_id: affiliate.id, amount, currency_code: "usd", note: "cluster test" })
  }
  return { id: affiliate.id, token, store }
}

/** 20 payout requests by one affiliate at once, over both servers: one payout. */
async function concurrentPayouts() {
  const affiliate = await portalAffiliate("payer", 25)
  const answers = await Promise.all(
    Array.from({ length: 20 }, (_, i) =>
      call(serverFor(i), "POST", "/store/customers/me/affiliate/payouts", { ...affiliate.store, token: affiliate.token, body: { currency_code: "usd" } })
    )
  )
  const statuses = countBy(answers.map((a) => a.status))
  const payouts = await db.rows(`SELECT id, amount::numeric::text AS amount FROM affiliate_payout WHERE affiliate_id = $1`, [affiliate.id])
  check(payouts.length === 1 && Number(payouts[0].amount) === 25, `20 concurrent requests made ${payouts.length} payouts: ${JSON.stringify(payouts)}`)
  check(answers.filter((a) => is2xx(a.status)).length === 1, `${JSON.stringify(statuses)}: expected exactly one success`)
  check(answers.every((a) => a.status < 500 && a.status > 0), `a payout request failed with a server error: ${JSON.stringify(statuses)}`)
  figures.summary.push(["20 payout requests by one affiliate at once, over both servers", `1 payout of 25; answers ${formatCounts(statuses)}`])
  say(`20 concurrent payout requests: ${formatCounts(statuses)}, ${payouts.length} payout`)
}

const countBy = (values) => values.reduce((counts, v) => ({ ...counts, [v]: (counts[v] ?? 0) + 1 }), {})
const formatCounts = (counts) => Object.entries(counts).map(([status, n]) => `${n} x ${status === "0" ? "connection error" : status}`).join(", ")

/**
 * The app's PostgreSQL connections terminated again and again during a burst of clicks,
 * adjustments and payout requests: every request either did its whole change or none.
 */
async function terminatedConnections() {
  const affiliates = await Promise.all(["term1", "term2", "term3"].map((name, i) => portalAffiliate(name, 5 * (i + 1))))
  const killer = database(DATABASE_URL)
  const requests = []
  let stop = false
  let terminated = 0
  const terminating = (async () => {
    await sleep(300)
    for (let round = 0; round < 12 && !stop; round++) {
      const rows = await killer.rows(
        `SELECT pg_terminate_backend(pid) AS ok FROM pg_stat_activity
          WHERE datname = current_database() AND pid <> pg_backend_pid() AND backend_type = 'client backend'
            AND application_name NOT LIKE 'cluster-test%'`
      )
      terminated += rows.filter((r) => r.ok).length
      await sleep(250)
    }
  })()
  const clicks = Array.from({ length: 150 }, (_, i) => ({ kind: "click", i }))
  const adjustments = Array.from({ length: 30 }, (_, i) => ({ kind: "adjustment", i }))
  const payouts = Array.from({ length: 30 }, (_, i) => ({ kind: "payout", i }))
  const work = [...clicks, ...adjustments, ...payouts].sort((a, b) => (a.i % 7) - (b.i % 7))
  await pool(work, 8, async (job) => {
    const base = serverFor(job.i)
    if (job.kind === "click") {
      const session = `term-click-${job.i}`
      const answer = await call(base, "POST", `/store/affiliates/${seed.affiliates[job.i % 5].code}/clicks`, { publishableKey: seed.publishable_key, body: { session_id: session } })
      requests.push({ ...job, session, status: answer.status })
    } else if (job.kind === "adjustment") {
      const key = `term-adjustment-${job.i}`
      const answer = await call(base, "POST", "/admin/affiliate-commissions", {
        token: adminToken,
        headers: { "idempotency-key": key },
        body: { affiliate_id: affiliates[job.i % 3].id, amount: 1, currency_code: "usd", note: "cluster test under terminated connections" },
      })
      requests.push({ ...job, key, affiliate: affiliates[job.i % 3].id, status: answer.status })
    } else {
      const a = affiliates[job.i % 3]
      const answer = await call(base, "POST", "/store/customers/me/affiliate/payouts", { ...a.store, token: a.token, body: { currency_code: "usd" } })
      requests.push({ ...job, affiliate: a.id, status: answer.status, payout: answer.data?.payout?.id })
    }
  })
  stop = true
  await terminating
  await killer.end()

  // Every instance is back: /health, and a click through each server.
  await Promise.all(all.map((i) => i.healthy(60_000)))
  for (const s of servers) {
    await eventually(async () => (await call(s.url, "POST", `/store/affiliates/AFF1/clicks`, { publishableKey: seed.publishable_key, body: { session_id: `after-${s.name}` } })).status === 201, `${s.name} to serve again`, 30_000)
  }

  const violations = []
  for (const r of requests.filter((q) => q.kind === "click")) {
    const n = Number((await db.one(`SELECT count(*) AS n FROM affiliate_click WHERE session_id = $1`, [r.session])).n)
    if (is2xx(r.status) ? n !== 1 : n !== 0) violations.push(`click ${r.session}: answer ${r.status}, ${n} rows`)
  }
  // A request whose connection died at COMMIT cannot know whether it committed (its answer
  // is a 500 either way): an adjustment is then retried with its Idempotency-Key, which must
  // answer the one entry, booked once, or book it now.
  let retried = 0
  for (const r of requests.filter((q) => q.kind === "adjustment")) {
    const entries = async () => Number((await db.one(`SELECT count(*) AS n FROM affiliate_commission WHERE idempotency_key = $1`, [`adjustment:${r.key}`])).n)
    const before = await entries()
    if (is2xx(r.status)) {
      if (before !== 1) violations.push(`adjustment ${r.key}: answer ${r.status}, ${before} entries`)
      continue
    }
    retried++
    const again = await call(servers[0].url, "POST", "/admin/affiliate-commissions", {
      token: adminToken,
      headers: { "idempotency-key": r.key },
      body: { affiliate_id: r.affiliate, amount: 1, currency_code: "usd", note: "cluster test under terminated connections" },
    })
    r.committedAnyway = before === 1
    const after = await entries()
    if (!is2xx(again.status) || after !== 1) violations.push(`adjustment ${r.key}: failed (${r.status}), retried (${again.status}), ${after} entries`)
  }
  // A payout answered 2xx exists; one not answered 2xx may exist only when its COMMIT's
  // connection died (the money check below proves it whole).
  let unansweredPayouts = 0
  for (const a of affiliates) {
    const made = (await db.rows(`SELECT id FROM affiliate_payout WHERE affiliate_id = $1`, [a.id])).map((p) => p.id)
    const answered = requests.filter((q) => q.kind === "payout" && q.affiliate === a.id && is2xx(q.status)).map((q) => q.payout)
    for (const id of answered) if (!made.includes(id)) violations.push(`payout ${id} answered 2xx but not in the database`)
    unansweredPayouts += made.filter((id) => !answered.includes(id)).length
  }
  const money = await moneyInvariants(affiliates)
  violations.push(...money)
  check(violations.length === 0, `under terminated connections:\n  ${violations.join("\n  ")}`)

  const byKind = (kind) => formatCounts(countBy(requests.filter((q) => q.kind === kind).map((q) => q.status)))
  figures.summary.push(
    ["Backends terminated (pg_terminate_backend, 12 rounds, 250 ms apart) during a burst", `${terminated} terminated; 0 partial changes, every instance serving again`]
  )
  figures.tables.push({
    title: "Requests during the terminations (each either changed everything it answers or nothing)",
    columns: ["Requests", "Answers", "Checked"],
    rows: [
      ["150 clicks", byKind("click"), "a 2xx has its click row, a failure none"],
      ["30 adjustments with an Idempotency-Key", byKind("adjustment"), `a 2xx has its entry; each of the ${retried} failures retried with its key: one entry each (${requests.filter((q) => q.committedAnyway).length} had committed at a lost COMMIT)`],
      ["30 payout requests by 3 affiliates", byKind("payout"), `every payout answered exists, ${unansweredPayouts} more committed at a lost COMMIT; entries sum to each payout; balances equal the entries`],
    ],
  })
  say(`terminated ${terminated} backends: clicks ${byKind("click")}; adjustments ${byKind("adjustment")}; payouts ${byKind("payout")}`)
}

/** Every payout's entries sum to its amount; each portal balance equals the sums of the entries. */
async function moneyInvariants(affiliates) {
  const problems = []
  const unbalanced = await db.rows(
    `SELECT p.id, p.amount::numeric::text AS amount, coalesce(sum(c.amount::numeric), 0)::text AS entries
       FROM affiliate_payout p LEFT JOIN affiliate_commission c ON c.payout_id = p.id AND c.deleted_at IS NULL
      WHERE p.deleted_at IS NULL GROUP BY p.id, p.amount HAVING p.amount::numeric <> coalesce(sum(c.amount::numeric), 0)`
  )
  problems.push(...unbalanced.map((p) => `payout ${p.id} of ${p.amount} has entries summing to ${p.entries}`))
  for (const a of affiliates ?? []) {
    const { balances } = await must(servers[1].url, "GET", "/store/customers/me/affiliate", { ...a.store, token: a.token })
    const sums = await db.rows(
      `SELECT status, sum(amount::numeric)::text AS total FROM affiliate_commission
        WHERE affiliate_id = $1 AND currency_code = 'usd' AND deleted_at IS NULL GROUP BY status`,
      [a.id]
    )
    const usd = balances.find((b) => b.currency_code === "usd") ?? {}
    for (const status of ["pending", "available", "requested", "paid"]) {
      const sql = Number(sums.find((s) => s.status === status)?.total ?? 0)
      if (Number(usd[status] ?? 0) !== sql) problems.push(`affiliate ${a.id}: portal ${status} ${usd[status]}, entries ${sql}`)
    }
  }
  return problems
}

/** Across both workers each job ran at most once per tick, and ticks were not skipped wholesale. */
async function jobsOncePerTick() {
  const rows = []
  for (const [job, every] of [["release-commissions", RELEASE_EVERY_S], ["reconcile-orders", RECONCILE_EVERY_S], ["roll-up-activity", ROLLUP_EVERY_S]]) {
    const runs = workers.flatMap((w) => [...w.log().matchAll(new RegExp(`${job} run for (\\S+):`, "g"))].map((m) => ({ worker: w.name, tick: m[1] })))
    const ticks = new Set(runs.map((r) => r.tick))
    check(ticks.size === runs.length, `${job}: ${runs.length} runs for ${ticks.size} ticks: a tick ran twice`)
    const serverRuns = servers.reduce((n, s) => n + [...s.log().matchAll(new RegExp(`${job} run for`, "g"))].length, 0)
    check(serverRuns === 0, `${job} ran ${serverRuns} times on a server instance`)
    const elapsed = (Date.now() - started) / 1000
    check(runs.length >= (elapsed / every) * 0.5, `${job}: only ${runs.length} runs in ${Math.round(elapsed)} s at one per ${every} s`)
    const per = countBy(runs.map((r) => r.worker))
    rows.push([job, `every ${every} s`, String(runs.length), String(ticks.size), `worker-1 ${per["worker-1"] ?? 0}, worker-2 ${per["worker-2"] ?? 0}`, "0"])
  }
  figures.tables.push({ title: "Scheduled runs over the whole test (from the workers' logs)", columns: ["Job", "Schedule", "Runs", "Distinct ticks", "Where", "On servers"], rows })
  say(`jobs: ${rows.map((r) => `${r[0]} ${r[2]} runs / ${r[3]} ticks (${r[4]})`).join("; ")}`)
}

async function finalChecks() {
  await drained("the end")
  const duplicates = await duplicateKeys()
  check(duplicates === 0, `${duplicates} duplicate idempotency keys at the end`)
  const multiReceipts = await db.one(`SELECT count(*) AS n FROM (SELECT order_id FROM affiliate_order_attribution GROUP BY order_id HAVING count(*) > 1) x`)
  check(Number(multiReceipts.n) === 0, `${multiReceipts.n} orders with more than one receipt`)
  const money = await moneyInvariants()
  check(money.length === 0, money.join("; "))
  const { failed } = await queue.counts()
  const reasons = failed ? await queue.failedReasons() : []
  const counts = await db.one(
    `SELECT (SELECT count(*) FROM affiliate_order_attribution) AS receipts, (SELECT count(*) FROM affiliate_commission) AS entries,
            (SELECT count(*) FROM affiliate_payout) AS payouts, (SELECT count(*) FROM affiliate_click) AS clicks`
  )
  figures.summary.push(
    ["At the end: receipts / ledger entries / payouts / clicks", `${counts.receipts} / ${counts.entries} / ${counts.payouts} / ${counts.clicks}; 0 duplicate keys, 0 orders with two receipts, every payout equal to its entries`],
    ["Events left failed in Redis after their retries", `${failed}${reasons.length ? ` (${reasons.join("; ")})` : ""}`]
  )
  say(`end: ${JSON.stringify(counts)}, failed events ${failed}`)
}

// ---------------------------------------------------------------------------------------

let ok = false
try {
  await boot()
  const orders = await hundredOrders()
  await moneyEventsTwice(orders)
  await killWorkerMidBurst()
  await forcedReleases()
  await concurrentPayouts()
  await terminatedConnections()
  await jobsOncePerTick()
  await finalChecks()
  ok = true
} finally {
  await Promise.all(all.map((i) => i.kill("SIGTERM")))
  await queue.end().catch(() => {})
  await db.end().catch(() => {})
}
if (ok) {
  const seconds = Math.round((Date.now() - started) / 1000)
  recordReliability("cluster", {
    order: 3,
    title: "Cluster chaos test: two servers and two workers on Redis",
    command: "npm run test:cluster",
    summary: [["Topology", "2 servers + 2 workers (event-bus-redis with 3 attempts, workflow-engine-redis, locking-redis, cache-redis), one PostgreSQL"], ...figures.summary, ["Run time of the scenarios", `${seconds} s`]],
    tables: figures.tables,
  })
  say(`passed in ${seconds} s`)
}
