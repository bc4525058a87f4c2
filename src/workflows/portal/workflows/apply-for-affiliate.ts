import { createWorkflow, transform, WorkflowResponse } from "@medusajs/framework/workflows-sdk"
import { emitEventStep, useQueryGraphStep } from "@medusajs/medusa/core-flows"
import { createPortalAffiliateStep } from "../steps/create-portal-affiliate"
import { prepareAffiliateApplicationStep } from "../steps/prepare-affiliate-application"

export const applyForAffiliateWorkflowId = "apply-for-affiliate"

export type ApplyForAffiliateInput = {
  customer_id: string
  code?: string
  name?: string
  payout_email?: string
  metadata?: Record<string, unknown>
}

/**
 * A logged-in customer becomes an affiliate of the default program: `pending` for review,
 * or `active` at once when the program auto-approves. Emits `affiliate.created` { id }.
 */
export const applyForAffiliateWorkflow = createWorkflow(
  applyForAffiliateWorkflowId,
  (input: ApplyForAffiliateInput) => {
    const { data: customers } = useQueryGraphStep({
      entity: "customer",
      fields: ["id", "email", "first_name", "last_name"],
      filters: { id: input.customer_id },
      options: { throwIfKeyNotFound: true },
    })
    const application = transform({ input, customers }, ({ input, customers }) => ({
      customer: customers[0],
      code: input.code,
      name: input.name,
      payout_email: input.payout_email,
      metadata: input.metadata,
    }))
    const data = prepareAffiliateApplicationStep(application)
    const affiliate = createPortalAffiliateStep(data)
    emitEventStep({
      eventName: "affiliate.created",
      data: transform({ affiliate }, ({ affiliate }) => ({ id: affiliate.id })),
    })
    return new WorkflowResponse(affiliate)
  }
)
