import { z } from "@medusajs/framework/zod"
import { PROGRAM_TERM_LIMITS } from "./domain/program-terms"

const { days: DAYS, trailing_months: MONTHS } = PROGRAM_TERM_LIMITS

/** The plugin options (docs/API.md, Options). Every option is optional. */
export const affiliateOptionsSchema = z.strictObject({
  defaultProgram: z
    .strictObject({
      name: z.string().trim().min(1).max(255).default("Default program"),
      commissionType: z.enum(["percentage", "flat"]).default("percentage"),
      commissionValue: z.number().finite().nonnegative().default(10),
      holdDays: z.number().int().min(DAYS.min).max(DAYS.max).default(30),
      cookieDays: z.number().int().min(DAYS.min).max(DAYS.max).default(30),
      trailingMonths: z.number().int().min(MONTHS.min).max(MONTHS.max).nullable().default(null),
      firstOrderOnly: z.boolean().default(false),
      minPayoutAmount: z.number().finite().nonnegative().default(0),
      autoApprove: z.boolean().default(false),
    })
    .refine((p) => p.commissionType !== "percentage" || p.commissionValue <= PROGRAM_TERM_LIMITS.max_percentage, {
      message: `a percentage commission must be between 0 and ${PROGRAM_TERM_LIMITS.max_percentage}`,
      path: ["commissionValue"],
    })
    .prefault({}),
  attributionPriority: z.enum(["code", "link"]).default("code"),
  allowSelfReferral: z.boolean().default(false),
  clawbackAfterPayout: z.boolean().default(true),
  commissionBase: z.enum(["items", "total"]).default("items"),
  hashSalt: z.string().min(1).optional(),
  /** The plain tracking link `GET /ref/:code?to=`: where it may land (default: storeCors's origins). */
  trackingLink: z
    .strictObject({
      allowedOrigins: z.array(z.url({ protocol: /^https?$/ })).min(1).optional(),
      landingUrl: z.url({ protocol: /^https?$/ }).optional(),
    })
    .prefault({}),
})

export type AffiliatePluginOptions = z.input<typeof affiliateOptionsSchema>
export type AffiliateOptions = z.output<typeof affiliateOptionsSchema>

/** Keys Medusa itself adds to a module's options; everything else must be ours. */
const MEDUSA_MODULE_OPTION_KEYS = new Set(["database", "scope", "resources"])

/**
 * Validates the options a store owner wrote in medusa-config.ts, so a typo or a wrong type
 * stops boot with the option's name instead of being silently ignored.
 */
export function parseAffiliateOptions(raw: Record<string, unknown> | undefined): AffiliateOptions {
  const ours = Object.fromEntries(
    Object.entries(raw ?? {}).filter(([key]) => !MEDUSA_MODULE_OPTION_KEYS.has(key))
  )
  const result = affiliateOptionsSchema.safeParse(ours)
  if (!result.success) {
    const problems = result.error.issues.flatMap((issue) => {
      const names =
        issue.code === "unrecognized_keys"
          ? issue.keys.map((key) => [...issue.path, key].join("."))
          : [issue.path.join(".")]
      const message = issue.code === "unrecognized_keys" ? "is not an option of this plugin" : issue.message
      return names.map((name) => `\`${name}\`: ${message}`)
    })
    throw new Error(`medusa-affiliates: invalid plugin option ${problems.join("; ")}`)
  }
  return result.data
}
