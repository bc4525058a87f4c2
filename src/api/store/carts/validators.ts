import { z } from "@medusajs/framework/zod"
import { recordId } from "../../utils/validators"

/** A referral for a cart: an affiliate code, or the id of a recorded click. */
export const StoreAttachCartReferral = z
  .strictObject({
    code: z.string().trim().min(1).max(64).optional(),
    click_id: recordId.optional(),
  })
  .refine((body) => !!body.code !== !!body.click_id, {
    error: "give either code or click_id",
    path: ["code"],
  })
export type StoreAttachCartReferralType = z.infer<typeof StoreAttachCartReferral>
