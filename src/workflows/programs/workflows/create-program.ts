import { createWorkflow, transform, WorkflowResponse } from "@medusajs/framework/workflows-sdk"
import { createProgramStep } from "../steps/create-program"
import { replaceProgramRulesStep } from "../steps/replace-program-rules"
import { ProgramFields, ProgramRuleInput, validateProgramInputStep } from "../steps/validate-program-input"

export const createAffiliateProgramWorkflowId = "create-affiliate-program"

export type CreateAffiliateProgramWorkflowInput = ProgramFields & {
  name: string
  commission_value: string
  rules?: ProgramRuleInput[]
}

/** An admin creates a program with its product / collection rules. */
export const createAffiliateProgramWorkflow = createWorkflow(
  createAffiliateProgramWorkflowId,
  (input: CreateAffiliateProgramWorkflowInput) => {
    const split = transform({ input }, ({ input }) => {
      const { rules, ...data } = input
      return { data, rules }
    })
    validateProgramInputStep(split)
    const program = createProgramStep(split.data)
    const rules = transform({ program, split }, ({ program, split }) => ({ program_id: program.id, rules: split.rules ?? [] }))
    replaceProgramRulesStep(rules)
    return new WorkflowResponse({ id: program.id })
  }
)
