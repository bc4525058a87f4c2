import { z } from "@medusajs/framework/zod"
import { LEDGER_ENTRY_STATUSES, LEDGER_ENTRY_TYPES } from "../../../types/enums"
import {
  createdAtRange,
  currencyCode,
  decimal,
  exportFormat,
  listParams,
  named,
  oneOf,
  oneOrMany,
  recordId,
} from "../../utils/validators"

export const COMMISSION_ORDER_COLUMNS = ["created_at", "amount", "status", "type", "available_at"] as const

export const AdminListCommissions = z.strictObject({
  affiliate_id: oneOrMany(recordId).optional(),
  status: oneOrMany(oneOf(LEDGER_ENTRY_STATUSES, { quoteRefused: true })).optional(),
  type: oneOrMany(oneOf(LEDGER_ENTRY_TYPES, { quoteRefused: true })).optional(),
  order_id: oneOrMany(recordId).optional(),
  payout_id: oneOrMany(recordId).optional(),
  currency_code: oneOrMany(currencyCode).optional(),
  created_at: createdAtRange.optional(),
  format: exportFormat,
  ...listParams(COMMISSION_ORDER_COLUMNS, "-created_at"),
})
export type AdminListCommissionsType = z.infer<typeof AdminListCommissions>

export const AdminCreateAdjustment = z.strictObject({
  affiliate_id: recordId,
  amount: decimal({ signed: true }).refine((amount) => !/^-?0+(\.0+)?$/.test(amount), named("an adjustment cannot be zero")),
  currency_code: currencyCode,
  note: z.string().trim().min(1).max(2000),
})
export type AdminCreateAdjustmentType = z.infer<typeof AdminCreateAdjustment>

/** The optional `Idempotency-Key` request header of a create: printable ASCII, no spaces. */
export const IdempotencyKeyHeader = z
  .string()
  .regex(/^[\x21-\x7e]{1,200}$/, { error: "Idempotency-Key: must be 1-200 printable characters without spaces" })
  .optional()
