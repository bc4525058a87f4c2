import { z } from "@medusajs/framework/zod"
import { CLICK_FIELD_LIMITS } from "../../../modules/affiliate/domain/click-fields"
import { optionalText } from "../../utils/validators"

export const StoreRecordClick = z.strictObject({
  session_id: optionalText(CLICK_FIELD_LIMITS.session_id),
  sub_id: optionalText(CLICK_FIELD_LIMITS.sub_id),
  landing_url: optionalText(CLICK_FIELD_LIMITS.landing_url),
  referrer: optionalText(CLICK_FIELD_LIMITS.referrer),
})
export type StoreRecordClickType = z.infer<typeof StoreRecordClick>
