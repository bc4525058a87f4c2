// Store credit is the loyalty plugin's (@medusajs/loyalty-plugin): an optional peer of this
// plugin, read only when a program pays in store credit, so a store without it loads nothing.
import type { MedusaContainer } from "@medusajs/framework/types"
import { MedusaError } from "@medusajs/framework/utils"

/** The loyalty plugin's store-credit module, as it registers itself in the container. */
export const STORE_CREDIT_MODULE = "store_credit"

/** What a store-credit transaction of a payout says it is: the payout's id is its reference_id. */
export const STORE_CREDIT_REFERENCE = "affiliate_payout"

/** The loyalty plugin's workflows, or a 400 naming the plugin when the store has not installed it. */
export function loyaltyWorkflows(container: MedusaContainer) {
  if (!container.hasRegistration(STORE_CREDIT_MODULE)) {
    throw new MedusaError(
      MedusaError.Types.INVALID_DATA,
      "payout_method: this payout is paid in store credit, which needs @medusajs/loyalty-plugin (add it to medusa-config.ts)"
    )
  }
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  return require("@medusajs/loyalty-plugin/workflows") as {
    createStoreCreditAccountsWorkflow: (container: MedusaContainer) => { run(args: { input: { customer_id: string; currency_code: string }[] }): Promise<{ result: { id: string }[] }> }
    creditAccountsWorkflow: (container: MedusaContainer) => {
      run(args: { input: { account_id: string; amount: unknown; reference: string; reference_id: string; note?: string }[] }): Promise<{ result: { id: string }[] }>
    }
  }
}
