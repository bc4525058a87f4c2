import { MedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { MedusaError } from "@medusajs/framework/utils"
import { AFFILIATE_MODULE } from "../../../../../modules/affiliate"
import { isValidAffiliateCode } from "../../../../../modules/affiliate/domain/affiliate-code"
import type AffiliateModuleService from "../../../../../modules/affiliate/service"
import { StoreRecordClickType } from "../../validators"

/**
 * Records a click on an affiliate's link. A single-module write on the storefront's hot
 * path, so it calls the module's one-statement `recordClick` rather than a workflow.
 */
export const POST = async (req: MedusaRequest<StoreRecordClickType>, res: MedusaResponse) => {
  const code = req.params.code
  const recorded = isValidAffiliateCode(code)
    ? await req.scope.resolve<AffiliateModuleService>(AFFILIATE_MODULE).recordClick({
        code,
        ...req.validatedBody,
        ip: req.ip,
        user_agent: req.get("user-agent"),
      })
    : null
  if (!recorded) {
    throw new MedusaError(MedusaError.Types.NOT_FOUND, `Affiliate with code: ${code} was not found`)
  }
  const { click, deduplicated } = recorded
  res.status(deduplicated ? 200 : 201).json({
    click: { id: click.id, affiliate_code: click.affiliate_code, created_at: click.created_at },
    deduplicated,
  })
}
