import { jobSchedule, jobTick } from "../utils/job-container"

describe("jobSchedule", () => {
  const name = "MEDUSA_AFFILIATES_TEST_SCHEDULE"
  afterEach(() => delete process.env[name])

  it("takes the environment's cron when set, the job's own otherwise", () => {
    expect(jobSchedule(name, "0 * * * *")).toBe("0 * * * *")
    process.env[name] = "  */5 * * * * *  "
    expect(jobSchedule(name, "0 * * * *")).toBe("*/5 * * * * *")
    process.env[name] = " "
    expect(jobSchedule(name, "0 * * * *")).toBe("0 * * * *")
  })
})

describe("jobTick", () => {
  it("names the scheduler's tick, or a run by hand", () => {
    expect(jobTick({ scheduledFor: new Date("2026-12-07T04:00:05Z") })).toBe("run for 2026-12-07T04:00:05.000Z")
    expect(jobTick(undefined)).toBe("run by hand")
    expect(jobTick({ scheduledFor: new Date("nope") })).toBe("run by hand")
  })
})
