// What an affiliate code looks like, without dependencies: the storefront kit runs it in a
// browser or an edge runtime, where the framework is not installed.

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
