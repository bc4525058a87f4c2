import { z } from "@medusajs/framework/zod"
import { PAYOUT_STATUSES } from "../../../types/enums"
import {
  createdAtRange,
  currencyCode,
  exportFormat,
  listParams,
  oneOf,
  oneOrMany,
  optionalText,
  recordId,
  required,
} from "../../utils/validators"

export const PAYOUT_ORDER_COLUMNS = ["created_at", "amount", "status", "paid_at"] as const

export const AdminListPayouts = z.strictObject({
  affiliate_id: oneOrMany(recordId).optional(),
  status: oneOrMany(oneOf(PAYOUT_STATUSES, { quoteRefused: true })).optional(),
  currency_code: oneOrMany(currencyCode).optional(),
  created_at: createdAtRange.optional(),
  format: exportFormat,
  ...listParams(PAYOUT_ORDER_COLUMNS, "-created_at"),
})
export type AdminListPayoutsType = z.infer<typeof AdminListPayouts>

export const AdminRequestPayouts = z.strictObject({
  currency_code: currencyCode,
  /** Only these affiliates; every affiliate with enough available when left out. */
  affiliate_ids: z.array(recordId).min(1).max(1000).optional(),
})
export type AdminRequestPayoutsType = z.infer<typeof AdminRequestPayouts>

/** Who a batch in one currency would pay now; the same choice of affiliates as the batch itself. */
export const AdminPreviewPayouts = z.strictObject({
  currency_code: required(currencyCode),
  /** `affiliate_ids=a&affiliate_ids=b`, `affiliate_ids[]=a` or `affiliate_ids=a,b`. */
  affiliate_ids: z
    .preprocess((value) => (typeof value === "string" ? value.split(",") : value), z.array(recordId).min(1).max(1000))
    .optional(),
})
export type AdminPreviewPayoutsType = z.infer<typeof AdminPreviewPayouts>

export const AdminMarkPayoutPaid = z.strictObject({
  /** The external reference of the transfer: PayPal batch id, bank reference, ... */
  reference: optionalText(255),
})
export type AdminMarkPayoutPaidType = z.infer<typeof AdminMarkPayoutPaid>

export const AdminMarkPayoutFailed = z.strictObject({
  reason: optionalText(1000),
})
export type AdminMarkPayoutFailedType = z.infer<typeof AdminMarkPayoutFailed>
