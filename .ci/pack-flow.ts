// Run by .ci/pack-test.sh with `medusa exec` inside a separate Medusa app that installed the
// packed plugin: a real order through the cart flow is attributed by the plugin's
// subscriber, and a refund is followed by a reversal. Prints the publishable key last.
import { ExecArgs } from "@medusajs/framework/types"
import { ContainerRegistrationKeys, Modules } from "@medusajs/framework/utils"
import {
  capturePaymentWorkflow,
  completeCartWorkflow,
  createApiKeysWorkflow,
  createCartWorkflow,
  createPaymentCollectionForCartWorkflow,
  createPaymentSessionsWorkflow,
  createProductsWorkflow,
  createPromotionsWorkflow,
  createRegionsWorkflow,
  createSalesChannelsWorkflow,
  linkSalesChannelsToApiKeyWorkflow,
  refundPaymentWorkflow,
} from "@medusajs/medusa/core-flows"
// Through the package's exports map, as an app would import it.
import { recomputeOrderCommissionWorkflow } from "medusa-affiliates/workflows"

const fail = (message: string): never => {
  throw new Error(`pack flow: ${message}`)
}

async function eventually<T>(check: () => Promise<T | undefined | null | false>, what: string): Promise<T> {
  for (let i = 0; i < 100; i++) {
    const value = await check()
    if (value) {
      return value
    }
    await new Promise((r) => setTimeout(r, 200))
  }
  return fail(`timed out waiting for ${what}`)
}

export default async function packFlow({ container }: ExecArgs) {
  const affiliates: any = container.resolve("affiliate")
  const query = container.resolve(ContainerRegistrationKeys.QUERY)

  const { result: [channel] } = await createSalesChannelsWorkflow(container).run({
    input: { salesChannelsData: [{ name: "Pack test" }] },
  })
  const { result: [region] } = await createRegionsWorkflow(container).run({
    input: { regions: [{ name: "US", currency_code: "usd", countries: ["us"], payment_providers: ["pp_system_default"] }] },
  })
  const { result: [key] } = await createApiKeysWorkflow(container).run({
    input: { api_keys: [{ title: "Pack test", type: "publishable", created_by: "ci" }] },
  })
  await linkSalesChannelsToApiKeyWorkflow(container).run({ input: { id: key.id, add: [channel.id] } })
  const { result: [product] } = await createProductsWorkflow(container).run({
    input: {
      products: [
        {
          title: "Shirt",
          status: "published",
          options: [{ title: "Size", values: ["M"] }],
          variants: [{ title: "M", options: { Size: "M" }, manage_inventory: false, prices: [{ amount: 100, currency_code: "usd" }] }],
          sales_channels: [{ id: channel.id }],
        },
      ],
    },
  })

  const alice = await affiliates.createAffiliates({ code: "alice", name: "Alice", email: "alice@example.com", status: "active" })
  const { result: [promotion] } = await createPromotionsWorkflow(container).run({
    input: {
      promotionsData: [
        {
          code: "ALICE10",
          type: "standard",
          status: "active",
          application_method: { type: "percentage", target_type: "order", allocation: "across", value: 10, currency_code: "usd" },
        },
      ],
    },
  })
  await container.resolve(ContainerRegistrationKeys.LINK).create({
    affiliate: { affiliate_id: alice.id },
    [Modules.PROMOTION]: { promotion_id: promotion.id },
  })

  const { result: cart } = await createCartWorkflow(container).run({
    input: {
      region_id: region.id,
      sales_channel_id: channel.id,
      email: "buyer@example.com",
      items: [{ variant_id: product.variants[0].id, quantity: 2 }],
      promo_codes: ["ALICE10"],
    },
  })
  const { result: collection } = await createPaymentCollectionForCartWorkflow(container).run({ input: { cart_id: cart.id } })
  await createPaymentSessionsWorkflow(container).run({
    input: { payment_collection_id: collection.id, provider_id: "pp_system_default" },
  })
  const { result: order } = await completeCartWorkflow(container).run({ input: { id: cart.id } })

  // The plugin's order.placed subscriber credits ALICE at the default program's 12 % (the
  // pack test's plugin options) of 200 - 10 % off.
  const receipt = await eventually(async () => {
    const [r] = await affiliates.listAffiliateOrderAttributions({ order_id: order.id })
    return r
  }, "the order's attribution receipt")
  if (receipt.outcome !== "credited" || receipt.affiliate_id !== alice.id) {
    fail(`expected a credited receipt for ALICE, got ${JSON.stringify(receipt)}`)
  }
  const [sale] = await affiliates.listOrderLedger(order.id)
  if (!sale || sale.type !== "sale" || sale.amount !== 21.6 || sale.status !== "pending") {
    fail(`expected a pending sale of 21.6, got ${JSON.stringify(sale)}`)
  }

  // Half of the paid total refunded: half of the commission reversed.
  const { data: [withPayment] } = await query.graph({
    entity: "order",
    fields: ["payment_collections.payments.id"],
    filters: { id: order.id },
  })
  const paymentId = withPayment.payment_collections[0].payments[0].id
  await capturePaymentWorkflow(container).run({ input: { payment_id: paymentId } })
  await refundPaymentWorkflow(container).run({ input: { payment_id: paymentId, amount: 90 } })
  await recomputeOrderCommissionWorkflow(container).run({
    input: { order_id: order.id, cause: { type: "refund", id: paymentId } },
  })
  const ledger = await eventually(async () => {
    const entries = await affiliates.listOrderLedger(order.id)
    return entries.length === 2 ? entries : null
  }, "the reversal")
  if (ledger[1].type !== "reversal" || ledger[1].amount !== -10.8) {
    fail(`expected a reversal of -10.8, got ${JSON.stringify(ledger[1])}`)
  }

  console.log(`pack flow: order ${order.id} credited 21.6 to ALICE, the refund of half reversed 10.8`)
  console.log(`PUBLISHABLE_KEY=${key.token}`)
}
