import { z } from "@medusajs/framework/zod"
import { CLICK_FIELD_LIMITS } from "../../../modules/affiliate/models/affiliate-click"

/** Empty strings from storefront forms mean "not given". */
const optionalText = (max: number) =>
  z
    .string()
    .max(max, { error: `must be at most ${max} characters` })
    .nullish()
    .transform((value) => (value ? value : null))

export const StoreRecordClick = z.strictObject({
  session_id: optionalText(CLICK_FIELD_LIMITS.session_id),
  sub_id: optionalText(CLICK_FIELD_LIMITS.sub_id),
  landing_url: optionalText(CLICK_FIELD_LIMITS.landing_url),
  referrer: optionalText(CLICK_FIELD_LIMITS.referrer),
})
export type StoreRecordClickType = z.infer<typeof StoreRecordClick>
