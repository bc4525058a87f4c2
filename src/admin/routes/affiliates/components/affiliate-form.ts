// The affiliate form's values, the checks made before sending, and the payloads it sends.
import { z } from "zod"
import type { AffiliatePayload } from "../../../lib/hooks/affiliates"
import type { Affiliate } from "../../../../types/http"

const CODE = /^\s*[A-Za-z0-9_-]{3,32}\s*$/
const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/

const isRateOrEmpty = (value: string) => {
  const rate = Number(value)
  return !value.trim() || (Number.isFinite(rate) && rate >= 0 && rate <= 100)
}

/** The checks the API would make anyway, caught before the round trip. */
export const affiliateFormSchema = z.object({
  code: z.string().regex(CODE, "Use 3-32 characters: letters, digits, - or _"),
  name: z.string().refine((v) => v.trim() !== "", "Enter a name"),
  email: z.string().refine((v) => EMAIL.test(v.trim()), "Enter a valid email address"),
  /** Where a new affiliate starts; an existing one changes status through its actions. */
  status: z.enum(["pending", "active"]),
  /** "" = the default program (only when creating). */
  program_id: z.string(),
  /** Percent as typed; "" = the program's rate. */
  commission_rate: z.string().refine(isRateOrEmpty, "Enter a percent between 0 and 100, or leave empty for the program's rate"),
  customer_id: z.object({ id: z.string(), label: z.string(), description: z.string().optional() }).nullable(),
})

export type AffiliateFormValues = z.infer<typeof affiliateFormSchema>

/** The form's fields by their API names, so an API error lands on the right one. */
export const AFFILIATE_FORM_FIELDS = Object.keys(affiliateFormSchema.shape) as (keyof AffiliateFormValues)[]

export const emptyAffiliateForm = (): AffiliateFormValues => ({
  code: "",
  name: "",
  email: "",
  status: "active",
  program_id: "",
  commission_rate: "",
  customer_id: null,
})

export const affiliateFormFrom = (affiliate: Affiliate): AffiliateFormValues => ({
  code: affiliate.code,
  name: affiliate.name,
  email: affiliate.email,
  status: affiliate.status === "pending" ? "pending" : "active",
  program_id: affiliate.program_id ?? affiliate.program?.id ?? "",
  commission_rate: affiliate.commission_rate == null ? "" : String(affiliate.commission_rate),
  customer_id: affiliate.customer_id ? { id: affiliate.customer_id, label: affiliate.customer_id } : null,
})

export const createAffiliatePayload = (values: AffiliateFormValues): AffiliatePayload => ({
  code: values.code.trim().toUpperCase(),
  name: values.name.trim(),
  email: values.email.trim(),
  status: values.status,
  ...(values.program_id ? { program_id: values.program_id } : {}),
  ...(values.commission_rate.trim() ? { commission_rate: Number(values.commission_rate) } : {}),
  ...(values.customer_id ? { customer_id: values.customer_id.id } : {}),
})

/** Only what changed; a cleared rate or customer is sent as null. */
export const updateAffiliatePayload = (values: AffiliateFormValues, original: Affiliate): AffiliatePayload => {
  const payload: AffiliatePayload = {}
  const code = values.code.trim().toUpperCase()
  if (code !== original.code) payload.code = code
  if (values.name.trim() !== original.name) payload.name = values.name.trim()
  if (values.email.trim() !== original.email) payload.email = values.email.trim()
  if (values.program_id && values.program_id !== original.program_id) payload.program_id = values.program_id
  const rate = values.commission_rate.trim() ? Number(values.commission_rate) : null
  const originalRate = original.commission_rate == null ? null : Number(original.commission_rate)
  if (rate !== originalRate) payload.commission_rate = rate
  const customerId = values.customer_id?.id ?? null
  if (customerId !== (original.customer_id ?? null)) payload.customer_id = customerId
  return payload
}
