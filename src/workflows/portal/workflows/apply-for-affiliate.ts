import { createWorkflow, transform, WorkflowResponse } from "@medusajs/framework/workflows-sdk"
import { emitEventStep, useQueryGraphStep } from "@medusajs/medusa/core-flows"
import { createAffiliateStep } from "../../affiliates/steps/create-affiliate"
import { AffiliateApplication, prepareAffiliateApplicationStep } from "../steps/prepare-affiliate-application"
import { AffiliateEvents } from "../../../events"

export const applyForAffiliateWorkflowId = "apply-for-affiliate"

export type ApplyForAffiliateInput = Omit<AffiliateApplication, "customer"> & { customer_id: string }

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
    const application = transform({ input, customers }, ({ input: { customer_id, ...application }, customers }) => ({
      ...application,
      customer: customers[0],
    }))
    const data = prepareAffiliateApplicationStep(application)
    const affiliate = createAffiliateStep(data)
    emitEventStep({
      eventName: AffiliateEvents.CREATED,
      data: transform({ affiliate }, ({ affiliate }) => ({ id: affiliate.id })),
    })
    return new WorkflowResponse(affiliate)
  }
)
