import { z } from "@medusajs/framework/zod"
import { affiliateCode } from "../../../../utils/validators"

/** A customer may choose their personal code; else one is made from their name. */
export const StoreJoinCustomerReferrals = z.strictObject({
  code: affiliateCode.optional(),
})
export type StoreJoinCustomerReferralsType = z.infer<typeof StoreJoinCustomerReferrals>
