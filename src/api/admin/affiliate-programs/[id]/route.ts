import { AuthenticatedMedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { deleteAffiliateProgramWorkflow } from "../../../../workflows/programs/workflows/delete-program"
import { updateAffiliateProgramWorkflow } from "../../../../workflows/programs/workflows/update-program"
import { refetchProgram } from "../query-config"
import { AdminUpdateAffiliateProgramType } from "../validators"

export const GET = async (req: AuthenticatedMedusaRequest, res: MedusaResponse) => {
  res.json({ affiliate_program: await refetchProgram(req.scope, req.params.id) })
}

/** Any program field; `rules`, when given, replaces the whole set. `is_default` is read-only. */
export const POST = async (req: AuthenticatedMedusaRequest<AdminUpdateAffiliateProgramType>, res: MedusaResponse) => {
  await updateAffiliateProgramWorkflow(req.scope).run({ input: { ...req.validatedBody, id: req.params.id } })
  res.json({ affiliate_program: await refetchProgram(req.scope, req.params.id) })
}

export const DELETE = async (req: AuthenticatedMedusaRequest, res: MedusaResponse) => {
  await deleteAffiliateProgramWorkflow(req.scope).run({ input: { id: req.params.id } })
  res.json({ id: req.params.id, object: "affiliate_program", deleted: true })
}
