import { MedusaError } from "@medusajs/framework/utils"

export const AFFILIATE_CODE_PATTERN = /^[A-Z0-9_-]{3,32}$/

// Checked before upper-casing: "ß".toUpperCase() is "SS", which must not sneak in.
const ACCEPTED_INPUT = /^[A-Za-z0-9_-]{3,32}$/

/** Codes are case-insensitive: stored and compared upper-case, without surrounding spaces. */
export function normalizeAffiliateCode(code: string): string {
  return code.trim().toUpperCase()
}

export function isValidAffiliateCode(code: string): boolean {
  return ACCEPTED_INPUT.test(code.trim())
}

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
