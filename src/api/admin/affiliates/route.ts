import { AuthenticatedMedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { ContainerRegistrationKeys } from "@medusajs/framework/utils"
import { createAffiliateWorkflow } from "../../../workflows/affiliates/workflows/create-affiliate"
import { refetchAffiliate } from "./query-config"
import { AdminCreateAffiliateType, AdminGetAffiliatesParamsType } from "./validators"

/** Affiliates, searched (`q`: code, name, email), filtered, paged and ordered. */
export const GET = async (req: AuthenticatedMedusaRequest<unknown, AdminGetAffiliatesParamsType>, res: MedusaResponse) => {
  const query = req.scope.resolve(ContainerRegistrationKeys.QUERY)
  const { data: affiliates, metadata } = await query.graph({
    entity: "affiliate",
    fields: req.queryConfig.fields,
    filters: req.filterableFields,
    pagination: req.queryConfig.pagination,
  })
  res.json({ affiliates, count: metadata!.count, offset: metadata!.skip, limit: metadata!.take })
}

export const POST = async (req: AuthenticatedMedusaRequest<AdminCreateAffiliateType>, res: MedusaResponse) => {
  const { result } = await createAffiliateWorkflow(req.scope).run({ input: req.validatedBody })
  res.json({ affiliate: await refetchAffiliate(req.scope, result.id) })
}
