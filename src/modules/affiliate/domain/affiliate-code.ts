import { MedusaError } from "@medusajs/framework/utils"
import { isValidAffiliateCode, normalizeAffiliateCode } from "./code-format"

export { AFFILIATE_CODE_PATTERN, isValidAffiliateCode, normalizeAffiliateCode } from "./code-format"

/** Returns the normalised code, or throws an INVALID_DATA error naming the `code` field. */
export function assertValidAffiliateCode(code: unknown): string {
  if (typeof code !== "string" || !isValidAffiliateCode(code)) {
    throw new MedusaError(
      MedusaError.Types.INVALID_DATA,
      `code: must be 3-32 characters of A-Z, 0-9, "-" or "_" (got ${JSON.stringify(code)})`
    )
  }
  return normalizeAffiliateCode(code)
}
