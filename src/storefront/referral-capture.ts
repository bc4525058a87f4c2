// `?ref=CODE` capture for any storefront framework: a request's URL and cookies in, the
// cookies to set and the click to record out. No framework, no I/O: a Next.js middleware,
// an Express handler or a Remix loader calls it and does the writing.
import { CLICK_FIELD_LIMITS } from "../modules/affiliate/domain/click-fields"
import { isValidAffiliateCode, normalizeAffiliateCode } from "../modules/affiliate/domain/code-format"
import { LANDING_PARAMS } from "../modules/affiliate/domain/tracking-link"
import type { StoreAttachReferralBody, StoreRecordClickBody } from "./types"

/** The referral a shopper carries in a cookie until checkout. */
export type Referral = {
  code: string
  /** The recorded click, once the click route answered (or the tracking link passed it). */
  click_id: string | null
  /** The browser session the click was recorded in: one click per session. */
  session_id: string
  /** ISO time of the visit; the cookie lives `cookieDays` from it. */
  captured_at: string
}

export type ReferralCaptureOptions = {
  /** The query parameter carrying the code. Default `ref`. */
  param?: string
  /** The parameter the plugin's tracking link adds with the click it recorded. Default `ref_click`. */
  clickParam?: string
  /** The affiliate's campaign tag. Default `sub_id`. */
  subIdParam?: string
  /** Default `affiliate_referral`. */
  cookieName?: string
  /** The session cookie (no max age: it ends with the browser session). Default `affiliate_session`. */
  sessionCookieName?: string
  /**
   * How long the referral cookie lives: the program's `cookie_days` (default 30). The
   * backend applies the program's own window at checkout either way.
   */
  cookieDays?: number
  /** Default true; false for plain http on localhost. */
  secure?: boolean
}

/** A cookie to set, in the shape of Next.js's `response.cookies.set(name, value, options)`. */
export type CookieToSet = {
  name: string
  value: string
  options: { path: string; httpOnly: boolean; sameSite: "lax"; secure: boolean; maxAge?: number }
}

/** Cookies as a plain record, or anything with `get(name)` (Next.js, a Headers-like store). */
export type CookieSource =
  | Record<string, string | undefined>
  | { get(name: string): { value: string } | string | undefined | null }

export type ReferralCapture = {
  /** The referral the shopper carries after this request (null: none). */
  referral: Referral | null
  /** A click to record with `recordClick(code, body)`, then hand its id to `withRecordedClick`. */
  click: { code: string; body: StoreRecordClickBody } | null
  cookies: CookieToSet[]
}

const DAY_SECONDS = 86_400
const CLICK_ID = /^[A-Za-z0-9_]{1,64}$/

function settings(options: ReferralCaptureOptions = {}) {
  return {
    param: options.param ?? LANDING_PARAMS.code,
    clickParam: options.clickParam ?? LANDING_PARAMS.click,
    subIdParam: options.subIdParam ?? "sub_id",
    cookieName: options.cookieName ?? "affiliate_referral",
    sessionCookieName: options.sessionCookieName ?? "affiliate_session",
    cookieDays: options.cookieDays ?? 30,
    secure: options.secure ?? true,
  }
}

function cookieValue(source: CookieSource, name: string): string | undefined {
  const value = typeof source.get === "function" ? (source as any).get(name) : (source as Record<string, unknown>)[name]
  const text = typeof value === "string" ? value : value?.value
  return typeof text === "string" && text ? text : undefined
}

const cut = (value: string | null | undefined, max: number) => (value ? value.slice(0, max) : undefined)

/** The referral in the cookies, or null when there is none, it is malformed or its window has passed. */
export function readReferral(cookies: CookieSource, options?: ReferralCaptureOptions, now: Date = new Date()): Referral | null {
  const s = settings(options)
  const raw = cookieValue(cookies, s.cookieName)
  if (!raw) {
    return null
  }
  try {
    const parsed = JSON.parse(decodeURIComponent(raw))
    const capturedAt = Date.parse(parsed?.captured_at)
    const valid =
      typeof parsed?.code === "string" &&
      isValidAffiliateCode(parsed.code) &&
      typeof parsed.session_id === "string" &&
      (parsed.click_id === null || (typeof parsed.click_id === "string" && CLICK_ID.test(parsed.click_id))) &&
      Number.isFinite(capturedAt) &&
      capturedAt + s.cookieDays * DAY_SECONDS * 1000 > now.getTime()
    return valid
      ? { code: normalizeAffiliateCode(parsed.code), click_id: parsed.click_id, session_id: parsed.session_id, captured_at: parsed.captured_at }
      : null
  } catch {
    return null
  }
}

