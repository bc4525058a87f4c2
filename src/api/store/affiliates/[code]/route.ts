import { MedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { ContainerRegistrationKeys, MedusaError } from "@medusajs/framework/utils"
import { isValidAffiliateCode, normalizeAffiliateCode } from "../../../../modules/affiliate/domain/affiliate-code"

/**
 * Public facts about an active affiliate for landing pages: nothing private. The link
 * discount is the code their referral applies by itself ("10 % off, already applied").
 */
export const GET = async (req: MedusaRequest, res: MedusaResponse) => {
  const code = req.params.code
  const query = req.scope.resolve(ContainerRegistrationKeys.QUERY)
  const { data: [affiliate] } = isValidAffiliateCode(code)
    ? await query.graph({
        entity: "affiliate",
        fields: ["code", "name", "link_promotion_id", "promotions.id", "promotions.code", "promotions.status"],
        filters: { code: normalizeAffiliateCode(code), status: "active" },
      })
    : { data: [] }
  if (!affiliate) {
    throw new MedusaError(MedusaError.Types.NOT_FOUND, `Affiliate with code: ${code} was not found`)
  }
  const active = (affiliate.promotions ?? []).filter((p: any) => p && p.status === "active")
  res.json({
    affiliate: {
      code: affiliate.code,
      name: affiliate.name,
      promotion_codes: active.map((p: any) => p.code).sort(),
      link_discount_code: active.find((p: any) => p.id === affiliate.link_promotion_id)?.code ?? null,
    },
  })
}
