import { z } from "@medusajs/framework/zod"
import { activityQuery } from "../../utils/activity-query"
import { queryInteger, recordId } from "../../utils/validators"

/** The program-wide activity report, or one affiliate's with `affiliate_id`. */
export const AdminAffiliateReportParams = activityQuery({
  affiliate_id: recordId.optional(),
  top: queryInteger(1, 100).default(10),
})
export type AdminAffiliateReportParamsType = z.infer<typeof AdminAffiliateReportParams>
