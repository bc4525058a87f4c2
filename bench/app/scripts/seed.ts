// `medusa exec ./scripts/seed.ts` (run by bench/run.js): a minimal real store for the click and
// attribution benchmarks. Writes what the benchmarks need (publishable key, ids) as JSON to
// $BENCH_SEED_OUT.
import fs from "fs"
import { ExecArgs } from "@medusajs/framework/types"
import {
  createApiKeysWorkflow,
  createCollectionsWorkflow,
  createProductsWorkflow,
  createRegionsWorkflow,
  createSalesChannelsWorkflow,
  linkSalesChannelsToApiKeyWorkflow,
} from "@medusajs/medusa/core-flows"
import { AFFILIATE_MODULE } from "../../../src/modules/affiliate"
import type AffiliateModuleService from "../../../src/modules/affiliate/service"

/** Affiliates the attribution benchmark spreads its orders over. */
const ATTRIBUTION_AFFILIATES = 20

export default async function seedBench({ container }: ExecArgs) {
  const out = process.env.BENCH_SEED_OUT
  if (!out) {
    throw new Error("BENCH_SEED_OUT is not set")
  }
  const { result: [salesChannel] } = await createSalesChannelsWorkflow(container).run({
    input: { salesChannelsData: [{ name: "Bench webshop" }] },
  })
  const { result: [region] } = await createRegionsWorkflow(container).run({
    input: {
      regions: [{ name: "US", currency_code: "usd", countries: ["us"], payment_providers: ["pp_system_default"] }],
    },
  })
  const { result: [key] } = await createApiKeysWorkflow(container).run({
    input: { api_keys: [{ title: "Bench storefront", type: "publishable", created_by: "bench" }] },
  })
  await linkSalesChannelsToApiKeyWorkflow(container).run({ input: { id: key.id, add: [salesChannel.id] } })

  const { result: [collection] } = await createCollectionsWorkflow(container).run({
    input: { collections: [{ title: "Bench summer", handle: "bench-summer" }] },
  })
  const { result: products } = await createProductsWorkflow(container).run({
    input: {
      products: [
        { title: "Bench shirt", price: 100, collection_id: collection.id },
        { title: "Bench mug", price: 50 },
        { title: "Bench hat", price: 40, collection_id: collection.id },
      ].map((p) => ({
        title: p.title,
        status: "published" as const,
        collection_id: p.collection_id,
        options: [{ title: "Size", values: ["M"] }],
        variants: [
          {
            title: `${p.title} M`,
            options: { Size: "M" },
            manage_inventory: false,
            prices: [{ amount: p.price, currency_code: "usd" }],
          },
        ],
        sales_channels: [{ id: salesChannel.id }],
      })),
    },
  })
  const prices: Record<string, number> = { "Bench shirt": 100, "Bench mug": 50, "Bench hat": 40 }

  const affiliates = container.resolve<AffiliateModuleService>(AFFILIATE_MODULE)
  const referrer = (code: string, name: string) => ({ code, name, email: `${code.toLowerCase()}@bench.test`, status: "active" as const })
  const [clickAffiliate, ...attributionAffiliates] = (await affiliates.createAffiliates([
    referrer("BENCHCLICK", "Bench click affiliate"),
    ...Array.from({ length: ATTRIBUTION_AFFILIATES }, (_, i) => referrer(`BENCHREF${String(i + 1).padStart(2, "0")}`, `Bench referrer ${i + 1}`)),
  ])) as any[]

  fs.writeFileSync(
    out,
    JSON.stringify(
      {
        publishableKey: key.token,
        regionId: region.id,
        salesChannelId: salesChannel.id,
        variants: products.map((p: any) => ({
          id: p.variants[0].id,
          product_id: p.id,
          title: p.title,
          price: prices[p.title],
        })),
        clickAffiliate: { id: clickAffiliate.id, code: clickAffiliate.code },
        attributionAffiliates: attributionAffiliates.map((a) => ({ id: a.id, code: a.code })),
      },
      null,
      2
    )
  )
}
