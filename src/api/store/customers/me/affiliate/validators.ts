import { z } from "@medusajs/framework/zod"
import { LEDGER_ENTRY_STATUSES, LEDGER_ENTRY_TYPES } from "../../../../../types/enums"
import { activityQuery } from "../../../../utils/activity-query"
import { affiliateCode, currencyCode, emailAddress, oneOf, oneOrMany, pagination } from "../../../../utils/validators"

export const StoreApplyForAffiliate = z.strictObject({
  code: affiliateCode.optional(),
  name: z.string().trim().min(1).max(200).optional(),
  payout_email: emailAddress.optional(),
  metadata: z.record(z.string(), z.unknown()).optional(),
})
export type StoreApplyForAffiliateType = z.infer<typeof StoreApplyForAffiliate>

export const StorePortalCommissionsParams = z.strictObject({
  status: oneOrMany(oneOf(LEDGER_ENTRY_STATUSES)).optional(),
  type: oneOrMany(oneOf(LEDGER_ENTRY_TYPES)).optional(),
  currency_code: currencyCode.optional(),
  ...pagination,
})
export type StorePortalCommissionsParamsType = z.infer<typeof StorePortalCommissionsParams>

export const StorePortalStatsParams = activityQuery({})
export type StorePortalStatsParamsType = z.infer<typeof StorePortalStatsParams>
