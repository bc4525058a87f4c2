import { z } from "@medusajs/framework/zod"
import { currencyCode, pagination } from "../../../../../utils/validators"

export const StoreRequestPayout = z.strictObject({
  currency_code: currencyCode,
})
export type StoreRequestPayoutType = z.infer<typeof StoreRequestPayout>

export const StoreListPayouts = z.strictObject({
  ...pagination,
})
export type StoreListPayoutsType = z.infer<typeof StoreListPayouts>
