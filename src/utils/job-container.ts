import { ExecArgs, MedusaContainer } from "@medusajs/framework/types"

/**
 * Jobs are called with the container by the scheduler and with `{ container }` by
 * `medusa exec`, so the same file serves both: `npx medusa exec ./src/jobs/<job>.ts`.
 */
export function jobContainer(input: MedusaContainer | ExecArgs): MedusaContainer {
  return "container" in input && input.container ? input.container : (input as MedusaContainer)
}

/**
 * A job's cron, from the environment variable `name` when set. Read when the job file loads
 * (a job's config is static, so plugin options cannot reach it); Medusa's scheduler takes
 * five fields, or six with seconds first.
 */
export function jobSchedule(name: string, fallback: string): string {
  return process.env[name]?.trim() || fallback
}

/** The tick a run belongs to, for its log line: the scheduler's time, or "by hand". */
export function jobTick(context?: { scheduledFor?: Date }): string {
  const at = context?.scheduledFor
  return at instanceof Date && !Number.isNaN(at.getTime()) ? `run for ${at.toISOString()}` : "run by hand"
}
