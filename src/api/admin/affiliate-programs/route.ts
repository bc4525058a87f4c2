import { AuthenticatedMedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { ContainerRegistrationKeys } from "@medusajs/framework/utils"
import { createAffiliateProgramWorkflow } from "../../../workflows/programs/workflows/create-program"
import { refetchProgram } from "./query-config"
import { AdminCreateAffiliateProgramType } from "./validators"

export const GET = async (req: AuthenticatedMedusaRequest, res: MedusaResponse) => {
  const query = req.scope.resolve(ContainerRegistrationKeys.QUERY)
  const { data: affiliate_programs, metadata } = await query.graph({
    entity: "affiliate_program",
    fields: req.queryConfig.fields,
    filters: req.filterableFields,
    pagination: req.queryConfig.pagination,
  })
  res.json({ affiliate_programs, count: metadata!.count, offset: metadata!.skip, limit: metadata!.take })
}

export const POST = async (req: AuthenticatedMedusaRequest<AdminCreateAffiliateProgramType>, res: MedusaResponse) => {
  const { result } = await createAffiliateProgramWorkflow(req.scope).run({ input: req.validatedBody })
  res.json({ affiliate_program: await refetchProgram(req.scope, result.id) })
}
