import { MedusaContainer } from "@medusajs/framework/types"
import { ContainerRegistrationKeys, MedusaError } from "@medusajs/framework/utils"
import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import { AFFILIATE_MODULE } from "../../../modules/affiliate"
import type AffiliateModuleService from "../../../modules/affiliate/service"

export type RequestedPayout = { id: string; affiliate_id: string; currency_code: string }

const requested = (payout: { id: string; affiliate_id: string; currency_code: string }): RequestedPayout => ({
  id: payout.id,
  affiliate_id: payout.affiliate_id,
  currency_code: payout.currency_code,
})

/**
 * Undoes payout requests of a workflow that failed after them: each payout is settled as
 * `canceled`, which returns its entries to `available`. A payout an admin settled
 * in the meantime is left as it is (settling twice is refused as an illegal transition).
 */
async function cancelRequestedPayouts(payoutIds: string[] | undefined, { container }: { container: MedusaContainer }) {
  if (!payoutIds?.length) {
    return
  }
  const service = container.resolve<AffiliateModuleService>(AFFILIATE_MODULE)
  for (const id of payoutIds) {
    try {
      await service.settlePayout({ id, status: "canceled", reason: "The payout request was rolled back" })
    } catch (error) {
      if (!(error instanceof MedusaError && error.type === MedusaError.Types.NOT_ALLOWED)) {
        throw error
      }
      container
        .resolve(ContainerRegistrationKeys.LOGGER)
        .warn(`Affiliate payout ${id} was settled before its request could be rolled back; left as it is`)
    }
  }
}

/**
 * An affiliate asks for a payout of all their `available` entries in one currency. The
 * service does it atomically (the affiliate row is locked), so concurrent requests yield one
 * payout and refuse the rest as "nothing available" (NOT_ALLOWED -> 400).
 */
export const requestAffiliatePayoutStep = createStep(
  "request-affiliate-payout",
  async (input: { affiliate_id: string; currency_code: string; requested_by?: string | null }, { container }) => {
    const service = container.resolve<AffiliateModuleService>(AFFILIATE_MODULE)
    const payout = requested(await service.requestPayout(input))
    return new StepResponse(payout, [payout.id])
  },
  cancelRequestedPayouts
)

/**
 * Payouts in one currency for every affiliate (or the given ones) whose available net
 * reaches their program's minimum; the others are skipped. Each affiliate's payout is its
 * own transaction in the service: if the service fails part-way, the payouts created before
 * the failure stay requested (each is complete and consistent) and the step fails.
 */
export const requestAffiliatePayoutsStep = createStep(
  "request-affiliate-payouts",
  async (input: { currency_code: string; affiliate_ids?: string[]; requested_by?: string | null }, { container }) => {
    const service = container.resolve<AffiliateModuleService>(AFFILIATE_MODULE)
    const payouts = (await service.requestPayouts(input)).map(requested)
    return new StepResponse(
      payouts,
      payouts.map((p) => p.id)
    )
  },
  cancelRequestedPayouts
)
