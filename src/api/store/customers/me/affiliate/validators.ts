import { z } from "@medusajs/framework/zod"
import { LEDGER_ENTRY_STATUSES, LEDGER_ENTRY_TYPES } from "../../../../../types/enums"
import { activityQuery } from "../../../../utils/activity-query"
import { affiliateCode, currencyCode, emailAddress, listParams, oneOf, oneOrMany } from "../../../../utils/validators"

export const StoreApplyForAffiliate = z.strictObject({
  code: affiliateCode.optional(),
  name: z.string().trim().min(1).max(200).optional(),
  payout_email: emailAddress.optional(),
  metadata: z.record(z.string(), z.unknown()).optional(),
})
export type StoreApplyForAffiliateType = z.infer<typeof StoreApplyForAffiliate>

export const PORTAL_COMMISSION_ORDER_COLUMNS = ["created_at", "amount", "status", "available_at"] as const

/** Medusa's list conventions (`limit`, `offset`, `order`, `fields`), as its store routes take them. */
export const StorePortalCommissionsParams = z.strictObject({
  status: oneOrMany(oneOf(LEDGER_ENTRY_STATUSES)).optional(),
  type: oneOrMany(oneOf(LEDGER_ENTRY_TYPES)).optional(),
  currency_code: currencyCode.optional(),
  ...listParams(PORTAL_COMMISSION_ORDER_COLUMNS, "-created_at"),
})
export type StorePortalCommissionsParamsType = z.infer<typeof StorePortalCommissionsParams>

/** The profile takes Medusa's `fields` selection, as `GET /store/customers/me` does. */
export const StorePortalProfileParams = z.strictObject({
  fields: z.string().max(2000).optional(),
})
export type StorePortalProfileParamsType = z.infer<typeof StorePortalProfileParams>

export const StorePortalStatsParams = activityQuery({})
export type StorePortalStatsParamsType = z.infer<typeof StorePortalStatsParams>
