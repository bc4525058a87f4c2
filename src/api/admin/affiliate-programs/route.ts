import { AuthenticatedMedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { createAffiliateProgramWorkflow } from "../../../workflows/programs/workflows/create-program"
import { listPage } from "../../utils/list-query"
import { programResponse, refetchProgram } from "./query-config"
import { AdminCreateAffiliateProgramType } from "./validators"

export const GET = async (req: AuthenticatedMedusaRequest, res: MedusaResponse) => {
  const { data, ...page } = await listPage(req, "affiliate_program")
  res.json({ affiliate_programs: data.map(programResponse), ...page })
}

export const POST = async (req: AuthenticatedMedusaRequest<AdminCreateAffiliateProgramType>, res: MedusaResponse) => {
  const { result } = await createAffiliateProgramWorkflow(req.scope).run({ input: req.validatedBody })
  res.json({ affiliate_program: await refetchProgram(req.scope, result.id) })
}
