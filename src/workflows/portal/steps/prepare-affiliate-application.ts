import { MedusaError } from "@medusajs/framework/utils"
import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import { AFFILIATE_MODULE } from "../../../modules/affiliate"
import { assertValidAffiliateCode } from "../../../modules/affiliate/domain/affiliate-code"
import type AffiliateModuleService from "../../../modules/affiliate/service"
import type { AffiliateStatus } from "../../../types/enums"
import { affiliateCodeStem, firstFreeAffiliateCode } from "../../../modules/affiliate/domain/generate-affiliate-code"

export type AffiliateApplication = {
  customer: { id: string; email: string | null; first_name?: string | null; last_name?: string | null }
  /** `customer`: the store's refer-a-friend program (any customer, active at once); else the default program. */
  program_kind?: "affiliate" | "customer"
  code?: string
  name?: string
  payout_email?: string
  metadata?: Record<string, unknown>
}

export type NewPortalAffiliate = {
  code: string
  name: string
  email: string
  status: AffiliateStatus
  program_id: string
  customer_id: string
  payout_email: string | null
  metadata: Record<string, unknown> | null
}

/**
 * Checks a customer's application and fills in what they left out: one affiliate per
 * customer; a code they ask for must be valid and free in any case, else one is generated
 * from their name; the default program's `auto_approve` decides the starting status. A
 * customer joining the customer referral program is active at once (404 when the store has
 * none).
 * A read-only step: the unique indexes on code and customer_id still decide a race (422).
 */
export const prepareAffiliateApplicationStep = createStep(
  "prepare-affiliate-application",
  async (input: AffiliateApplication, { container }) => {
    const service = container.resolve<AffiliateModuleService>(AFFILIATE_MODULE)
    const { customer } = input
    if (!customer.email) {
      throw new MedusaError(MedusaError.Types.INVALID_DATA, "email: the customer account has no email address")
    }
    const [existing] = await service.listAffiliates({ customer_id: customer.id }, { take: 1, select: ["id"] })
    if (existing) {
      throw new MedusaError(MedusaError.Types.DUPLICATE_ERROR, "The customer is already an affiliate")
    }

    const name = input.name ?? ([customer.first_name, customer.last_name].filter(Boolean).join(" ").trim() || customer.email)
    let code: string
    if (input.code !== undefined) {
      code = assertValidAffiliateCode(input.code)
      const [taken] = await service.listAffiliates({ code }, { take: 1, select: ["id"] })
      if (taken) {
        throw new MedusaError(MedusaError.Types.DUPLICATE_ERROR, `code: ${code} is already taken`)
      }
    } else {
      const stem = affiliateCodeStem(name, customer.email)
      const similar = await service.listAffiliates({ code: { $like: `${stem}%` } }, { select: ["code"] })
      code = firstFreeAffiliateCode(stem, similar.map((a) => a.code))
    }

    const [program] =
      input.program_kind === "customer"
        ? await service.listAffiliatePrograms({ kind: "customer" }, { take: 1 })
        : [await service.retrieveDefaultProgram()]
    if (!program) {
      throw new MedusaError(MedusaError.Types.NOT_FOUND, "This store has no customer referral program")
    }
    return new StepResponse<NewPortalAffiliate>({
      code,
      name,
      email: customer.email,
      status: program.kind === "customer" || program.auto_approve ? "active" : "pending",
      program_id: program.id,
      customer_id: customer.id,
      payout_email: input.payout_email ?? null,
      metadata: input.metadata ?? null,
    })
  }
)
