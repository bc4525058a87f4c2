import { MedusaError } from "@medusajs/framework/utils"
import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import { AFFILIATE_MODULE } from "../../../modules/affiliate"
import type AffiliateModuleService from "../../../modules/affiliate/service"

/**
 * Soft-deletes a program with its rules. The default program is what new affiliates join,
 * and a program with affiliates is their terms: neither can go.
 */
export const deleteProgramStep = createStep(
  "delete-affiliate-program",
  async (input: { id: string }, { container }) => {
    const service = container.resolve<AffiliateModuleService>(AFFILIATE_MODULE)
    const [program] = await service.listAffiliatePrograms({ id: input.id }, { take: 1 })
    if (!program) {
      throw new MedusaError(MedusaError.Types.NOT_FOUND, `Affiliate program with id: ${input.id} was not found`)
    }
    if (program.is_default) {
      throw new MedusaError(MedusaError.Types.NOT_ALLOWED, `The default affiliate program "${program.name}" cannot be deleted`)
    }
    const [, affiliates] = await service.listAndCountAffiliates({ program_id: input.id }, { take: 1, select: ["id"] })
    if (affiliates) {
      throw new MedusaError(
        MedusaError.Types.NOT_ALLOWED,
        `Affiliate program "${program.name}" (${program.id}) still has ${affiliates} affiliate(s): move them to another program first`
      )
    }
    await service.softDeleteAffiliatePrograms([input.id])
    return new StepResponse({ id: input.id }, input.id)
  },
  async (id, { container }) => {
    if (!id) {
      return
    }
    await container.resolve<AffiliateModuleService>(AFFILIATE_MODULE).restoreAffiliatePrograms([id])
  }
)
