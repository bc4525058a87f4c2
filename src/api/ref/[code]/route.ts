import { randomUUID } from "node:crypto"
import { MedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { ContainerRegistrationKeys, MedusaError } from "@medusajs/framework/utils"
import { AFFILIATE_MODULE } from "../../../modules/affiliate"
import { isValidAffiliateCode } from "../../../modules/affiliate/domain/affiliate-code"
import { allowedLandingOrigins, landingTarget, landingWithReferral } from "../../../modules/affiliate/domain/tracking-link"
import type AffiliateModuleService from "../../../modules/affiliate/service"
import { TrackingLinkParamsType } from "../validators"

/** The backend's own session cookie, so the same browser following a link twice is one click. */
const SESSION_COOKIE = "affiliate_link_session"

/**
 * A tracking link that needs no JavaScript and no publishable key: records the click and
 * sends the shopper to the landing page with `ref` and `ref_click`, which the storefront's
 * capture keeps until the cart exists. An unknown or inactive code still lands the shopper,
 * without a referral; a landing page off the store's origins is refused (no open redirect).
 */
export const GET = async (req: MedusaRequest<unknown, TrackingLinkParamsType>, res: MedusaResponse) => {
  const service = req.scope.resolve<AffiliateModuleService>(AFFILIATE_MODULE)
  const { trackingLink } = service.getOptions()
  const { storeCors } = req.scope.resolve(ContainerRegistrationKeys.CONFIG_MODULE).projectConfig.http
  const origins = allowedLandingOrigins(trackingLink.allowedOrigins, storeCors)
  const target = landingTarget(req.validatedQuery.to, origins, trackingLink.landingUrl)
  if ("error" in target) {
    throw new MedusaError(MedusaError.Types.INVALID_DATA, target.error)
  }

  const session = sessionOf(req) ?? randomUUID()
  const code = req.params.code
  const recorded = isValidAffiliateCode(code)
    ? await service.recordClick({
        code,
        session_id: session,
        sub_id: req.validatedQuery.sub_id,
        landing_url: target.url.toString(),
        referrer: req.get("referer")?.slice(0, 2048),
        ip: req.ip,
        user_agent: req.get("user-agent"),
      })
    : null

  res.cookie(SESSION_COOKIE, session, { httpOnly: true, sameSite: "lax", secure: req.secure, path: "/ref" })
  res.set("cache-control", "no-store")
  res.set("x-robots-tag", "noindex")
  res.redirect(302, landingWithReferral(target.url, recorded && { code: recorded.click.affiliate_code, click_id: recorded.click.id }))
}

/** The browser's earlier link session (Medusa parses cookies on every request). */
function sessionOf(req: MedusaRequest): string | null {
  const raw = (req as { cookies?: Record<string, string> }).cookies?.[SESSION_COOKIE]
  return raw && /^[0-9a-f-]{36}$/.test(raw) ? raw : null
}
