import { ExecArgs, MedusaContainer } from "@medusajs/framework/types"
import { jobContainer, jobSchedule, jobTick } from "../utils/job-container"
import { rollUpActivityWorkflow } from "../workflows/reports/workflows/roll-up-activity"

/**
 * Hourly: rolls the finished UTC days of clicks, credited orders and commission into the
 * reports' daily rollup (a missed hour is caught up by the next run). Safe to run twice at
 * once. By hand: `npx medusa exec ./src/jobs/roll-up-activity.ts`.
 */
export default async function rollUpActivityJob(input: MedusaContainer | ExecArgs, context?: { scheduledFor?: Date }) {
  const container = jobContainer(input)
  const { result } = await rollUpActivityWorkflow(container).run({ input: {} })
  // Workflow results may come back serialized: dates as ISO strings.
  const day = (d: Date | string) => new Date(d).toISOString().slice(0, 10)
  const days = result.from ? `the days from ${day(result.from)} to ${day(result.to)} (exclusive)` : "nothing new"
  container.resolve("logger").info(`medusa-affiliates: roll-up-activity ${jobTick(context)}: rolled up ${days}`)
  return result
}

export const config = {
  name: "affiliates-roll-up-activity",
  schedule: jobSchedule("MEDUSA_AFFILIATES_ROLLUP_SCHEDULE", "20 * * * *"),
}
