import { z } from "@medusajs/framework/zod"
import { pagination } from "../../../../../utils/validators"
import { namedCurrencyCode } from "../../../../../admin/affiliate-commissions/validators"

export const StoreRequestPayout = z.strictObject({
  currency_code: namedCurrencyCode,
})
export type StoreRequestPayoutType = z.infer<typeof StoreRequestPayout>

export const StoreListPayouts = z.strictObject({
  ...pagination,
})
export type StoreListPayoutsType = z.infer<typeof StoreListPayouts>
