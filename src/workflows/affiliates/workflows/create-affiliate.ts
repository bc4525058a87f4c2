import { createWorkflow, transform, WorkflowResponse } from "@medusajs/framework/workflows-sdk"
import { emitEventStep } from "@medusajs/medusa/core-flows"
import { createAffiliateStep } from "../steps/create-affiliate"
import { AffiliateFields, validateAffiliateInputStep } from "../steps/validate-affiliate-input"
import { AffiliateEvents } from "../../../events"

export const createAffiliateWorkflowId = "create-affiliate"

export type CreateAffiliateWorkflowInput = AffiliateFields & { code: string; name: string; email: string }

/** An admin creates an affiliate; `affiliate.created` { id } follows. */
export const createAffiliateWorkflow = createWorkflow(createAffiliateWorkflowId, (input: CreateAffiliateWorkflowInput) => {
  const validation = transform({ input }, ({ input }) => ({ data: input }))
  validateAffiliateInputStep(validation)
  const affiliate = createAffiliateStep(input)
  const created = transform({ affiliate }, ({ affiliate }) => ({ id: affiliate.id }))
  emitEventStep({ eventName: AffiliateEvents.CREATED, data: created })
  return new WorkflowResponse(affiliate)
})
