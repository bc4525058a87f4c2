import { LinkDefinition } from "@medusajs/framework/types"
import { ContainerRegistrationKeys, MedusaError, Modules } from "@medusajs/framework/utils"
import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import { AFFILIATE_MODULE } from "../../../modules/affiliate"
import type AffiliateModuleService from "../../../modules/affiliate/service"

/** `link_promotion_id`: the link discount to set (null clears it), undefined to leave it. */
export type PromotionLinkPlan = { create: LinkDefinition[]; dismiss: LinkDefinition[]; link_promotion_id?: string | null }

type PromotionLinkInput = { id: string; add: string[]; remove: string[]; link_promotion_id?: string | null }

export const affiliatePromotionLink = (affiliateId: string, promotionId: string): LinkDefinition => ({
  [AFFILIATE_MODULE]: { affiliate_id: affiliateId },
  [Modules.PROMOTION]: { promotion_id: promotionId },
})

/**
 * Turns `{ add, remove }` into the links to create and dismiss. A promotion belongs to at
 * most one affiliate: one linked to another affiliate is refused, naming it.
 * Unknown ids are 404. Adding a promotion the affiliate has, or removing one it has not,
 * changes nothing. The link discount must be one of the affiliate's promotions after the
 * change; removing it clears it.
 */
export const planAffiliatePromotionLinksStep = createStep(
  "plan-affiliate-promotion-links",
  async (input: PromotionLinkInput, { container }) => {
    const service = container.resolve<AffiliateModuleService>(AFFILIATE_MODULE)
    const [affiliate] = await service.listAffiliates({ id: input.id }, { take: 1, select: ["id", "link_promotion_id"] })
    if (!affiliate) {
      throw new MedusaError(MedusaError.Types.NOT_FOUND, `Affiliate with id: ${input.id} was not found`)
    }
    const both = input.add.filter((id) => input.remove.includes(id))
    if (both.length) {
      throw new MedusaError(MedusaError.Types.INVALID_DATA, `add, remove: ${both.join(", ")} cannot be both added and removed`)
    }

    const chosen = input.link_promotion_id
    const ids = [...new Set([...input.add, ...input.remove, ...(chosen ? [chosen] : [])])]
    const query = container.resolve(ContainerRegistrationKeys.QUERY)
    const { data: promotions } = ids.length
      ? await query.graph({
          entity: "promotion",
          fields: ["id", "code", "affiliate.id", "affiliate.code"],
          filters: { id: ids },
        })
      : { data: [] as any[] }
    const byId = new Map(promotions.map((p: any) => [p.id as string, p]))
    const missing = (list: string[]) => [...new Set(list.filter((id) => !byId.has(id)))]
    const unknown = [
      ...(missing(input.add).length ? [`add: promotions not found: ${missing(input.add).join(", ")}`] : []),
      ...(missing(input.remove).length ? [`remove: promotions not found: ${missing(input.remove).join(", ")}`] : []),
      ...(chosen && !byId.has(chosen) ? [`link_promotion_id: promotion not found: ${chosen}`] : []),
    ]
    if (unknown.length) {
      throw new MedusaError(MedusaError.Types.NOT_FOUND, unknown.join("; "))
    }

    const owner = (id: string) => byId.get(id)?.affiliate ?? null
    const taken = input.add.filter((id) => owner(id) && owner(id).id !== input.id)
    if (taken.length) {
      const described = taken.map((id) => `${byId.get(id).code} belongs to affiliate ${owner(id).code}`)
      throw new MedusaError(
        MedusaError.Types.NOT_ALLOWED,
        `add: a promotion belongs to at most one affiliate: ${described.join(", ")}`
      )
    }
    if (chosen && (input.remove.includes(chosen) || (owner(chosen)?.id !== input.id && !input.add.includes(chosen)))) {
      throw new MedusaError(
        MedusaError.Types.INVALID_DATA,
        `link_promotion_id: ${byId.get(chosen).code} is not one of the affiliate's promotions; add it first`
      )
    }
    const clearsLinkDiscount = !!affiliate.link_promotion_id && input.remove.includes(affiliate.link_promotion_id)
    return new StepResponse<PromotionLinkPlan>({
      create: [...new Set(input.add)].filter((id) => !owner(id)).map((id) => affiliatePromotionLink(input.id, id)),
      dismiss: [...new Set(input.remove)].filter((id) => owner(id)?.id === input.id).map((id) => affiliatePromotionLink(input.id, id)),
      link_promotion_id: input.link_promotion_id !== undefined ? input.link_promotion_id : clearsLinkDiscount ? null : undefined,
    })
  }
)
