import { z } from "@medusajs/framework/zod"
import { PAYOUT_STATUSES } from "../../../modules/affiliate/types/enums"
import { pagination } from "../../utils/validators"
import {
  createdAtRange,
  exportFormat,
  namedCurrencyCode,
  namedEnum,
  oneOrMany,
  orderBy,
  resourceId,
} from "../affiliate-commissions/validators"

/** Optional free text; an empty string means "not given". */
const optionalText = (max: number) =>
  z
    .string()
    .trim()
    .max(max)
    .nullish()
    .transform((value) => value || null)

export const PAYOUT_ORDER_COLUMNS = ["created_at", "amount", "status", "paid_at"] as const

export const AdminListPayouts = z.strictObject({
  affiliate_id: oneOrMany(resourceId).optional(),
  status: oneOrMany(namedEnum(PAYOUT_STATUSES)).optional(),
  currency_code: oneOrMany(namedCurrencyCode).optional(),
  created_at: createdAtRange.optional(),
  fields: z.string().optional(),
  order: orderBy(PAYOUT_ORDER_COLUMNS),
  format: exportFormat,
  ...pagination,
})
export type AdminListPayoutsType = z.infer<typeof AdminListPayouts>

export const AdminRequestPayouts = z.strictObject({
  currency_code: namedCurrencyCode,
  /** Only these affiliates; every affiliate with enough available when left out. */
  affiliate_ids: z.array(resourceId).min(1).max(1000).optional(),
})
export type AdminRequestPayoutsType = z.infer<typeof AdminRequestPayouts>

export const AdminMarkPayoutPaid = z.strictObject({
  /** The external reference of the transfer: PayPal batch id, bank reference, ... */
  reference: optionalText(255),
})
export type AdminMarkPayoutPaidType = z.infer<typeof AdminMarkPayoutPaid>

export const AdminMarkPayoutFailed = z.strictObject({
  reason: optionalText(1000),
})
export type AdminMarkPayoutFailedType = z.infer<typeof AdminMarkPayoutFailed>
