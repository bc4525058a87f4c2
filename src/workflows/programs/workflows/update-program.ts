import { createWorkflow, transform, WorkflowResponse } from "@medusajs/framework/workflows-sdk"
import { replaceProgramRulesStep } from "../steps/replace-program-rules"
import { updateProgramStep } from "../steps/update-program"
import { ProgramFields, ProgramRuleInput, validateProgramInputStep } from "../steps/validate-program-input"

export const updateAffiliateProgramWorkflowId = "update-affiliate-program"

export type UpdateAffiliateProgramWorkflowInput = ProgramFields & { id: string; rules?: ProgramRuleInput[] }

/**
 * An admin changes a program's terms; `rules`, when given, replaces the whole set. New
 * terms apply to orders credited from now on: sales already booked keep their frozen rate.
 */
export const updateAffiliateProgramWorkflow = createWorkflow(
  updateAffiliateProgramWorkflowId,
  (input: UpdateAffiliateProgramWorkflowInput) => {
    const split = transform({ input }, ({ input }) => {
      const { id, rules, ...data } = input
      return { id, data, rules, update: { id, ...data }, replace: { program_id: id, rules } }
    })
    validateProgramInputStep(split)
    updateProgramStep(split.update)
    replaceProgramRulesStep(split.replace)
    return new WorkflowResponse({ id: input.id })
  }
)
