import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import { AFFILIATE_MODULE } from "../../../modules/affiliate"
import type AffiliateModuleService from "../../../modules/affiliate/service"
import { previousValues } from "../../affiliates/previous-values"
import { ProgramFields } from "./validate-program-input"

type Undo = { id: string; restore: Record<string, unknown> } | null

/** Updates a program's terms; undone by writing the previous values back. */
export const updateProgramStep = createStep(
  "update-affiliate-program",
  async ({ id, ...patch }: ProgramFields & { id: string }, { container }) => {
    const service = container.resolve<AffiliateModuleService>(AFFILIATE_MODULE)
    if (!Object.keys(patch).length) {
      return new StepResponse<{ id: string }, Undo>({ id }, null)
    }
    const before = await service.retrieveAffiliateProgram(id)
    await service.updateAffiliatePrograms({ id, ...patch } as any)
    return new StepResponse<{ id: string }, Undo>({ id }, { id, restore: previousValues(before as Record<string, any>, patch) })
  },
  async (undo, { container }) => {
    if (!undo) {
      return
    }
    await container.resolve<AffiliateModuleService>(AFFILIATE_MODULE).updateAffiliatePrograms({ id: undo.id, ...undo.restore } as any)
  }
)
