// The affiliate half of the demo, written through the plugin's module service (module key
// "affiliate") and Medusa's link service, as a store's own script would.
import type { ExecArgs, PromotionDTO } from "@medusajs/framework/types"
import { ContainerRegistrationKeys, Modules } from "@medusajs/framework/utils"
import { createPromotionsWorkflow } from "@medusajs/medusa/core-flows"
import type { AffiliateModuleService } from "medusa-affiliates/modules/affiliate"
import { AFFILIATE_PROMOTIONS, AFFILIATES, INSTANT_PROGRAM, VIP_PROGRAM } from "./data"
import type { SeededStore } from "./store"

type Container = ExecArgs["container"]

/** The plugin's module key (`AFFILIATE_MODULE`). */
export const AFFILIATE_MODULE = "affiliate"

type Service = AffiliateModuleService
type Program = Awaited<ReturnType<Service["retrieveDefaultProgram"]>>
export type Affiliate = Awaited<ReturnType<Service["retrieveAffiliateByCode"]>>

export type SeededPrograms = { default: Program; vip: Program; instant: Program }

function affiliateService(container: Container): Service {
  return container.resolve<Service>(AFFILIATE_MODULE)
}

function logger(container: Container) {
  return container.resolve(ContainerRegistrationKeys.LOGGER)
}

type ProgramData = typeof VIP_PROGRAM | typeof INSTANT_PROGRAM

/** A program by name, created from `data` when missing. */
async function ensureProgram(service: Service, data: ProgramData): Promise<Program> {
  const [existing] = await service.listAffiliatePrograms({ name: data.name })
  if (existing) {
    return existing
  }
  return await service.createAffiliatePrograms({
    name: data.name,
    commission_type: data.commission_type,
    commission_value: data.commission_value,
    hold_days: data.hold_days,
    cookie_days: data.cookie_days,
    trailing_months: data.trailing_months,
    min_payout_amount: data.min_payout_amount,
    auto_approve: data.auto_approve,
    metadata: { description: data.description },
    risk_rules: "risk_rules" in data ? data.risk_rules : null,
  })
}

/**
 * The default program (from the plugin options), "VIP partners" with its product rules and
 * "Instant payouts" (no hold).
 */
export async function seedPrograms(container: Container, store: SeededStore): Promise<SeededPrograms> {
  logger(container).info("[demo seed] affiliates: programs and program rules")
  const service = affiliateService(container)
  const defaultProgram = await service.ensureDefaultProgram()
  const vip = await ensureProgram(service, VIP_PROGRAM)
  const instant = await ensureProgram(service, INSTANT_PROGRAM)

  const existingRules = await service.listAffiliateProgramRules({ program_id: vip.id })
  const wanted = [
    ...VIP_PROGRAM.productRates.map((r) => ({
      target_id: productId(store, r.handle),
      commission_type: "percentage" as const,
      commission_value: r.commission_value,
      excluded: false,
    })),
    ...VIP_PROGRAM.excludedProducts.map((handle) => ({
      target_id: productId(store, handle),
      commission_type: null,
      commission_value: null,
      excluded: true,
    })),
  ]
  const missing = wanted.filter(
    (rule) => !existingRules.some((e) => e.target_type === "product" && e.target_id === rule.target_id)
  )
  if (missing.length) {
    await service.createAffiliateProgramRules(
      missing.map((rule) => ({ ...rule, program_id: vip.id, target_type: "product" as const }))
    )
  }

  return { default: defaultProgram, vip, instant }
}

/** Three active affiliates (one on VIP, one on Instant payouts), one pending application, one suspended. By code. */
export async function seedAffiliates(
  container: Container,
  programs: SeededPrograms
): Promise<Record<string, Affiliate>> {
  logger(container).info("[demo seed] affiliates: affiliates")
  const service = affiliateService(container)
  const existing = await service.listAffiliates({ code: AFFILIATES.map((a) => a.code) })
  const missing = AFFILIATES.filter((a) => !existing.some((e) => e.code === a.code))
  let created: Affiliate[] = []
  if (missing.length) {
    const result = await service.createAffiliates(
      missing.map((a) => ({
        code: a.code,
        name: a.name,
        email: a.email,
        status: a.status,
        program_id: programs[a.program].id,
        payout_email: a.payout_email ?? null,
        metadata: a.metadata ?? null,
      }))
    )
    created = Array.isArray(result) ? result : [result]
  }
  return Object.fromEntries([...existing, ...created].map((a) => [a.code, a]))
}

/** Promotion codes owned by affiliates: created with the core workflow, then linked. */
export async function seedAffiliatePromotions(
  container: Container,
  store: SeededStore,
  affiliates: Record<string, Affiliate>
): Promise<Record<string, PromotionDTO>> {
  logger(container).info("[demo seed] affiliates: promotion codes linked to affiliates")
  const promotionModule = container.resolve(Modules.PROMOTION)
  const codes = AFFILIATE_PROMOTIONS.map((p) => p.code)
  const existing = await promotionModule.listPromotions({ code: codes })
  const missing = AFFILIATE_PROMOTIONS.filter((p) => !existing.some((e) => e.code === p.code))
  let created: PromotionDTO[] = []
  if (missing.length) {
    ;({ result: created } = await createPromotionsWorkflow(container).run({
      input: {
        promotionsData: missing.map((p) => ({
          code: p.code,
          type: "standard" as const,
          status: "active" as const,
          is_automatic: false,
          application_method: {
            type: "percentage" as const,
            target_type: p.target,
            allocation: "across" as const,
            value: p.percentage,
            ...(p.target === "items"
              ? {
                  target_rules: [
                    {
                      attribute: "items.product.id",
                      operator: "in" as const,
                      values: (p.productHandles ?? []).map((h) => productId(store, h)),
                    },
                  ],
                }
              : {}),
          },
          metadata: { description: p.description, affiliate_code: p.affiliate },
        })),
      },
    }))
  }
  const promotions = Object.fromEntries([...existing, ...created].map((p) => [p.code!, p]))

  // One affiliate has many promotions; a promotion belongs to at most one affiliate.
  const query = container.resolve(ContainerRegistrationKeys.QUERY)
  const { data: linked } = await query.graph({
    entity: AFFILIATE_MODULE,
    fields: ["id", "promotions.id"],
    filters: { id: Object.values(affiliates).map((a) => a.id) },
  })
  const isLinked = (affiliateId: string, promotionId: string) =>
    linked.some(
      (a: any) => a.id === affiliateId && (a.promotions ?? []).some((p: any) => p?.id === promotionId)
    )
  const link = container.resolve(ContainerRegistrationKeys.LINK)
  for (const p of AFFILIATE_PROMOTIONS) {
    const affiliate = affiliates[p.affiliate]
    const promotion = promotions[p.code]
    if (!isLinked(affiliate.id, promotion.id)) {
      await link.create({
        [AFFILIATE_MODULE]: { affiliate_id: affiliate.id },
        [Modules.PROMOTION]: { promotion_id: promotion.id },
      })
    }
  }
  return promotions
}

function productId(store: SeededStore, handle: string): string {
  const product = store.products[handle]
  if (!product) {
    throw new Error(`demo seed: no product with handle ${handle}`)
  }
  return product.id
}
