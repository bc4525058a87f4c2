import { createWorkflow, WorkflowResponse } from "@medusajs/framework/workflows-sdk"
import { rollUpActivityStep } from "../steps/roll-up-activity"

export const rollUpActivityWorkflowId = "roll-up-affiliate-activity"

/**
 * Brings the reports' daily rollup up to the last whole UTC day: reports then read whole
 * days from it and only the days since from the rows.
 */
export const rollUpActivityWorkflow = createWorkflow(rollUpActivityWorkflowId, (input: { until?: Date }) => {
  return new WorkflowResponse(rollUpActivityStep(input))
})
