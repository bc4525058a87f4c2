import { ExecArgs, MedusaContainer } from "@medusajs/framework/types"
import { jobContainer, jobSchedule, jobTick } from "../utils/job-container"
import { ReconcileResult, reconcileOrdersWorkflow } from "../workflows/reconcile/workflows/reconcile-orders"

/**
 * Every 15 minutes: catches what lost events missed (Medusa's default event bus delivers at
 * most once); see reconcileOrdersWorkflow. By hand: `npx medusa exec ./src/jobs/reconcile-orders.ts`.
 */
export default async function reconcileOrdersJob(
  input: MedusaContainer | ExecArgs,
  context?: { scheduledFor?: Date }
): Promise<ReconcileResult> {
  const container = jobContainer(input)
  const { result } = await reconcileOrdersWorkflow(container).run({ input: { started_at: new Date() } })
  container
    .resolve("logger")
    .info(
      `medusa-affiliates: reconcile-orders ${jobTick(context)}: attributed ${result.attributed} orders, checked ${result.checked_orders} changed orders, booked ${result.corrections} corrections`
    )
  return result
}

export const config = {
  name: "affiliates-reconcile-orders",
  schedule: jobSchedule("MEDUSA_AFFILIATES_RECONCILE_SCHEDULE", "*/15 * * * *"),
}
