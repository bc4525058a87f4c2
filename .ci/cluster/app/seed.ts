// Run by .ci/cluster-test.sh with `medusa exec` before the cluster starts: the test store
// (integration-tests/fixtures/store.ts, copied to src/chaos/) and five affiliates, each
// with a 10 %-off promotion code. Writes what the driver needs to $CLUSTER_SEED_OUT.
import { ExecArgs } from "@medusajs/framework/types"
import { ContainerRegistrationKeys, Modules } from "@medusajs/framework/utils"
import { writeFileSync } from "fs"
import { createPromotion, seedStore } from "./src/chaos/store"

export default async function seedCluster({ container }: ExecArgs) {
  const store = await seedStore(container)
  const affiliateModule: any = container.resolve("affiliate")
  const link = container.resolve(ContainerRegistrationKeys.LINK)
  const affiliates: { id: string; code: string; promotion_code: string }[] = []
  for (let n = 1; n <= 5; n++) {
    const code = `AFF${n}`
    const affiliate = await affiliateModule.createAffiliates({ code, name: `Affiliate ${n}`, email: `aff${n}@cluster.test`, status: "active" })
    const promotion = await createPromotion(container, `${code}OFF`, 10)
    await link.create({ affiliate: { affiliate_id: affiliate.id }, [Modules.PROMOTION]: { promotion_id: promotion.id } })
    affiliates.push({ id: affiliate.id, code, promotion_code: `${code}OFF` })
  }
  writeFileSync(
    process.env.CLUSTER_SEED_OUT!,
    JSON.stringify({
      publishable_key: store.publishableKey,
      region_id: store.region.id,
      variant_id: store.products.shirt.variant_id,
      price: store.products.shirt.price,
      shipping_option_id: store.shippingOption.id,
      affiliates,
    })
  )
  console.log(`cluster seed: store and ${affiliates.length} affiliates`)
}
