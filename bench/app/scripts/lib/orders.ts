// Real orders for the `medusa exec` benchmarks: customers and orders through Medusa's own
// workflows, as a storefront's completed carts leave them (a referral code in metadata).
import fs from "fs"
import { ExecArgs } from "@medusajs/framework/types"
import { createCustomersWorkflow, createOrderWorkflow } from "@medusajs/medusa/core-flows"

export type Seed = {
  regionId: string
  salesChannelId: string
  variants: { id: string; product_id: string; title: string; price: number }[]
  attributionAffiliates: { id: string; code: string }[]
}

/** The seed bench/run.js wrote ($BENCH_SEED_IN), and where a script writes its figures ($BENCH_RESULT_OUT). */
export function benchFiles(): { seed: Seed; writeResult: (result: unknown) => void } {
  const seedPath = process.env.BENCH_SEED_IN
  const out = process.env.BENCH_RESULT_OUT
  if (!seedPath || !out) {
    throw new Error("BENCH_SEED_IN and BENCH_RESULT_OUT must be set")
  }
  return {
    seed: JSON.parse(fs.readFileSync(seedPath, "utf8")),
    writeResult: (result) => fs.writeFileSync(out, JSON.stringify(result, null, 2)),
  }
}

export const now = () => Number(process.hrtime.bigint()) / 1e6

/** Runs `fn` over `items` with `concurrency` workers; returns the wall time in ms. */
export async function pool<T>(items: T[], concurrency: number, fn: (item: T, index: number) => Promise<void>) {
  let next = 0
  const started = now()
  await Promise.all(
    Array.from({ length: concurrency }, async () => {
      for (;;) {
        const i = next++
        if (i >= items.length) return
        await fn(items[i], i)
      }
    })
  )
  return now() - started
}

/**
 * `total` customers, each with one order of 1-2 shirts (plus a hat every 3rd, 2 mugs every
 * 4th) and an affiliate's code in metadata, created 4 at a time. Returns the order ids in
 * creation order and the wall time of the order creation.
 */
export async function createReferredOrders(
  container: ExecArgs["container"],
  seed: Seed,
  total: number,
  log: (message: string) => void
): Promise<{ orderIds: string[]; wallMs: number }> {
  const run = Date.now().toString(36)
  const customerIds: string[] = []
  for (let offset = 0; offset < total; offset += 200) {
    const { result } = await createCustomersWorkflow(container).run({
      input: {
        customersData: Array.from({ length: Math.min(200, total - offset) }, (_, i) => ({
          email: `bench-buyer-${run}-${offset + i}@bench.test`,
          first_name: `Buyer${offset + i}`,
        })),
      },
    })
    customerIds.push(...result.map((c: any) => c.id))
  }
  const orderIds: string[] = new Array(total)
  const [shirt, mug, hat] = seed.variants
  const wallMs = await pool(
    Array.from({ length: total }, (_, i) => i),
    4,
    async (i) => {
      const affiliate = seed.attributionAffiliates[i % seed.attributionAffiliates.length]
      const items = [
        { variant_id: shirt.id, quantity: 1 + (i % 2), unit_price: shirt.price, title: shirt.title },
        ...(i % 3 === 0 ? [{ variant_id: hat.id, quantity: 1, unit_price: hat.price, title: hat.title }] : []),
        ...(i % 4 === 0 ? [{ variant_id: mug.id, quantity: 2, unit_price: mug.price, title: mug.title }] : []),
      ]
      const { result } = await createOrderWorkflow(container).run({
        input: {
          region_id: seed.regionId,
          sales_channel_id: seed.salesChannelId,
          customer_id: customerIds[i],
          email: `bench-buyer-${run}-${i}@bench.test`,
          currency_code: "usd",
          items,
          shipping_address: {
            first_name: "Bench",
            last_name: "Buyer",
            address_1: "2 Side St",
            city: "New York",
            postal_code: "10001",
            country_code: "us",
          },
          metadata: { affiliate_code: affiliate.code.toLowerCase() },
        } as any,
      })
      orderIds[i] = result.id
      if ((i + 1) % 250 === 0) log(`created ${i + 1}/${total} orders`)
    }
  )
  return { orderIds, wallMs }
}
