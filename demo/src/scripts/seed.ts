// Seeds the demo store: `medusa exec ./src/scripts/seed.ts` (run.js does it on first start).
// Skips when the database already holds this seed version; `npm run seed -- force` (in demo/,
// with DATABASE_URL set) re-runs it, which only adds what is missing (every step looks its
// rows up first).
import type { ExecArgs } from "@medusajs/framework/types"
import { ContainerRegistrationKeys } from "@medusajs/framework/utils"
import { seedActivity } from "./seed/activity"
import { seedAffiliatePromotions, seedAffiliates, seedPrograms } from "./seed/affiliates"
import { markSeeded, readSeedVersion, SEED_VERSION } from "./seed/marker"
import { seedPortal } from "./seed/portal"
import { seedStore } from "./seed/store"
import { printSummary } from "./seed/summary"

export default async function seedDemo({ container, args }: ExecArgs) {
  const logger = container.resolve(ContainerRegistrationKeys.LOGGER)
  const force = (args ?? []).includes("force")
  const seeded = await readSeedVersion(container)
  if (seeded >= SEED_VERSION && !force) {
    logger.info(`[demo seed] already seeded (version ${seeded}), nothing to do`)
    return
  }

  const store = await seedStore(container)
  const programs = await seedPrograms(container, store)
  const affiliates = await seedAffiliates(container, programs)
  const promotions = await seedAffiliatePromotions(container, store, affiliates)
  const activity = await seedActivity(container, store, affiliates)
  const portal = await seedPortal(container, store, programs)
  await markSeeded(container)

  const allAffiliates = { ...affiliates, [portal.affiliate.code]: portal.affiliate }
  await printSummary(container, allAffiliates, { ...activity, orders: { ...activity.orders, ...portal.orders } }, portal)
  logger.info(
    `[demo seed] done (version ${SEED_VERSION}): ${Object.keys(store.products).length} products, ` +
      `${Object.keys(allAffiliates).length} affiliates, promotions ${Object.keys(promotions).join(", ")}, ` +
      `${Object.keys(activity.orders).length + Object.keys(portal.orders).length} orders; ` +
      `publishable API key ${store.publishableKey.token}`
  )
}
