import { z } from "@medusajs/framework/zod"
import { currencyCode, listParams } from "../../../../../utils/validators"

export const StoreRequestPayout = z.strictObject({
  currency_code: currencyCode,
})
export type StoreRequestPayoutType = z.infer<typeof StoreRequestPayout>

export const PORTAL_PAYOUT_ORDER_COLUMNS = ["created_at", "amount", "status", "paid_at"] as const

/** Medusa's list conventions (`limit`, `offset`, `order`, `fields`), as its store routes take them. */
export const StoreListPayouts = z.strictObject({
  ...listParams(PORTAL_PAYOUT_ORDER_COLUMNS, "-created_at"),
})
export type StoreListPayoutsType = z.infer<typeof StoreListPayouts>
