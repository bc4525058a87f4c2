// Activity for the dashboard: link clicks, customers and real orders, and the commission
// ledger they produce through the plugin's own flows, in every state:
//
//   pending    sales of ALICE (30-day hold) and BOB (14-day hold), as placed;
//   available  EMMA's sales ("Instant payouts", no hold) after releaseCommissionsWorkflow;
//   paid       EMMA's first sale, in a payout marked paid;
//   reversed   a partial refund and a cancel on ALICE's orders (pending reversals), a partial
//              refund on an available EMMA sale (available reversal);
//   clawed back  a refund on EMMA's paid sale (a clawback, netted against the next payout).
//
// Clicks go through the module's recordClick (what POST /store/affiliates/:code/clicks
// calls); orders through Medusa's checkout workflows (checkout.ts). The plugin's
// subscribers run inside `medusa exec` too, but in the background: so after each order and
// money event the seed itself runs the workflows they run (attributeOrderWorkflow,
// recomputeOrderCommissionWorkflow) and waits for them instead of racing the event bus.
// Both are idempotent and serialised per order, as is every step here: clicks dedupe by
// session, customers and orders are found by email and by `demo_order` in the order's
// metadata, and money steps check the payment or order first.
import type { CustomerDTO, ExecArgs } from "@medusajs/framework/types"
import { ContainerRegistrationKeys, Modules } from "@medusajs/framework/utils"
import { createCustomersWorkflow } from "@medusajs/medusa/core-flows"
import type { AffiliateModuleService } from "medusa-affiliates/modules/affiliate"
import {
  attributeOrderWorkflow,
  recomputeOrderCommissionWorkflow,
  releaseCommissionsWorkflow,
} from "medusa-affiliates/workflows"
import { Affiliate, AFFILIATE_MODULE } from "./affiliates"
import { cancel, capture, checkout, loadCheckout, orderPayment, refundShare } from "./checkout"
import {
  CLICK_CAMPAIGNS,
  CLICK_USER_AGENTS,
  CUSTOMERS,
  DemoClickCampaign,
  DEMO_PAYOUT,
  DEMO_STOREFRONT_URL,
  DemoOrder,
  GUEST_ADDRESS,
  ORDERS,
} from "./data"
import type { SeededStore } from "./store"

type Container = ExecArgs["container"]
type Service = AffiliateModuleService

/** The metadata key that names a seeded order. */
export const DEMO_ORDER_KEY = "demo_order"

export type SeededActivity = {
  clicks: { recorded: number; deduplicated: number; refused: number }
  /** By DemoOrder key. */
  orders: Record<string, { id: string; display_id: number; created: boolean }>
}

function logger(container: Container) {
  return container.resolve(ContainerRegistrationKeys.LOGGER)
}

function affiliateService(container: Container): Service {
  return container.resolve<Service>(AFFILIATE_MODULE)
}

export async function seedActivity(
  container: Container,
  store: SeededStore,
  affiliates: Record<string, Affiliate>
): Promise<SeededActivity> {
  const log = logger(container)

  log.info("[demo seed] activity: customers")
  const customers = await ensureCustomers(container)

  log.info("[demo seed] activity: link clicks (recordClick)")
  const { counts: clicks, bySession } = await recordClicks(container)
  log.info(
    `[demo seed] activity: ${clicks.recorded} new clicks, ${clicks.deduplicated} deduplicated (session ` +
      `recorded before), ${clicks.refused} refused (affiliate not active)`
  )

  // EMMA's program has no hold: her sales are due at once. The hourly job does the same.
  const release = async () => {
    const { result } = await releaseCommissionsWorkflow(container).run({ input: {} })
    log.info(`[demo seed] activity: released ${result.released} commission entries (releaseCommissionsWorkflow)`)
  }

  // A payout takes all of an affiliate's available balance: orders that must stay unpaid
  // are placed after it.
  log.info("[demo seed] activity: orders through the cart flow, attributed")
  const orders = await placeOrders(container, store, customers, bySession, ORDERS.filter((o) => !o.after_payout))
  await release()
  const codes = new Map(Object.values(affiliates).map((a) => [a.id, a.code]))
  await payOut(container, orders, codes)
  Object.assign(orders, await placeOrders(container, store, customers, bySession, ORDERS.filter((o) => o.after_payout)))
  await release()
  await moneyEvents(container, orders)
  return { clicks, orders }
}

/** The registered customers of CUSTOMERS, by email (created when missing). */
export async function ensureCustomers(container: Container): Promise<Record<string, CustomerDTO>> {
  const customerModule = container.resolve(Modules.CUSTOMER)
  const emails = CUSTOMERS.map((c) => c.email)
  const existing = await customerModule.listCustomers({ email: emails, has_account: true })
  const missing = CUSTOMERS.filter((c) => !existing.some((e) => e.email === c.email))
  let created: CustomerDTO[] = []
  if (missing.length) {
    ;({ result: created } = await createCustomersWorkflow(container).run({
      input: {
        customersData: missing.map((c) => ({
          email: c.email,
          first_name: c.first_name,
          last_name: c.last_name,
          has_account: true,
          addresses: [{ ...c.address, is_default_shipping: true, is_default_billing: true }],
          metadata: { demo: true },
        })),
      },
    }))
  }
  return Object.fromEntries([...existing, ...created].map((c) => [c.email, c]))
}

