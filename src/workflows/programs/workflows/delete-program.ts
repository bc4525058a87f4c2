import { createWorkflow, WorkflowResponse } from "@medusajs/framework/workflows-sdk"
import { deleteProgramStep } from "../steps/delete-program"

export const deleteAffiliateProgramWorkflowId = "delete-affiliate-program"

/** An admin deletes a program that is neither the default nor anyone's terms. */
export const deleteAffiliateProgramWorkflow = createWorkflow(deleteAffiliateProgramWorkflowId, (input: { id: string }) => {
  const deleted = deleteProgramStep(input)
  return new WorkflowResponse(deleted)
})
