import { addressKey, contactMatchSignal, phoneKey } from "../contact-match"

const home = { address_1: "12 Main Street", address_2: "Apt 4", city: "Springfield", postal_code: "12345", country_code: "us" }

describe("addressKey", () => {
  it("reads case, punctuation, accents and street-word spellings as one address", () => {
    expect(addressKey({ address_1: "12 main st.", address_2: "apartment 4", city: "SPRINGFIELD", postal_code: "12345", country_code: "US" })).toBe(
      addressKey(home)
    )
    expect(addressKey({ address_1: "Hauptstraße 5", postal_code: "10115", country_code: "de" })).toBe(
      addressKey({ address_1: "hauptstrasse 5", postal_code: "10 115", country_code: "DE" })
    )
  })

  it("tells another house number or postal code apart", () => {
    expect(addressKey({ ...home, address_1: "14 Main Street" })).not.toBe(addressKey(home))
    expect(addressKey({ ...home, postal_code: "12346" })).not.toBe(addressKey(home))
  })

  it("is null without a street", () => {
    expect(addressKey(null)).toBeNull()
    expect(addressKey({ city: "Springfield", postal_code: "12345" })).toBeNull()
  })
})

describe("phoneKey", () => {
  it("reads international and national spellings of one number alike", () => {
    const key = phoneKey("+44 (0)20 7946 0018")
    expect(phoneKey("0044 20 7946 0018")).toBe(key)
    expect(phoneKey("020 7946 0018")).toBe(key)
    expect(phoneKey("+1 (555) 010-9999")).not.toBe(key)
  })

  it("is null for too few digits", () => {
    expect(phoneKey("12-34")).toBeNull()
    expect(phoneKey(null)).toBeNull()
  })
})

describe("contactMatchSignal", () => {
  const affiliate = { addresses: [home], phones: ["+1 555 010 2000"] }

  it("fires on the affiliate's own shipping address, spelled differently", () => {
    const signal = contactMatchSignal({ shipping_address: { ...home, address_1: "12 MAIN ST" }, phone: null, affiliate })
    expect(signal).toEqual({ type: "contact_match", triggered: true, evidence: { matched: ["shipping_address"] } })
  })

  it("fires on the affiliate's phone, on the order or on its shipping address", () => {
    expect(contactMatchSignal({ shipping_address: null, phone: "(555) 010-2000", affiliate }).evidence.matched).toEqual(["phone"])
    expect(
      contactMatchSignal({ shipping_address: { address_1: "1 Other Rd", phone: "555-010-2000" }, phone: null, affiliate }).evidence.matched
    ).toEqual(["phone"])
  })

  it("does not fire for a stranger", () => {
    const signal = contactMatchSignal({ shipping_address: { address_1: "1 Other Rd", postal_code: "99999" }, phone: "555 777 1234", affiliate })
    expect(signal.triggered).toBe(false)
    expect(signal.evidence.matched).toEqual([])
  })

  it("does not fire when neither side has contact details", () => {
    expect(contactMatchSignal({ shipping_address: null, phone: null, affiliate: { addresses: [], phones: [null] } }).triggered).toBe(false)
  })
})
