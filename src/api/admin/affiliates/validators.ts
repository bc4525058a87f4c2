import { z } from "@medusajs/framework/zod"
import { AFFILIATE_STATUSES } from "../../../types/enums"
import {
  affiliateCode,
  decimal,
  emailAddress,
  listParams,
  oneOf,
  oneOrMany,
  recordId,
  searchText,
} from "../../utils/validators"

/** Every field an admin may set; an update takes any of them. */
const affiliateFields = {
  code: affiliateCode,
  name: z.string().trim().min(1).max(255),
  email: emailAddress,
  status: oneOf(AFFILIATE_STATUSES),
  program_id: recordId,
  /** Percent override of the program's rate (10 = 10 %); null = the program's terms. */
  commission_rate: decimal({ max: 100 }).nullable(),
  customer_id: recordId.nullable(),
  metadata: z.record(z.string(), z.unknown()).nullable(),
}

export const AdminUpdateAffiliate = z.strictObject(affiliateFields).partial()
export type AdminUpdateAffiliateType = z.infer<typeof AdminUpdateAffiliate>

export const AdminCreateAffiliate = AdminUpdateAffiliate.extend({
  code: affiliateFields.code,
  name: affiliateFields.name,
  email: affiliateFields.email,
})
export type AdminCreateAffiliateType = z.infer<typeof AdminCreateAffiliate>

export const AFFILIATE_ORDER_FIELDS = ["created_at", "updated_at", "code", "name", "email", "status"] as const

export const AdminGetAffiliatesParams = z.strictObject({
  ...listParams(AFFILIATE_ORDER_FIELDS, "-created_at"),
  q: searchText,
  status: oneOrMany(oneOf(AFFILIATE_STATUSES)).optional(),
  program_id: oneOrMany(recordId).optional(),
})
export type AdminGetAffiliatesParamsType = z.infer<typeof AdminGetAffiliatesParams>

const promotionIds = z.array(recordId).max(100)

export const AdminUpdateAffiliatePromotions = z.strictObject({
  add: promotionIds.default([]),
  remove: promotionIds.default([]),
  /** The promotion the affiliate's referral applies to a cart by itself; null = none. */
  link_promotion_id: recordId.nullable().optional(),
})
export type AdminUpdateAffiliatePromotionsType = z.infer<typeof AdminUpdateAffiliatePromotions>
