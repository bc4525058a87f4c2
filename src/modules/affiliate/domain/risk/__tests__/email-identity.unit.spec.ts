import { emailAliasSignal, mailboxOf } from "../email-identity"

const alias = (buyer: string | null, affiliate: string | null, same_domain = false) =>
  emailAliasSignal({ buyer_email: buyer, affiliate_email: affiliate, same_domain })

describe("mailboxOf: the mailbox an address delivers to", () => {
  it("drops a +tag and the case", () => {
    expect(mailboxOf("Alice+Deals@Example.com")).toEqual({ local: "alice", domain: "example.com" })
  })

  it("drops dots in Gmail addresses and reads googlemail.com as gmail.com", () => {
    expect(mailboxOf("a.l.i.c.e@googlemail.com")).toEqual({ local: "alice", domain: "gmail.com" })
  })

  it("keeps dots elsewhere: first.last@company.com is not firstlast@company.com", () => {
    expect(mailboxOf("first.last@company.com")).toEqual({ local: "first.last", domain: "company.com" })
  })

  it("is null for what is not an address", () => {
    for (const value of [null, "", "alice", "@example.com", "alice@", "+tag@example.com"]) {
      expect(mailboxOf(value)).toBeNull()
    }
  })
})

describe("emailAliasSignal", () => {
  it("fires on a plus-address of the affiliate's own mailbox", () => {
    const signal = alias("alice+shop@example.com", "alice@example.com")
    expect(signal).toEqual({
      type: "email_alias",
      triggered: true,
      evidence: { match: "same_mailbox", buyer_email: "alice+shop@example.com", affiliate_email: "alice@example.com" },
    })
  })

  it("fires on a dotted Gmail address of the affiliate", () => {
    expect(alias("al.ice@gmail.com", "alice@gmail.com").triggered).toBe(true)
  })

  it("does not fire for another person at the same webmail provider, even with same_domain", () => {
    expect(alias("bob@gmail.com", "alice@gmail.com", true).triggered).toBe(false)
  })

  it("same custom domain fires only when the option is on", () => {
    expect(alias("bob@alice-shop.com", "alice@alice-shop.com").triggered).toBe(false)
    const signal = alias("bob@alice-shop.com", "alice@alice-shop.com", true)
    expect(signal.triggered).toBe(true)
    expect(signal.evidence.match).toBe("same_domain")
  })

  it("does not fire without a buyer email", () => {
    expect(alias(null, "alice@example.com").triggered).toBe(false)
  })
})