/** Every campaign visit, in a fixed order; the same sessions on every run. */
function clickVisits(campaigns: DemoClickCampaign[]) {
  const visits: {
    code: string
    session_id: string
    sub_id: string | null
    landing_url: string
    referrer: string | null
    ip: string
    user_agent: string
  }[] = []
  let n = 0
  for (const campaign of campaigns) {
    const sessions: string[] = []
    for (let i = 1; i <= campaign.visits; i++) {
      sessions.push(`demo-${campaign.affiliate}-${campaign.sub_id ?? "direct"}-${i}`.toLowerCase())
    }
    // The first `repeats` visitors come back (another tab, a second look): same session.
    const all = [...sessions, ...sessions.slice(0, campaign.repeats ?? 0)]
    const query = new URLSearchParams({ ref: campaign.affiliate, ...(campaign.sub_id ? { sub_id: campaign.sub_id } : {}) })
    for (const session_id of all) {
      const visitor = sessions.indexOf(session_id) + n
      visits.push({
        code: campaign.affiliate,
        session_id,
        sub_id: campaign.sub_id,
        landing_url: `${DEMO_STOREFRONT_URL}${campaign.landing}?${query}`,
        referrer: campaign.referrer,
        // Documentation ranges (RFC 5737); only a salted hash of ip + user agent is stored.
        ip: `203.0.113.${(visitor % 250) + 1}`,
        user_agent: CLICK_USER_AGENTS[visitor % CLICK_USER_AGENTS.length],
      })
    }
    n += sessions.length
  }
  return visits
}

/** Records the campaigns' visits with recordClick; returns the counts and click ids by session. */
export async function recordClicks(container: Container, campaigns: DemoClickCampaign[] = CLICK_CAMPAIGNS) {
  const service = affiliateService(container)
  const counts = { recorded: 0, deduplicated: 0, refused: 0 }
  const bySession: Record<string, string> = {}
  for (const visit of clickVisits(campaigns)) {
    const result = await service.recordClick(visit)
    if (!result) {
      counts.refused++
      continue
    }
    bySession[visit.session_id] = result.click.id
    // A re-run finds every session recorded: count those as already there, not as repeats.
    if (result.deduplicated) {
      counts.deduplicated++
    } else {
      counts.recorded++
    }
  }
  return { counts, bySession }
}

/** Seeded orders found by `metadata.demo_order`. */
export async function existingOrders(container: Container): Promise<Map<string, { id: string; display_id: number }>> {
  const query = container.resolve(ContainerRegistrationKeys.QUERY)
  const { data } = await query.graph({ entity: "order", fields: ["id", "display_id", "metadata"] })
  const found = new Map<string, { id: string; display_id: number }>()
  for (const order of data as any[]) {
    const key = order?.metadata?.[DEMO_ORDER_KEY]
    if (typeof key === "string") {
      found.set(key, { id: order.id, display_id: order.display_id })
    }
  }
  return found
}

/**
 * Places the orders that are missing (by `demo_order`) in the given order and attributes
 * each one; returns all of them by key.
 */
export async function placeOrders(
  container: Container,
  store: SeededStore,
  customers: Record<string, CustomerDTO>,
  clicks: Record<string, string>,
  list: DemoOrder[] = ORDERS
): Promise<SeededActivity["orders"]> {
  const log = logger(container)
  const existing = await existingOrders(container)
  const missing = list.filter((o) => !existing.has(o.key))
  const shop = missing.length ? await loadCheckout(container, store) : null
  const orders: SeededActivity["orders"] = {}

  for (const o of list) {
    let order = existing.get(o.key)
    const created = !order
    if (!order) {
      const id = await checkout(container, shop!, checkoutInput(o, customers, clicks))
      order = { id, display_id: 0 }
    }
    if (o.capture) {
      await capture(container, order.id)
    }
    // What the order.placed subscriber does. It runs in `medusa exec` too, so it may have
    // attributed the order already: then this is a no-op, and once it returns, the receipt
    // and sale exist whoever wrote them.
    await attributeOrderWorkflow(container).run({ input: { order_id: order.id } })
    orders[o.key] = { ...order, created }
  }

  // Display ids of the new orders.
  const after = await existingOrders(container)
  for (const key of Object.keys(orders)) {
    orders[key].display_id = after.get(key)?.display_id ?? orders[key].display_id
  }
  const createdCount = Object.values(orders).filter((o) => o.created).length
  log.info(`[demo seed] activity: ${createdCount} orders placed, ${list.length - createdCount} already there`)
  return orders
}

