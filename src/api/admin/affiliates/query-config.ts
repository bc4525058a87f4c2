import { MedusaContainer } from "@medusajs/framework/types"
import { refetchOr404 } from "../../utils/refetch"

/** What an affiliate shows in admin lists (docs/API.md's fields and the rest of its profile). */
export const AFFILIATE_FIELDS = [
  "id",
  "code",
  "name",
  "email",
  "status",
  "program_id",
  "commission_rate",
  "customer_id",
  "payout_email",
  "payout_details",
  "link_promotion_id",
  "metadata",
  "created_at",
  "updated_at",
]

/** The detail adds its program's name and its promotion codes. */
export const AFFILIATE_DETAIL_FIELDS = [
  ...AFFILIATE_FIELDS,
  "program.id",
  "program.name",
  "promotions.id",
  "promotions.code",
  "promotions.status",
]

export const listAffiliatesQueryConfig = { defaults: AFFILIATE_FIELDS, isList: true }

/** An affiliate as the admin detail shows it, promotions sorted by code; 404 when absent. */
export async function refetchAffiliate(scope: MedusaContainer, id: string) {
  const affiliate = await refetchOr404(scope, { entity: "affiliate", id, fields: AFFILIATE_DETAIL_FIELDS, label: "Affiliate" })
  return {
    ...affiliate,
    promotions: (affiliate.promotions ?? [])
      .filter(Boolean)
      .sort((a: { code: string }, b: { code: string }) => a.code.localeCompare(b.code)),
  }
}
