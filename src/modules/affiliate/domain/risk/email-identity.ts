import { RiskSignal } from "./signal"

/** Mail providers whose addresses ignore dots in the local part. */
const DOTLESS_DOMAINS = new Set(["gmail.com", "googlemail.com"])

/** Webmail providers: sharing one of these domains says nothing about who a buyer is. */
const PUBLIC_DOMAINS = new Set([
  "gmail.com",
  "googlemail.com",
  "outlook.com",
  "hotmail.com",
  "live.com",
  "msn.com",
  "yahoo.com",
  "icloud.com",
  "me.com",
  "mac.com",
  "aol.com",
  "proton.me",
  "protonmail.com",
  "gmx.com",
  "gmx.de",
  "web.de",
  "mail.com",
  "yandex.com",
  "zoho.com",
  "fastmail.com",
])

/**
 * The mailbox an address delivers to: lower case, without a `+tag`, and for Gmail without
 * dots and with googlemail.com read as gmail.com. Null for what is not an address.
 */
export function mailboxOf(email: string | null | undefined): { local: string; domain: string } | null {
  const trimmed = (email ?? "").trim().toLowerCase()
  const at = trimmed.lastIndexOf("@")
  if (at <= 0 || at === trimmed.length - 1) {
    return null
  }
  let local = trimmed.slice(0, at)
  let domain = trimmed.slice(at + 1)
  local = local.split("+")[0]
  if (DOTLESS_DOMAINS.has(domain)) {
    local = local.replace(/\./g, "")
    domain = "gmail.com"
  }
  return local ? { local, domain } : null
}

export type EmailAliasEvidence = {
  /** How the buyer's address relates to the affiliate's: same mailbox, or same custom domain. */
  match: "same_mailbox" | "same_domain" | null
  buyer_email: string | null
  affiliate_email: string | null
}

/**
 * Fires when the buyer's email reaches the affiliate's mailbox (plus-addressing, Gmail
 * dots), or, with `same_domain`, when both are on the same custom (not webmail) domain.
 */
export function emailAliasSignal(input: {
  buyer_email: string | null
  affiliate_email: string | null
  same_domain: boolean
}): RiskSignal<EmailAliasEvidence> {
  const buyer = mailboxOf(input.buyer_email)
  const affiliate = mailboxOf(input.affiliate_email)
  let match: EmailAliasEvidence["match"] = null
  if (buyer && affiliate) {
    if (buyer.local === affiliate.local && buyer.domain === affiliate.domain) {
      match = "same_mailbox"
    } else if (input.same_domain && buyer.domain === affiliate.domain && !PUBLIC_DOMAINS.has(buyer.domain)) {
      match = "same_domain"
    }
  }
  return {
    type: "email_alias",
    triggered: match !== null,
    evidence: { match, buyer_email: input.buyer_email, affiliate_email: input.affiliate_email },
  }
}
