import { model } from "@medusajs/framework/utils"

/** How far a scheduled job has safely scanned, so a lost run or crash resumes from there. */
const AffiliateJobCursor = model.define(
  { tableName: "affiliate_job_cursor", name: "AffiliateJobCursor" },
  {
    /** The job's name. */
    id: model.text().primaryKey(),
    position: model.dateTime(),
  }
)

export default AffiliateJobCursor
