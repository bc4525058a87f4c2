import { AuthenticatedMedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { updateAffiliatePromotionsWorkflow } from "../../../../../workflows/affiliates/workflows/update-affiliate-promotions"
import { refetchAffiliate } from "../../query-config"
import { AdminUpdateAffiliatePromotionsType } from "../../validators"

/** Links (`add`) and unlinks (`remove`) promotions; a promotion has at most one affiliate. */
export const POST = async (req: AuthenticatedMedusaRequest<AdminUpdateAffiliatePromotionsType>, res: MedusaResponse) => {
  await updateAffiliatePromotionsWorkflow(req.scope).run({ input: { id: req.params.id, ...req.validatedBody } })
  res.json({ affiliate: await refetchAffiliate(req.scope, req.params.id) })
}
