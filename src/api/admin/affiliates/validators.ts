import { MathBN } from "@medusajs/framework/utils"
import { z } from "@medusajs/framework/zod"
import { isValidAffiliateCode, normalizeAffiliateCode } from "../../../modules/affiliate/domain/affiliate-code"
import { AFFILIATE_STATUSES } from "../../../modules/affiliate/types/enums"
import { pagination } from "../../utils/validators"

/**
 * A custom message that starts with the field's path ("rules.0.commission_value: ..."):
 * Medusa's validator prints format and refinement issues by their message alone.
 */
export const named = (text: string) => ({
  error: (issue: { path?: PropertyKey[] }) => `${(issue.path ?? []).map(String).join(".") || "value"}: ${text}`,
})

/** A non-negative decimal as a JSON number or a string, kept as a string to stay exact. */
export const decimal = ({ max }: { max?: number } = {}) =>
  z
    .union([z.number(), z.string()])
    .refine((v) => /^\d+(\.\d+)?$/.test(typeof v === "number" ? String(v) : v.trim()), named("must be a non-negative decimal number"))
    .transform((v) => (typeof v === "number" ? String(v) : v.trim()))
    .refine((v) => max === undefined || MathBN.lte(v, max), named(`must be at most ${max}`))

/**
 * One of a list of values. Unlike z.enum, a wrong value inside an array or a query list
 * is reported with its path and the allowed values (Medusa's printer cannot find it there).
 */
export const oneOf = <const T extends readonly string[]>(values: T) =>
  z
    .string()
    .refine((v) => values.includes(v), named(`must be one of ${values.join(", ")}`))
    .transform((v) => v as T[number])

/** An id of another record; bounded so an over-long value is refused before any lookup. */
export const recordId = z.string().trim().min(1).max(64)

/** `order` of a list: one of the given fields, `-` first for descending. */
export const listOrder = (fields: readonly string[], fallback: string) =>
  z
    .string()
    .regex(new RegExp(`^-?(${fields.join("|")})$`), named(`must be one of ${fields.join(", ")}, optionally prefixed with "-"`))
    .default(fallback)

/** A filter that takes one value or many (`?status=active&status=pending` or `?status=active,pending`). */
export const oneOrMany = <T extends z.ZodTypeAny>(item: T) =>
  z.preprocess((v) => (typeof v === "string" ? v.split(",") : v), z.array(item).min(1).max(100))

/** The common query of a list route: pagination, order and Medusa's `fields` selection. */
export const listParams = (orderFields: readonly string[], fallbackOrder: string) => ({
  ...pagination,
  order: listOrder(orderFields, fallbackOrder),
  fields: z.string().max(2000).optional(),
  q: z
    .string()
    .trim()
    .max(200)
    .optional()
    .transform((q) => q || undefined),
})

const affiliateCode = z
  .string()
  .refine((code) => isValidAffiliateCode(code), named('must be 3-32 characters of A-Z, 0-9, "-" or "_"'))
  .transform(normalizeAffiliateCode)

const affiliateFields = {
  name: z.string().trim().min(1).max(255),
  email: z.string().trim().max(320).pipe(z.email(named("must be an email address"))),
  status: oneOf(AFFILIATE_STATUSES),
  program_id: recordId,
  /** Percent override of the program's rate (10 = 10 %); null = the program's terms. */
  commission_rate: decimal({ max: 100 }).nullable(),
  customer_id: recordId.nullable(),
  metadata: z.record(z.string(), z.unknown()).nullable(),
}

export const AdminCreateAffiliate = z.strictObject({
  code: affiliateCode,
  name: affiliateFields.name,
  email: affiliateFields.email,
  status: affiliateFields.status.optional(),
  program_id: affiliateFields.program_id.optional(),
  commission_rate: affiliateFields.commission_rate.optional(),
  customer_id: affiliateFields.customer_id.optional(),
  metadata: affiliateFields.metadata.optional(),
})
export type AdminCreateAffiliateType = z.infer<typeof AdminCreateAffiliate>

export const AdminUpdateAffiliate = z.strictObject({
  code: affiliateCode.optional(),
  name: affiliateFields.name.optional(),
  email: affiliateFields.email.optional(),
  status: affiliateFields.status.optional(),
  program_id: affiliateFields.program_id.optional(),
  commission_rate: affiliateFields.commission_rate.optional(),
  customer_id: affiliateFields.customer_id.optional(),
  metadata: affiliateFields.metadata.optional(),
})
export type AdminUpdateAffiliateType = z.infer<typeof AdminUpdateAffiliate>

export const AFFILIATE_ORDER_FIELDS = ["created_at", "updated_at", "code", "name", "email", "status"] as const

export const AdminGetAffiliatesParams = z.strictObject({
  ...listParams(AFFILIATE_ORDER_FIELDS, "-created_at"),
  status: oneOrMany(oneOf(AFFILIATE_STATUSES)).optional(),
  program_id: oneOrMany(recordId).optional(),
})
export type AdminGetAffiliatesParamsType = z.infer<typeof AdminGetAffiliatesParams>

/** Detail routes take no query parameters. */
export const AdminGetAffiliateParams = z.strictObject({})

const promotionIds = z.array(recordId).max(100)

export const AdminUpdateAffiliatePromotions = z.strictObject({
  add: promotionIds.default([]),
  remove: promotionIds.default([]),
})
export type AdminUpdateAffiliatePromotionsType = z.infer<typeof AdminUpdateAffiliatePromotions>
