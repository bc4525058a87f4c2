import { ContainerRegistrationKeys, MedusaError } from "@medusajs/framework/utils"
import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import { AFFILIATE_MODULE } from "../../../modules/affiliate"
import type AffiliateModuleService from "../../../modules/affiliate/service"
import { AffiliateStatus } from "../../../types/enums"

/** The fields a workflow sets on an affiliate (codes already normalised). */
export type AffiliateFields = {
  code?: string
  name?: string
  email?: string
  status?: AffiliateStatus
  program_id?: string
  commission_rate?: string | null
  customer_id?: string | null
  payout_email?: string | null
  link_promotion_id?: string | null
  metadata?: Record<string, unknown> | null
}

/**
 * Checks what the database would refuse less helpfully, naming the field: the affiliate
 * (on update), the program and the customer exist; the code and the customer are not
 * another affiliate's. The unique indexes still decide a race.
 */
export const validateAffiliateInputStep = createStep(
  "validate-affiliate-input",
  async (input: { id?: string; data: AffiliateFields }, { container }) => {
    const service = container.resolve<AffiliateModuleService>(AFFILIATE_MODULE)
    const { id, data } = input
    if (id) {
      const [affiliate] = await service.listAffiliates({ id }, { take: 1, select: ["id"] })
      if (!affiliate) {
        throw new MedusaError(MedusaError.Types.NOT_FOUND, `Affiliate with id: ${id} was not found`)
      }
    }
    if (data.program_id) {
      const [program] = await service.listAffiliatePrograms({ id: data.program_id }, { take: 1, select: ["id"] })
      if (!program) {
        throw new MedusaError(MedusaError.Types.NOT_FOUND, `program_id: affiliate program ${data.program_id} was not found`)
      }
    }
    if (data.code) {
      const [holder] = await service.listAffiliates({ code: data.code }, { take: 1, select: ["id"] })
      if (holder && holder.id !== id) {
        throw new MedusaError(MedusaError.Types.DUPLICATE_ERROR, `code: ${data.code} is already another affiliate's code`)
      }
    }
    if (data.customer_id) {
      const query = container.resolve(ContainerRegistrationKeys.QUERY)
      const { data: [customer] } = await query.graph({ entity: "customer", fields: ["id"], filters: { id: data.customer_id } })
      if (!customer) {
        throw new MedusaError(MedusaError.Types.NOT_FOUND, `customer_id: customer ${data.customer_id} was not found`)
      }
      const [holder] = await service.listAffiliates({ customer_id: data.customer_id }, { take: 1, select: ["id", "code"] })
      if (holder && holder.id !== id) {
        throw new MedusaError(
          MedusaError.Types.DUPLICATE_ERROR,
          `customer_id: customer ${data.customer_id} is already the affiliate ${holder.code}`
        )
      }
    }
    return new StepResponse(void 0)
  }
)
