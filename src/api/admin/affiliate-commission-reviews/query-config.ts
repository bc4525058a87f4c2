import { MedusaContainer } from "@medusajs/framework/types"
import { ContainerRegistrationKeys } from "@medusajs/framework/utils"
import { readAgainOnLostConnection } from "../../utils/refetch"

/**
 * What a review shows by default: the decision, the held sale, the affiliate, and the
 * receipt's risk (its signals with their evidence) that the admin decides on.
 */
export const REVIEW_FIELDS = [
  "id",
  "status",
  "order_id",
  "because",
  "reason",
  "decided_by",
  "decided_at",
  "reversal_id",
  "created_at",
  "updated_at",
  "commission.id",
  "commission.amount",
  "commission.currency_code",
  "commission.status",
  "commission.available_at",
  "commission.hold",
  "affiliate.id",
  "affiliate.code",
  "affiliate.name",
  "affiliate.email",
  "order_attribution.id",
  "order_attribution.source",
  "order_attribution.risk",
]

export const listReviewsQueryConfig = {
  defaults: REVIEW_FIELDS,
  isList: true,
}

/** The given reviews as the admin sees them, in the order asked. */
export async function refetchReviews(scope: MedusaContainer, ids: string[]) {
  const query = scope.resolve(ContainerRegistrationKeys.QUERY)
  const { data } = await readAgainOnLostConnection(() =>
    query.graph({ entity: "affiliate_commission_review", fields: REVIEW_FIELDS, filters: { id: ids } })
  )
  const byId = new Map(data.map((r: any) => [r.id, r]))
  return ids.map((id) => byId.get(id))
}
