import { z } from "@medusajs/framework/zod"
import { CLICK_FIELD_LIMITS } from "../../modules/affiliate/domain/click-fields"
import { optionalText } from "../utils/validators"

/** The tracking link's own query parameters (any others, such as `utm_source`, are left alone). */
export const TrackingLinkParams = z.object({
  to: z.string({ error: "must be one URL" }).max(CLICK_FIELD_LIMITS.landing_url).optional(),
  sub_id: optionalText(CLICK_FIELD_LIMITS.sub_id),
})
export type TrackingLinkParamsType = z.infer<typeof TrackingLinkParams>
