import { ExecArgs, MedusaContainer } from "@medusajs/framework/types"

/**
 * Jobs are called with the container by the scheduler and with `{ container }` by
 * `medusa exec`, so the same file serves both: `npx medusa exec ./src/jobs/<job>.ts`.
 */
export function jobContainer(input: MedusaContainer | ExecArgs): MedusaContainer {
  return "container" in input && input.container ? input.container : (input as MedusaContainer)
}
