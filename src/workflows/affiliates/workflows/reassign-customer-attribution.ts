import { createWorkflow, WorkflowResponse } from "@medusajs/framework/workflows-sdk"
import { reassignCustomerAttributionStep } from "../steps/reassign-customer-attribution"
import { validateAttributionReassignmentStep } from "../steps/validate-attribution-reassignment"

export const reassignCustomerAttributionWorkflowId = "reassign-affiliate-customer-attribution"

/** An admin binds a customer to an affiliate (`manual`), replacing their attribution. */
export const reassignCustomerAttributionWorkflow = createWorkflow(
  reassignCustomerAttributionWorkflowId,
  (input: { customer_id: string; affiliate_id: string; created_by: string | null }) => {
    validateAttributionReassignmentStep(input)
    const attribution = reassignCustomerAttributionStep(input)
    return new WorkflowResponse(attribution)
  }
)
