import { ContainerRegistrationKeys, MathBN, MedusaError } from "@medusajs/framework/utils"
import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import { AFFILIATE_MODULE } from "../../../modules/affiliate"
import type AffiliateModuleService from "../../../modules/affiliate/service"
import { CommissionType, PayoutMethod, ProgramKind, ProgramRuleTarget } from "../../../types/enums"
import { STORE_CREDIT_MODULE } from "../../payouts/store-credit"
import { PROGRAM_TERM_LIMITS } from "../../../modules/affiliate/domain/program-terms"
import { RiskRulesInput } from "../../../modules/affiliate/domain/risk/rules"

/** A per-product or per-collection exception to a program's rate. */
export type ProgramRuleInput = {
  target_type: ProgramRuleTarget
  target_id: string
  commission_type?: CommissionType | null
  commission_value?: string | null
  excluded?: boolean
}

/** The terms an admin sets on a program; `is_default` is not among them (read-only). */
export type ProgramFields = {
  name?: string
  commission_type?: CommissionType
  commission_value?: string
  hold_days?: number
  cookie_days?: number
  trailing_months?: number | null
  first_order_only?: boolean
  min_payout_amount?: string
  auto_approve?: boolean
  kind?: ProgramKind
  payout_method?: PayoutMethod
  link_promotion_id?: string | null
  metadata?: Record<string, unknown> | null
  /** What the program changes from the default fraud rules; null = the defaults. */
  risk_rules?: RiskRulesInput | null
}

const MAX_PERCENT = PROGRAM_TERM_LIMITS.max_percentage

const TARGET_ENTITIES: Record<ProgramRuleTarget, string> = { product: "product", collection: "product_collection" }

const overPercent = (type: CommissionType, value: unknown) =>
  type === "percentage" && value != null && MathBN.gt(value as any, MAX_PERCENT)

/**
 * Checks the terms as they will be after the change, which a single field cannot show:
 * a percentage (the program's, or a rule's own or inherited one) is at most 100; rule
 * targets exist; store credit needs the loyalty plugin; the default program is for
 * affiliates; the link discount is a promotion of no affiliate. On update the program must
 * exist.
 */
export const validateProgramInputStep = createStep(
  "validate-affiliate-program-input",
  async (input: { id?: string; data: ProgramFields; rules?: ProgramRuleInput[] }, { container }) => {
    const service = container.resolve<AffiliateModuleService>(AFFILIATE_MODULE)
    const { id, data, rules } = input
    const [existing] = id ? await service.listAffiliatePrograms({ id }, { take: 1, relations: ["rules"] }) : []
    if (id && !existing) {
      throw new MedusaError(MedusaError.Types.NOT_FOUND, `Affiliate program with id: ${id} was not found`)
    }

    const type = data.commission_type ?? existing?.commission_type ?? "percentage"
    const value = data.commission_value ?? existing?.commission_value
    if (overPercent(type, value)) {
      throw new MedusaError(
        MedusaError.Types.INVALID_DATA,
        `commission_value: a percentage must be at most ${MAX_PERCENT} (got ${value})`
      )
    }
    if (rules) {
      rules.forEach((rule, i) => {
        if (!rule.excluded && overPercent(rule.commission_type ?? type, rule.commission_value)) {
          throw new MedusaError(
            MedusaError.Types.INVALID_DATA,
            `rules.${i}.commission_value: a percentage must be at most ${MAX_PERCENT} (got ${rule.commission_value})`
          )
        }
      })
    } else {
      for (const rule of existing?.rules ?? []) {
        if (!rule.excluded && overPercent(rule.commission_type ?? type, rule.commission_value)) {
          throw new MedusaError(
            MedusaError.Types.INVALID_DATA,
            `commission_type: the rule for ${rule.target_type} ${rule.target_id} (${rule.commission_value}) would be a percentage above ${MAX_PERCENT}`
          )
        }
      }
    }

    if (data.payout_method === "store_credit" && !container.hasRegistration(STORE_CREDIT_MODULE)) {
      throw new MedusaError(
        MedusaError.Types.INVALID_DATA,
        "payout_method: paying in store credit needs @medusajs/loyalty-plugin, which this store has not installed (add it to medusa-config.ts)"
      )
    }
    if (data.kind === "customer") {
      if (existing?.is_default) {
        throw new MedusaError(MedusaError.Types.INVALID_DATA, "kind: the default program is where affiliates sign up; make another program the customer referral program")
      }
      const [other] = await service.listAffiliatePrograms({ kind: "customer" }, { take: 1, select: ["id", "name"] })
      if (other && other.id !== id) {
        throw new MedusaError(MedusaError.Types.INVALID_DATA, `kind: ${other.name} (${other.id}) is the store's customer referral program already; a store has one`)
      }
    }

    const query = container.resolve(ContainerRegistrationKeys.QUERY)
    if (data.link_promotion_id) {
      const { data: [promotion] } = await query.graph({
        entity: "promotion",
        fields: ["id", "code", "affiliate.code"],
        filters: { id: data.link_promotion_id },
      })
      if (!promotion) {
        throw new MedusaError(MedusaError.Types.NOT_FOUND, `link_promotion_id: promotion not found: ${data.link_promotion_id}`)
      }
      if (promotion.affiliate) {
        throw new MedusaError(
          MedusaError.Types.INVALID_DATA,
          `link_promotion_id: ${promotion.code} belongs to affiliate ${promotion.affiliate.code}; a program's link discount is a promotion of no affiliate`
        )
      }
    }
    for (const target of Object.keys(TARGET_ENTITIES) as ProgramRuleTarget[]) {
      const ids = [...new Set((rules ?? []).filter((r) => r.target_type === target).map((r) => r.target_id))]
      if (!ids.length) {
        continue
      }
      const { data: found } = await query.graph({ entity: TARGET_ENTITIES[target], fields: ["id"], filters: { id: ids } })
      const known = new Set(found.map((f: { id: string }) => f.id))
      const missing = ids.filter((i) => !known.has(i))
      if (missing.length) {
        throw new MedusaError(MedusaError.Types.NOT_FOUND, `rules: ${target} not found: ${missing.join(", ")}`)
      }
    }
    return new StepResponse(void 0)
  }
)
