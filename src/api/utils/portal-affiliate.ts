import { AuthenticatedMedusaRequest } from "@medusajs/framework/http"
import { MedusaError } from "@medusajs/framework/utils"
import { AFFILIATE_MODULE } from "../../modules/affiliate"
import type AffiliateModuleService from "../../modules/affiliate/service"

/**
 * The affiliate profile of the logged-in customer: the only affiliate a portal request can
 * see or act for. 404 when the customer is not an affiliate.
 */
export async function portalAffiliate(req: AuthenticatedMedusaRequest<any, any>) {
  const customerId = req.auth_context?.actor_id
  if (!customerId) {
    throw new MedusaError(MedusaError.Types.UNAUTHORIZED, "Unauthorized")
  }
  const service = req.scope.resolve<AffiliateModuleService>(AFFILIATE_MODULE)
  const [affiliate] = await service.listAffiliates({ customer_id: customerId }, { take: 1 })
  if (!affiliate) {
    throw new MedusaError(MedusaError.Types.NOT_FOUND, "The customer is not an affiliate")
  }
  return affiliate
}
