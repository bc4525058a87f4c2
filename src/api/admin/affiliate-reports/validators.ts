import { z } from "@medusajs/framework/zod"
import { activityQuery } from "../../store/customers/me/affiliate/validators"

/** The program-wide activity report, or one affiliate's with `affiliate_id`. */
export const AdminAffiliateReportParams = activityQuery({
  affiliate_id: z.string().trim().min(1).optional(),
  top: z.coerce.number().int().min(1).max(100).default(10),
})
export type AdminAffiliateReportParamsType = z.infer<typeof AdminAffiliateReportParams>
