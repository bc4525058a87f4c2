// Which version of the demo seed a database holds, kept in the store's metadata. run.js reads
// the same key with one SQL query to decide whether to run the seed at all.
import type { ExecArgs } from "@medusajs/framework/types"
import { Modules } from "@medusajs/framework/utils"
import { updateStoresWorkflow } from "@medusajs/medusa/core-flows"
import meta from "./meta.json"

type Container = ExecArgs["container"]

export const SEED_VERSION_KEY: string = meta.versionKey
export const SEED_VERSION: number = meta.version

export async function readSeedVersion(container: Container): Promise<number> {
  const [store] = await container.resolve(Modules.STORE).listStores()
  return Number(store?.metadata?.[SEED_VERSION_KEY] ?? 0)
}

export async function markSeeded(container: Container): Promise<void> {
  const [store] = await container.resolve(Modules.STORE).listStores()
  await updateStoresWorkflow(container).run({
    input: {
      selector: { id: store.id },
      update: {
        metadata: {
          ...(store.metadata ?? {}),
          [SEED_VERSION_KEY]: SEED_VERSION,
          affiliates_demo_seeded_at: new Date().toISOString(),
        },
      },
    },
  })
}
