import { fetchPromotionOptions } from "../../../../lib/hooks/core-lookups"

/**
 * Why promotion codes could not be linked to an affiliate, in a store owner's words: each
 * code another affiliate already has, with that owner, read fresh (it may have been linked
 * since the search). Null when none is taken, so the API's own message is shown instead.
 */
export const describeTakenCodes = async (promotionIds: string[], affiliateId: string): Promise<string | null> => {
  const promotions = await fetchPromotionOptions({ id: promotionIds, limit: promotionIds.length })
  const taken = promotions.filter((p) => p.owner && p.owner.id !== affiliateId)
  if (!taken.length) {
    return null
  }
  const each = taken.map((p) => `${p.label} already belongs to ${p.owner!.code}${p.owner!.name ? ` (${p.owner!.name})` : ""}`)
  const it = taken.length === 1 ? "it" : "them"
  return `${each.join("; ")}. A code credits one affiliate at most: unlink ${it} there first.`
}
