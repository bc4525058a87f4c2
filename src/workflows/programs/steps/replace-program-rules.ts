import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import { AFFILIATE_MODULE } from "../../../modules/affiliate"
import type AffiliateModuleService from "../../../modules/affiliate/service"
import { ProgramRuleInput } from "./validate-program-input"

/**
 * Replaces a program's rules with the given set (nothing happens when no set is given).
 * The old rules are soft-deleted, not edited: undoing restores them and removes the new.
 */
export const replaceProgramRulesStep = createStep(
  "replace-affiliate-program-rules",
  async (input: { program_id: string; rules?: ProgramRuleInput[] }, { container }) => {
    if (!input.rules) {
      return new StepResponse(void 0)
    }
    const service = container.resolve<AffiliateModuleService>(AFFILIATE_MODULE)
    const retired = (await service.listAffiliateProgramRules({ program_id: input.program_id }, { select: ["id"] })).map((r) => r.id)
    if (retired.length) {
      await service.softDeleteAffiliateProgramRules(retired)
    }
    let created: { id: string }[] = []
    try {
      created = input.rules.length
        ? ((await service.createAffiliateProgramRules(
            input.rules.map((rule) => ({ ...rule, program_id: input.program_id })) as any[]
          )) as unknown as { id: string }[])
        : []
    } catch (error) {
      // A step that fails is not compensated: put the old rules back before failing.
      if (retired.length) {
        await service.restoreAffiliateProgramRules(retired)
      }
      throw error
    }
    return new StepResponse(void 0, { created_ids: created.map((r) => r.id), retired_ids: retired })
  },
  async (undo, { container }) => {
    if (!undo) {
      return
    }
    const service = container.resolve<AffiliateModuleService>(AFFILIATE_MODULE)
    if (undo.created_ids.length) {
      await service.deleteAffiliateProgramRules(undo.created_ids)
    }
    if (undo.retired_ids.length) {
      await service.restoreAffiliateProgramRules(undo.retired_ids)
    }
  }
)
