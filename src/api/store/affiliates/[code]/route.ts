import { MedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { ContainerRegistrationKeys, MedusaError } from "@medusajs/framework/utils"
import { isValidAffiliateCode, normalizeAffiliateCode } from "../../../../modules/affiliate/domain/affiliate-code"

/** Public facts about an active affiliate for landing pages: nothing private. */
export const GET = async (req: MedusaRequest, res: MedusaResponse) => {
  const code = req.params.code
  const query = req.scope.resolve(ContainerRegistrationKeys.QUERY)
  const { data: [affiliate] } = isValidAffiliateCode(code)
    ? await query.graph({
        entity: "affiliate",
        fields: ["code", "name", "promotions.code", "promotions.status"],
        filters: { code: normalizeAffiliateCode(code), status: "active" },
      })
    : { data: [] }
  if (!affiliate) {
    throw new MedusaError(MedusaError.Types.NOT_FOUND, `Affiliate with code: ${code} was not found`)
  }
  res.json({
    affiliate: {
      code: affiliate.code,
      name: affiliate.name,
      promotion_codes: (affiliate.promotions ?? [])
        .filter((p: any) => p && p.status === "active")
        .map((p: any) => p.code)
        .sort(),
    },
  })
}
