// The capture's two calls to the backend, for storefronts that let the kit make them: the
// click on arrival, and the referral onto the cart once there is one.
import type { ClientHeaders } from "@medusajs/js-sdk"
import type { AffiliateStorefront } from "./client"
import {
  captureReferral,
  cartReferralBody,
  CookieSource,
  readReferral,
  ReferralCapture,
  ReferralCaptureOptions,
  withRecordedClick,
  withUnknownCode,
} from "./referral-capture"
import type { StoreAttachReferralResponse } from "./types"

const statusOf = (error: unknown) => (error as { status?: number } | null)?.status

/**
 * Captures `?ref=CODE` and records its click. An unknown or inactive code leaves the shopper
 * with what they carried; a backend that cannot be reached leaves them the code, which the
 * cart referral credits as well. `headers` should carry the shopper's `x-forwarded-for` and
 * `user-agent` when this runs on the storefront's server.
 */
export async function trackReferral(
  storefront: AffiliateStorefront,
  request: { url: string | URL; cookies: CookieSource; referrer?: string | null; now?: Date },
  options?: ReferralCaptureOptions & { headers?: ClientHeaders }
): Promise<ReferralCapture> {
  const capture = captureReferral(request, options)
  if (!capture.click) {
    return capture
  }
  try {
    const { click } = await storefront.recordClick(capture.click.code, capture.click.body, options?.headers)
    return withRecordedClick(capture, click.id, options, request.now)
  } catch (error) {
    if (statusOf(error) === 404) {
      return withUnknownCode(capture, request, options)
    }
    return capture
  }
}

/**
 * Puts the shopper's referral on their cart (call it when the cart is created, and again
 * after a new capture). Null when they carry none. A click the backend no longer knows
 * falls back to its code.
 */
export async function attachReferral(
  storefront: AffiliateStorefront,
  cartId: string,
  cookies: CookieSource,
  options?: ReferralCaptureOptions & { headers?: ClientHeaders; now?: Date }
): Promise<StoreAttachReferralResponse | null> {
  const referral = readReferral(cookies, options, options?.now)
  if (!referral) {
    return null
  }
  try {
    return await storefront.attachToCart(cartId, cartReferralBody(referral), options?.headers)
  } catch (error) {
    if (referral.click_id && statusOf(error) === 404) {
      return await storefront.attachToCart(cartId, { code: referral.code }, options?.headers)
    }
    throw error
  }
}
