// The plain tracking link (`GET /ref/:code?to=`): where it may send a shopper, and what the
// landing page is told. Only the store's own origins are allowed, so the link is no open
// redirect anyone could borrow.

import { CLICK_FIELD_LIMITS } from "./click-fields"

/** The query parameters the landing page gets; the storefront kit reads the same ones. */
export const LANDING_PARAMS = { code: "ref", click: "ref_click" } as const

const originOf = (value: string): string | null => {
  try {
    const url = new URL(value.trim())
    return url.protocol === "http:" || url.protocol === "https:" ? url.origin : null
  } catch {
    return null
  }
}

/**
 * The origins a tracking link may land on: the `trackingLink.allowedOrigins` option, else
 * the storefront origins of Medusa's `storeCors` (its pattern entries, such as `/\.vercel\.app$/`,
 * are skipped: a pattern is no landing page).
 */
export function allowedLandingOrigins(configured: string[] | undefined, storeCors: string | undefined): string[] {
  const candidates = configured ?? (storeCors ?? "").split(",")
  return [...new Set(candidates.map(originOf).filter((o): o is string => !!o))]
}

export type LandingTarget = { url: URL } | { error: string }

/**
 * The page a link lands on: `to` when it is an absolute http(s) URL on an allowed origin;
 * without `to`, the configured landing page or the first allowed origin's home page.
 */
export function landingTarget(to: string | undefined, origins: string[], landingUrl?: string): LandingTarget {
  if (to === undefined || to.trim() === "") {
    const fallback = landingUrl ?? (origins[0] ? `${origins[0]}/` : null)
    return fallback
      ? { url: new URL(fallback) }
      : { error: "to: no landing page: give `to`, or set the plugin option trackingLink.landingUrl or Medusa's storeCors" }
  }
  if (to.length > CLICK_FIELD_LIMITS.landing_url) {
    return { error: `to: must be at most ${CLICK_FIELD_LIMITS.landing_url} characters` }
  }
  const origin = originOf(to)
  if (!origin) {
    return { error: "to: must be an absolute http(s) URL" }
  }
  if (!origins.includes(origin)) {
    return {
      error: `to: ${origin} is not one of the store's origins (${origins.join(", ") || "none configured"}); set the plugin option trackingLink.allowedOrigins`,
    }
  }
  return { url: new URL(to.trim()) }
}

/** The landing page with the referral on it, for the storefront's capture to pick up. */
export function landingWithReferral(url: URL, referral: { code: string; click_id: string } | null): string {
  const landing = new URL(url)
  if (referral) {
    landing.searchParams.set(LANDING_PARAMS.code, referral.code)
    landing.searchParams.set(LANDING_PARAMS.click, referral.click_id)
  }
  return landing.toString()
}