/** The referral cookie, living `cookieDays` from the visit it records. */
export function referralCookie(referral: Referral, options?: ReferralCaptureOptions, now: Date = new Date()): CookieToSet {
  const s = settings(options)
  const left = Date.parse(referral.captured_at) + s.cookieDays * DAY_SECONDS * 1000 - now.getTime()
  return {
    name: s.cookieName,
    value: encodeURIComponent(JSON.stringify(referral)),
    options: { path: "/", httpOnly: true, sameSite: "lax", secure: s.secure, maxAge: Math.max(0, Math.floor(left / 1000)) },
  }
}

function newSessionId(): string {
  return globalThis.crypto.randomUUID()
}

/**
 * Reads `?ref=CODE` (and the tracking link's `ref_click`) from the request. The newest
 * referral wins; the same code again in the same browser session records no second click.
 * Without a valid `ref`, the shopper keeps the referral they carry and nothing is written.
 */
export function captureReferral(
  request: { url: string | URL; cookies: CookieSource; referrer?: string | null; now?: Date },
  options?: ReferralCaptureOptions
): ReferralCapture {
  const s = settings(options)
  const now = request.now ?? new Date()
  const current = readReferral(request.cookies, options, now)
  const url = new URL(request.url.toString())
  const code = url.searchParams.get(s.param)?.trim()
  if (!code || !isValidAffiliateCode(code)) {
    return { referral: current, click: null, cookies: [] }
  }

  const knownSession = cookieValue(request.cookies, s.sessionCookieName)
  const session = knownSession && knownSession.length <= CLICK_FIELD_LIMITS.session_id ? knownSession : newSessionId()
  const cookies: CookieToSet[] =
    session === knownSession
      ? []
      : [{ name: s.sessionCookieName, value: session, options: { path: "/", httpOnly: true, sameSite: "lax", secure: s.secure } }]
  const referralOf = (clickId: string | null): Referral => ({
    code: normalizeAffiliateCode(code),
    click_id: clickId,
    session_id: session,
    captured_at: now.toISOString(),
  })

  // The tracking link recorded the click already and passed its id on.
  const passedClick = url.searchParams.get(s.clickParam)
  if (passedClick && CLICK_ID.test(passedClick)) {
    const referral = referralOf(passedClick)
    return { referral, click: null, cookies: [...cookies, referralCookie(referral, options, now)] }
  }
  if (current && current.code === normalizeAffiliateCode(code) && current.session_id === session) {
    return { referral: current, click: null, cookies }
  }
  const referral = referralOf(null)
  return {
    referral,
    click: {
      code: referral.code,
      body: {
        session_id: session,
        sub_id: cut(url.searchParams.get(s.subIdParam), CLICK_FIELD_LIMITS.sub_id),
        landing_url: cut(url.toString(), CLICK_FIELD_LIMITS.landing_url),
        referrer: cut(request.referrer, CLICK_FIELD_LIMITS.referrer),
      },
    },
    cookies: [...cookies, referralCookie(referral, options, now)],
  }
}

/** The capture after the click route answered: the referral carries the click's id. */
export function withRecordedClick(capture: ReferralCapture, clickId: string, options?: ReferralCaptureOptions, now: Date = new Date()): ReferralCapture {
  if (!capture.referral) {
    return capture
  }
  const referral = { ...capture.referral, click_id: clickId }
  const s = settings(options)
  return {
    referral,
    click: null,
    cookies: [...capture.cookies.filter((c) => c.name !== s.cookieName), referralCookie(referral, options, now)],
  }
}

/** The capture when the code is not an active affiliate's: the shopper keeps what they carried. */
export function withUnknownCode(
  capture: ReferralCapture,
  request: { cookies: CookieSource; now?: Date },
  options?: ReferralCaptureOptions
): ReferralCapture {
  const s = settings(options)
  return {
    referral: readReferral(request.cookies, options, request.now),
    click: null,
    cookies: capture.cookies.filter((c) => c.name !== s.cookieName),
  }
}

/** What `POST /store/carts/:id/affiliate` takes for the referral: its click when recorded, else its code. */
export function cartReferralBody(referral: Referral): StoreAttachReferralBody {
  return referral.click_id ? { click_id: referral.click_id } : { code: referral.code }
}
