import { z } from "@medusajs/framework/zod"
import { activityQuery } from "../../utils/activity-query"
import { oneOrMany, queryInteger, recordId, withDateRange } from "../../utils/validators"

/** The program-wide activity report, or one affiliate's with `affiliate_id`. */
export const AdminAffiliateReportParams = activityQuery({
  affiliate_id: recordId.optional(),
  top: queryInteger(1, 100).default(10),
})
export type AdminAffiliateReportParamsType = z.infer<typeof AdminAffiliateReportParams>

/** The coupon-leak report: per affiliate promotion code, over [from, to) (the last 30 days by default). */
export const AdminPromotionCodeLeakParams = withDateRange({
  affiliate_id: oneOrMany(recordId).optional(),
  code: oneOrMany(z.string().trim().min(1).max(255)).optional(),
  limit: queryInteger(1, 1000).default(100),
})
export type AdminPromotionCodeLeakParamsType = z.infer<typeof AdminPromotionCodeLeakParams>
