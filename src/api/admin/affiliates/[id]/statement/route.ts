import { AuthenticatedMedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { AFFILIATE_MODULE } from "../../../../../modules/affiliate"
import type AffiliateModuleService from "../../../../../modules/affiliate/service"
import { sendStatement, StatementParamsType } from "../../../../utils/statement"

/** Any affiliate's statement, exactly as the affiliate sees it in the portal. */
export const GET = async (req: AuthenticatedMedusaRequest<unknown, StatementParamsType>, res: MedusaResponse) => {
  const affiliate = await req.scope
    .resolve<AffiliateModuleService>(AFFILIATE_MODULE)
    .retrieveAffiliate(req.params.id, { select: ["id", "code"] })
  await sendStatement(req, res, affiliate)
}
