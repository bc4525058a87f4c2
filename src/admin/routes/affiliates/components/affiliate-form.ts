// The affiliate form's values, its checks before sending, and the payloads it sends.
import type { AffiliatePayload } from "../../../lib/hooks/affiliates"
import type { LookupOption } from "../../../lib/hooks/core-lookups"
import type { Affiliate } from "../../../lib/types"

export type AffiliateFormValues = {
  code: string
  name: string
  email: string
  /** Where a new affiliate starts; an existing one changes status through its actions. */
  status: "pending" | "active"
  /** "" = the default program (only when creating). */
  program_id: string
  /** Percent as typed; "" = the program's rate. */
  commission_rate: string
  customer_id: LookupOption | null
}

export type AffiliateFormField = keyof AffiliateFormValues

/** The form's fields by their API names, so an API error lands on the right one. */
export const AFFILIATE_FORM_FIELDS: readonly AffiliateFormField[] = [
  "code",
  "name",
  "email",
  "status",
  "program_id",
  "commission_rate",
  "customer_id",
]

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

const CODE = /^[A-Za-z0-9_-]{3,32}$/
const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/

/** The checks the API would make anyway, caught before the round trip. */
export const validateAffiliateForm = (values: AffiliateFormValues): Partial<Record<AffiliateFormField, string>> => {
  const errors: Partial<Record<AffiliateFormField, string>> = {}
  if (!CODE.test(values.code.trim())) {
    errors.code = "Use 3-32 characters: letters, digits, - or _"
  }
  if (!values.name.trim()) {
    errors.name = "Enter a name"
  }
  if (!EMAIL.test(values.email.trim())) {
    errors.email = "Enter a valid email address"
  }
  if (values.commission_rate.trim()) {
    const rate = Number(values.commission_rate)
    if (!Number.isFinite(rate) || rate < 0 || rate > 100) {
      errors.commission_rate = "Enter a percent between 0 and 100, or leave empty for the program's rate"
    }
  }
  return errors
}

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
