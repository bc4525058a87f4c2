import { LoaderOptions } from "@medusajs/framework/types"
import { parseAffiliateOptions } from "../options"

/** Stops boot with a message naming the option when the plugin options are wrong. */
export default async function validateOptionsLoader({ options }: LoaderOptions) {
  parseAffiliateOptions(options as Record<string, unknown> | undefined)
}
