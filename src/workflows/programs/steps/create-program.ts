import { InferTypeOf } from "@medusajs/framework/types"
import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import { AFFILIATE_MODULE } from "../../../modules/affiliate"
import { AffiliateProgram } from "../../../modules/affiliate/models"
import type AffiliateModuleService from "../../../modules/affiliate/service"
import { ProgramFields } from "./validate-program-input"

export type ProgramRecord = InferTypeOf<typeof AffiliateProgram>

/** Creates a program (never the default one: that comes from the plugin options). */
export const createProgramStep = createStep(
  "create-affiliate-program",
  async (data: ProgramFields & { name: string; commission_value: string }, { container }) => {
    const service = container.resolve<AffiliateModuleService>(AFFILIATE_MODULE)
    const program = await service.createAffiliatePrograms({ ...data, is_default: false } as any)
    return new StepResponse(program as ProgramRecord, program.id)
  },
  async (id, { container }) => {
    if (!id) {
      return
    }
    await container.resolve<AffiliateModuleService>(AFFILIATE_MODULE).deleteAffiliatePrograms([id])
  }
)
