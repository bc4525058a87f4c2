import { AuthenticatedMedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { portalAffiliate } from "../../../../../utils/portal-affiliate"
import { sendStatement, StatementParamsType } from "../../../../../utils/statement"

/** The caller's statement for a period in one currency, as JSON or CSV. */
export const GET = async (req: AuthenticatedMedusaRequest<unknown, StatementParamsType>, res: MedusaResponse) => {
  await sendStatement(req, res, await portalAffiliate(req))
}
