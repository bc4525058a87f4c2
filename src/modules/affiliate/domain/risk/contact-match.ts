import { RiskSignal } from "./signal"

export type PostalAddress = {
  address_1?: string | null
  address_2?: string | null
  city?: string | null
  postal_code?: string | null
  country_code?: string | null
  phone?: string | null
}

/** Common street words and their short forms, so "12 Main Street" equals "12 main st.". */
const STREET_WORDS: Record<string, string> = {
  street: "st",
  avenue: "ave",
  road: "rd",
  boulevard: "blvd",
  drive: "dr",
  lane: "ln",
  court: "ct",
  place: "pl",
  square: "sq",
  apartment: "apt",
  suite: "ste",
  strasse: "str",
}

const words = (value: string | null | undefined) =>
  (value ?? "")
    .normalize("NFKD")
    .replace(/[\u0300-\u036f]/g, "")
    .toLowerCase()
    .replace(/ß/g, "ss")
    .replace(/[^a-z0-9]+/g, " ")
    .trim()
    .split(" ")
    .filter(Boolean)
    .map((w) => STREET_WORDS[w] ?? w)

/**
 * An address as one comparable key: street lines, postal code (spaces dropped) and
 * country, case, accents, punctuation and street-word spelling aside. The city is left out
 * (the postal code places it, and it is spelled in many ways). Null without a street.
 */
export function addressKey(address: PostalAddress | null | undefined): string | null {
  if (!address) {
    return null
  }
  const street = [...words(address.address_1), ...words(address.address_2)].join(" ")
  if (!street) {
    return null
  }
  const postal = (address.postal_code ?? "").toLowerCase().replace(/[^a-z0-9]/g, "")
  return [street, postal, (address.country_code ?? "").toLowerCase()].join("|")
}

/**
 * A phone number as its digits, an international 00 prefix read as +, and a leading trunk 0
 * dropped, compared on the last 9 digits: "+44 (0)20 7946 0018", "0044 20 7946 0018" and
 * "020 7946 0018" are one number. Null for fewer than 6 digits.
 */
export function phoneKey(phone: string | null | undefined): string | null {
  let digits = (phone ?? "").replace(/\(0\)/g, "").replace(/\D/g, "")
  if (digits.startsWith("00")) {
    digits = digits.slice(2)
  }
  digits = digits.replace(/^0+/, "")
  return digits.length >= 6 ? digits.slice(-9) : null
}

export type ContactMatchEvidence = {
  /** What matched the affiliate's own contact details. */
  matched: ("shipping_address" | "phone")[]
}

/** Fires when the order's shipping address or phone equals one of the affiliate's (normalised). */
export function contactMatchSignal(input: {
  shipping_address: PostalAddress | null
  phone: string | null
  affiliate: { addresses: PostalAddress[]; phones: (string | null)[] }
}): RiskSignal<ContactMatchEvidence> {
  const matched: ContactMatchEvidence["matched"] = []
  const address = addressKey(input.shipping_address)
  if (address && input.affiliate.addresses.some((a) => addressKey(a) === address)) {
    matched.push("shipping_address")
  }
  const phones = new Set<string | null>([input.phone, input.shipping_address?.phone].map(phoneKey).filter((p) => p !== null))
  if (input.affiliate.phones.some((p) => phones.has(phoneKey(p)))) {
    matched.push("phone")
  }
  return { type: "contact_match", triggered: matched.length > 0, evidence: { matched } }
}