function checkoutInput(o: DemoOrder, customers: Record<string, CustomerDTO>, clicks: Record<string, string>) {
  let email: string
  let customer_id: string | undefined
  let address
  if (o.customer) {
    const customer = customers[o.customer]
    const data = CUSTOMERS.find((c) => c.email === o.customer)
    if (!customer || !data) {
      throw new Error(`demo seed: order ${o.key} names an unknown customer ${o.customer}`)
    }
    email = customer.email
    customer_id = customer.id
    address = data.address
  } else if (o.guest) {
    email = o.guest.email
    address = { ...GUEST_ADDRESS, first_name: o.guest.first_name, last_name: o.guest.last_name }
  } else {
    throw new Error(`demo seed: order ${o.key} has neither a customer nor a guest`)
  }

  let referral: { code: string } | { click_id: string } | undefined
  if (o.referral && "click_session" in o.referral) {
    const click_id = clicks[o.referral.click_session]
    if (!click_id) {
      throw new Error(`demo seed: order ${o.key} names an unknown click session ${o.referral.click_session}`)
    }
    referral = { click_id }
  } else if (o.referral) {
    referral = { code: o.referral.code }
  }

  return {
    currency: o.currency,
    email,
    customer_id,
    address,
    items: o.items,
    shipping: o.shipping ?? "standard",
    promo_codes: o.promo_codes,
    metadata: { ...(o.cart_metadata ?? {}), [DEMO_ORDER_KEY]: o.key },
    referral,
  }
}

/**
 * Pays out the sales of the orders marked `pay_out`, as an admin does: a payout requested
 * for the affiliate's available balance (`requestPayout`), then marked paid with its
 * reference (`settlePayout`). Found again by its reference, so a second seed pays nothing.
 */
async function payOut(container: Container, orders: SeededActivity["orders"], codes: Map<string, string>) {
  const log = logger(container)
  const service = affiliateService(container)

  const keys = ORDERS.filter((o) => o.pay_out).map((o) => o.key)
  if (!keys.length) {
    return
  }
  const sales = (await Promise.all(keys.map((key) => service.listOrderLedger(orders[key].id))))
    .flat()
    .filter((e) => e.type === "sale")
  if (sales.length !== keys.length) {
    throw new Error(`demo seed: orders ${keys.join(", ")} should each have a sale to pay out`)
  }
  const affiliateId = sales[0].affiliate_id
  const currency = sales[0].currency_code
  if (sales.some((e) => e.affiliate_id !== affiliateId || e.currency_code !== currency)) {
    throw new Error("demo seed: the paid-out sales must belong to one affiliate, in one currency")
  }

  const [paid] = await service.listAffiliatePayouts({ affiliate_id: affiliateId, reference: DEMO_PAYOUT.reference })
  if (paid) {
    return
  }
  const notAvailable = sales.filter((e) => e.status !== "available")
  if (notAvailable.length) {
    throw new Error(
      `demo seed: sales to pay out are not available (${notAvailable.map((e) => e.status).join(", ")}); ` +
        `is the program's hold_days 0?`
    )
  }
  const requested = await service.requestPayout({
    affiliate_id: affiliateId,
    currency_code: currency,
    method: DEMO_PAYOUT.method,
    requested_by: "demo seed",
  })
  const payout = await service.settlePayout({ id: requested.id, status: "paid", reference: DEMO_PAYOUT.reference })
  log.info(
    `[demo seed] activity: payout of ${payout.amount} ${currency.toUpperCase()} to ` +
      `${codes.get(affiliateId)} paid (${sales.length} sale${sales.length === 1 ? "" : "s"})`
  )
}

/**
 * Refunds and cancels, then what the payment.refunded and order.canceled subscribers do:
 * recomputeOrderCommissionWorkflow books the reversal or clawback (once per money state).
 */
export async function moneyEvents(
  container: Container,
  orders: SeededActivity["orders"],
  list: DemoOrder[] = ORDERS
) {
  const log = logger(container)
  for (const o of list) {
    const orderId = orders[o.key].id
    let cause: { type: string; id: string } | null = null
    if (o.refund) {
      const refunded = await refundShare(container, orderId, o.refund.share, o.refund.note)
      const payment = await orderPayment(container, orderId)
      cause = { type: "refund", id: payment.id }
      if (refunded) {
        log.info(`[demo seed]   ${o.key}: refunded ${refunded} of ${payment.amount}`)
      }
    }
    if (o.cancel) {
      if (await cancel(container, orderId)) {
        log.info(`[demo seed]   ${o.key}: canceled`)
      }
      cause = { type: "cancel", id: orderId }
    }
    if (cause) {
      // Serialised with the subscriber's run by the order lock; the entry's key is derived
      // from the order's money state, so the correction is booked once either way.
      await recomputeOrderCommissionWorkflow(container).run({ input: { order_id: orderId, cause } })
    }
  }
}
