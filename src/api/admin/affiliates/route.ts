import { AuthenticatedMedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { createAffiliateWorkflow } from "../../../workflows/affiliates/workflows/create-affiliate"
import { listPage } from "../../utils/list-query"
import { refetchAffiliate } from "./query-config"
import { AdminCreateAffiliateType, AdminGetAffiliatesParamsType } from "./validators"

/** Affiliates, searched (`q`: code, name, email), filtered, paged and ordered. */
export const GET = async (req: AuthenticatedMedusaRequest<unknown, AdminGetAffiliatesParamsType>, res: MedusaResponse) => {
  const { data: affiliates, ...page } = await listPage(req, "affiliate")
  res.json({ affiliates, ...page })
}

export const POST = async (req: AuthenticatedMedusaRequest<AdminCreateAffiliateType>, res: MedusaResponse) => {
  const { result } = await createAffiliateWorkflow(req.scope).run({ input: req.validatedBody })
  res.json({ affiliate: await refetchAffiliate(req.scope, result.id) })
}
