import { z } from "zod"
import type { LookupOption } from "./hooks/core-lookups"
import { useZodForm } from "./use-zod-form"

/** A form whose one field is the affiliate chosen in a picker (customer and promotion widgets). */
const affiliateChoiceSchema = z.object({
  affiliate: z.custom<LookupOption | null>().refine((choice) => !!choice, "Choose an affiliate"),
})

export type AffiliateChoiceValues = { affiliate: LookupOption | null }

export const useAffiliateChoiceForm = () =>
  useZodForm<AffiliateChoiceValues>(affiliateChoiceSchema as z.ZodType<AffiliateChoiceValues, AffiliateChoiceValues>, {
    affiliate: null,
  })
