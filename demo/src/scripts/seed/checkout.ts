// Orders the way a storefront and an admin make them, with Medusa's core workflows: cart,
// shipping method, payment collection and session (system provider), completeCartWorkflow;
// then capture, refund and cancel as the admin's buttons do. Each money step first checks
// whether it happened already, so a re-run of the seed does not repeat it.
import type { ExecArgs } from "@medusajs/framework/types"
import { ContainerRegistrationKeys, Modules } from "@medusajs/framework/utils"
import {
  addShippingMethodToCartWorkflow,
  cancelOrderWorkflow,
  capturePaymentWorkflow,
  completeCartWorkflow,
  createCartWorkflow,
  createPaymentCollectionForCartWorkflow,
  createPaymentSessionsWorkflow,
  refundPaymentWorkflow,
} from "@medusajs/medusa/core-flows"
import { attachCartReferralWorkflow } from "medusa-affiliates/workflows"
import { DemoAddress, SHIPPING_ZONES } from "./data"
import type { SeededStore } from "./store"

type Container = ExecArgs["container"]

export const PAYMENT_PROVIDER = "pp_system_default"

/** What a checkout needs besides the seeded store: variant ids by SKU, shipping options. */
export type Checkout = {
  store: SeededStore
  variants: Record<string, string>
  /** currency -> "standard" | "express" -> shipping option id. */
  shippingOptions: Record<string, Record<string, string>>
}

export async function loadCheckout(container: Container, store: SeededStore): Promise<Checkout> {
  const query = container.resolve(ContainerRegistrationKeys.QUERY)
  const { data: variants } = await query.graph({
    entity: "product_variant",
    fields: ["id", "sku"],
    filters: { product_id: Object.values(store.products).map((p) => p.id) },
  })
  const fulfillment = container.resolve(Modules.FULFILLMENT)
  const names = SHIPPING_ZONES.flatMap((z) => z.options.map((o) => o.name))
  const options = await fulfillment.listShippingOptions({ name: names })
  const shippingOptions: Checkout["shippingOptions"] = {}
  for (const zone of SHIPPING_ZONES) {
    shippingOptions[zone.currency_code] = {}
    for (const o of zone.options) {
      const option = options.find((e) => e.name === o.name)
      if (!option) {
        throw new Error(`demo seed: no shipping option "${o.name}"`)
      }
      shippingOptions[zone.currency_code][o.code] = option.id
    }
  }
  return {
    store,
    variants: Object.fromEntries(variants.filter((v: any) => v.sku).map((v: any) => [v.sku, v.id])),
    shippingOptions,
  }
}

export type CheckoutInput = {
  currency: string
  email: string
  customer_id?: string
  address: DemoAddress
  items: { sku: string; quantity: number }[]
  shipping: "standard" | "express"
  promo_codes?: string[]
  metadata?: Record<string, unknown>
  /** Applied with the plugin's workflow, as POST /store/carts/:id/affiliate does. */
  referral?: { code: string } | { click_id: string }
}

/** Cart -> (referral) -> shipping -> payment session -> order. Returns the order id. */
export async function checkout(container: Container, c: Checkout, input: CheckoutInput): Promise<string> {
  const region = c.store.regions[input.currency]
  if (!region) {
    throw new Error(`demo seed: no region in ${input.currency}`)
  }
  const { result: cart } = await createCartWorkflow(container).run({
    input: {
      region_id: region.id,
      sales_channel_id: c.store.salesChannel.id,
      currency_code: input.currency,
      email: input.email,
      customer_id: input.customer_id,
      items: input.items.map((i) => {
        const variant_id = c.variants[i.sku]
        if (!variant_id) {
          throw new Error(`demo seed: no variant with SKU ${i.sku}`)
        }
        return { variant_id, quantity: i.quantity }
      }),
      promo_codes: input.promo_codes,
      metadata: input.metadata,
      shipping_address: input.address,
      billing_address: input.address,
    },
  })
  if (input.referral) {
    // As the storefront does for the shopper: logged in when the cart is a registered customer's.
    const requester = { cart_id: cart.id, customer_id: input.customer_id ?? null }
    await attachCartReferralWorkflow(container).run({
      input:
        "code" in input.referral
          ? { ...requester, code: input.referral.code }
          : { ...requester, click_id: input.referral.click_id },
    })
  }
  await addShippingMethodToCartWorkflow(container).run({
    input: { cart_id: cart.id, options: [{ id: c.shippingOptions[input.currency][input.shipping] }] },
  })
  const { result: paymentCollection } = await createPaymentCollectionForCartWorkflow(container).run({
    input: { cart_id: cart.id },
  })
  await createPaymentSessionsWorkflow(container).run({
    input: { payment_collection_id: paymentCollection.id, provider_id: PAYMENT_PROVIDER },
  })
  const { result } = await completeCartWorkflow(container).run({ input: { id: cart.id } })
  return result.id
}

export type OrderPayment = {
  id: string
  amount: number
  captured: boolean
  refunded: number
}

/** The order's (single) payment with what was captured and refunded. */
export async function orderPayment(container: Container, orderId: string): Promise<OrderPayment> {
  const query = container.resolve(ContainerRegistrationKeys.QUERY)
  const { data: [order] } = await query.graph({
    entity: "order",
    fields: [
      "id",
      "payment_collections.payments.id",
      "payment_collections.payments.amount",
      "payment_collections.payments.captured_at",
      "payment_collections.payments.captures.id",
      "payment_collections.payments.refunds.amount",
    ],
    filters: { id: orderId },
  })
  const payment = (order as any)?.payment_collections?.[0]?.payments?.[0]
  if (!payment) {
    throw new Error(`demo seed: order ${orderId} has no payment`)
  }
  return {
    id: payment.id,
    amount: Number(payment.amount),
    captured: !!payment.captured_at || (payment.captures ?? []).length > 0,
    refunded: (payment.refunds ?? []).reduce((sum: number, r: any) => sum + Number(r?.amount ?? 0), 0),
  }
}

/** Captures the whole payment (the admin's "Capture payment"), unless captured already. */
export async function capture(container: Container, orderId: string): Promise<boolean> {
  const payment = await orderPayment(container, orderId)
  if (payment.captured) {
    return false
  }
  await capturePaymentWorkflow(container).run({ input: { payment_id: payment.id } })
  return true
}

/**
 * Refunds `share` of the captured payment (the admin's "Refund"), unless the payment has a
 * refund already. Returns the amount refunded now (0 when skipped).
 */
export async function refundShare(container: Container, orderId: string, share: number, note: string): Promise<number> {
  const payment = await orderPayment(container, orderId)
  if (payment.refunded > 0) {
    return 0
  }
  const amount = Math.round(payment.amount * share * 100) / 100
  await refundPaymentWorkflow(container).run({ input: { payment_id: payment.id, amount, note } })
  return amount
}

/** Cancels the order (the admin's "Cancel order"), unless canceled already. */
export async function cancel(container: Container, orderId: string): Promise<boolean> {
  const query = container.resolve(ContainerRegistrationKeys.QUERY)
  const { data: [order] } = await query.graph({ entity: "order", fields: ["id", "status"], filters: { id: orderId } })
  if (order?.status === "canceled") {
    return false
  }
  await cancelOrderWorkflow(container).run({ input: { order_id: orderId } })
  return true
}
