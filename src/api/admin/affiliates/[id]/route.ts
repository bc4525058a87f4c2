import { AuthenticatedMedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { AFFILIATE_MODULE } from "../../../../modules/affiliate"
import type AffiliateModuleService from "../../../../modules/affiliate/service"
import { deleteAffiliateWorkflow } from "../../../../workflows/affiliates/workflows/delete-affiliate"
import { updateAffiliateWorkflow } from "../../../../workflows/affiliates/workflows/update-affiliate"
import { refetchAffiliate } from "../query-config"
import { AdminUpdateAffiliateType } from "../validators"

/** The affiliate with its promotion codes, and its balances per currency. */
export const GET = async (req: AuthenticatedMedusaRequest, res: MedusaResponse) => {
  const affiliate = await refetchAffiliate(req.scope, req.params.id)
  const balances = await req.scope.resolve<AffiliateModuleService>(AFFILIATE_MODULE).getBalances(affiliate.id)
  res.json({ affiliate, balances })
}

export const POST = async (req: AuthenticatedMedusaRequest<AdminUpdateAffiliateType>, res: MedusaResponse) => {
  await updateAffiliateWorkflow(req.scope).run({ input: { ...req.validatedBody, id: req.params.id } })
  res.json({ affiliate: await refetchAffiliate(req.scope, req.params.id) })
}

/** Soft delete; see deleteAffiliateWorkflow for its promotion links and customers. */
export const DELETE = async (req: AuthenticatedMedusaRequest, res: MedusaResponse) => {
  await deleteAffiliateWorkflow(req.scope).run({ input: { id: req.params.id } })
  res.json({ id: req.params.id, object: "affiliate", deleted: true })
}
