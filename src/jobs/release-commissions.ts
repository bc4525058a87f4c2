import { ExecArgs, MedusaContainer } from "@medusajs/framework/types"
import { jobContainer, jobSchedule, jobTick } from "../utils/job-container"
import { releaseCommissionsWorkflow } from "../workflows/commissions/workflows/release-commissions"

/**
 * Hourly: held commissions whose hold has ended become available for payout. Safe to run
 * twice at once or after a crash. By hand: `npx medusa exec ./src/jobs/release-commissions.ts`
 * in the app, or the built file under node_modules/medusa-affiliates/.medusa/server.
 */
export default async function releaseCommissionsJob(input: MedusaContainer | ExecArgs, context?: { scheduledFor?: Date }) {
  const container = jobContainer(input)
  const { result } = await releaseCommissionsWorkflow(container).run({ input: {} })
  // One line per run, so operators (and the cluster test) see which worker ran which tick.
  container.resolve("logger").info(`medusa-affiliates: release-commissions ${jobTick(context)}: released ${result.released} entries`)
  return result
}

export const config = {
  name: "affiliates-release-commissions",
  schedule: jobSchedule("MEDUSA_AFFILIATES_RELEASE_SCHEDULE", "0 * * * *"),
}
