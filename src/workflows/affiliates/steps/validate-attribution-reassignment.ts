import { ContainerRegistrationKeys, MedusaError } from "@medusajs/framework/utils"
import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import { AFFILIATE_MODULE } from "../../../modules/affiliate"
import type AffiliateModuleService from "../../../modules/affiliate/service"

/**
 * A manual attribution needs a real customer and affiliate, and may not bind a customer to
 * their own affiliate profile unless the store allows self-referral (every order would
 * then be a self-referral nobody is credited for).
 */
export const validateAttributionReassignmentStep = createStep(
  "validate-affiliate-attribution-reassignment",
  async (input: { customer_id: string; affiliate_id: string }, { container }) => {
    const query = container.resolve(ContainerRegistrationKeys.QUERY)
    const { data: [customer] } = await query.graph({ entity: "customer", fields: ["id"], filters: { id: input.customer_id } })
    if (!customer) {
      throw new MedusaError(MedusaError.Types.NOT_FOUND, `Customer with id: ${input.customer_id} was not found`)
    }
    const service = container.resolve<AffiliateModuleService>(AFFILIATE_MODULE)
    const [affiliate] = await service.listAffiliates({ id: input.affiliate_id }, { take: 1, select: ["id", "code", "customer_id"] })
    if (!affiliate) {
      throw new MedusaError(MedusaError.Types.NOT_FOUND, `affiliate_id: affiliate ${input.affiliate_id} was not found`)
    }
    if (affiliate.customer_id === input.customer_id && !service.getOptions().allowSelfReferral) {
      throw new MedusaError(
        MedusaError.Types.NOT_ALLOWED,
        `affiliate_id: ${affiliate.code} is the customer's own affiliate profile, and self-referral is not allowed`
      )
    }
    return new StepResponse(void 0)
  }
)
