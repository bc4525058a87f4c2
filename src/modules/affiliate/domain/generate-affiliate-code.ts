// How a self sign-up gets a referral code when it asks for none.

/** Longest stem taken from a name, so a generated code stays short enough to say aloud. */
export const CODE_STEM_MAX = 16

/** Upper-case A-Z and 0-9 only, accents dropped ("Zoë O'Brien" -> "ZOEOBRIEN"). */
function lettersAndDigits(text: string): string {
  return text
    .normalize("NFKD")
    .replace(/[\u0300-\u036f]/g, "")
    .toUpperCase()
    .replace(/[^A-Z0-9]/g, "")
}

/**
 * The stem of a generated code: the name's letters and digits, else those of the email's
 * local part, at least 3 (padded with "AFF") and at most CODE_STEM_MAX characters.
 */
export function affiliateCodeStem(name: string, email: string): string {
  let stem = lettersAndDigits(name)
  if (stem.length < 3) {
    stem = lettersAndDigits(email.split("@")[0] ?? "")
  }
  if (stem.length < 3) {
    stem = `AFF${stem}`
  }
  return stem.slice(0, CODE_STEM_MAX)
}

/** The stem itself when free, else the stem with the first number from 2 up that is free. */
export function firstFreeAffiliateCode(stem: string, taken: Iterable<string>): string {
  const used = new Set(taken)
  if (!used.has(stem)) {
    return stem
  }
  for (let n = 2; ; n++) {
    const candidate = `${stem}${n}`
    if (!used.has(candidate)) {
      return candidate
    }
  }
}
