import { LinkDefinition } from "@medusajs/framework/types"
import { ContainerRegistrationKeys, MedusaError, Modules } from "@medusajs/framework/utils"
import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import { AFFILIATE_MODULE } from "../../../modules/affiliate"
import type AffiliateModuleService from "../../../modules/affiliate/service"

export type PromotionLinkPlan = { create: LinkDefinition[]; dismiss: LinkDefinition[] }

export const affiliatePromotionLink = (affiliateId: string, promotionId: string): LinkDefinition => ({
  [AFFILIATE_MODULE]: { affiliate_id: affiliateId },
  [Modules.PROMOTION]: { promotion_id: promotionId },
})

/**
 * Turns `{ add, remove }` into the links to create and dismiss. A promotion belongs to at
 * most one affiliate: one linked to another affiliate is refused, naming it.
 * Unknown ids are 404. Adding a promotion the affiliate has, or removing one it has not,
 * changes nothing.
 */
export const planAffiliatePromotionLinksStep = createStep(
  "plan-affiliate-promotion-links",
  async (input: { id: string; add: string[]; remove: string[] }, { container }) => {
    const service = container.resolve<AffiliateModuleService>(AFFILIATE_MODULE)
    const [affiliate] = await service.listAffiliates({ id: input.id }, { take: 1, select: ["id"] })
    if (!affiliate) {
      throw new MedusaError(MedusaError.Types.NOT_FOUND, `Affiliate with id: ${input.id} was not found`)
    }
    const both = input.add.filter((id) => input.remove.includes(id))
    if (both.length) {
      throw new MedusaError(MedusaError.Types.INVALID_DATA, `add, remove: ${both.join(", ")} cannot be both added and removed`)
    }

    const ids = [...new Set([...input.add, ...input.remove])]
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
    return new StepResponse<PromotionLinkPlan>({
      create: [...new Set(input.add)].filter((id) => !owner(id)).map((id) => affiliatePromotionLink(input.id, id)),
      dismiss: [...new Set(input.remove)].filter((id) => owner(id)?.id === input.id).map((id) => affiliatePromotionLink(input.id, id)),
    })
  }
)
