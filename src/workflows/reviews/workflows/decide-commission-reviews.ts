import { createWorkflow, transform, WorkflowResponse } from "@medusajs/framework/workflows-sdk"
import { acquireLockStep, emitEventStep, releaseLockStep } from "@medusajs/medusa/core-flows"
import { ORDER_LOCK, orderLockKey } from "../../order-lock"
import { decideCommissionReviewsStep } from "../steps/decide-commission-reviews"
import { loadReviewsToDecideStep } from "../steps/load-reviews-to-decide"
import { AffiliateEvents } from "../../../events"
import type { ReviewDecisionInput } from "../../../modules/affiliate/types/service"

export const decideCommissionReviewsWorkflowId = "decide-affiliate-commission-reviews"

/**
 * An admin approves or declines sales held for review, one or many, with a reason. Holds
 * the orders' locks, so a refund or cancel of the same order books before or after the
 * decline's reversal, never between its sum and its booking. Emits
 * `affiliate_commission.approved` / `.declined` per review, `.created` for each reversal
 * and `.released` for what became available at once.
 */
export const decideCommissionReviewsWorkflow = createWorkflow(
  decideCommissionReviewsWorkflowId,
  (input: ReviewDecisionInput) => {
    const { order_ids } = loadReviewsToDecideStep({ ids: input.ids })
    const lockKeys = transform({ order_ids }, ({ order_ids }) => order_ids.map(orderLockKey))
    acquireLockStep({ key: lockKeys, timeout: ORDER_LOCK.timeout, ttl: ORDER_LOCK.ttl })

    const decided = decideCommissionReviewsStep(input)

    const events = transform({ decided, input }, ({ decided, input }) =>
      decided.reviews.map((r) => ({
        id: r.id,
        commission_id: r.commission_id,
        affiliate_id: r.affiliate_id,
        order_id: r.order_id,
        reason: input.reason ?? null,
        ...(r.status === "declined" ? { reversal_id: r.reversal_id } : {}),
      }))
    )
    const eventName = transform({ input }, ({ input }) =>
      input.decision === "approve" ? AffiliateEvents.COMMISSION_APPROVED : AffiliateEvents.COMMISSION_DECLINED
    )
    emitEventStep({ eventName, data: events }).config({ name: "emit-review-decided" })
    const created = transform({ decided }, ({ decided }) =>
      decided.entries.filter((e) => e.created).map((e) => ({ id: e.entry.id, affiliate_id: e.entry.affiliate_id }))
    )
    emitEventStep({ eventName: AffiliateEvents.COMMISSION_CREATED, data: created }).config({ name: "emit-reversal-created" })
    const released = transform({ decided }, ({ decided }) =>
      decided.released.map((a) => ({ id: a.affiliate_id, affiliate_id: a.affiliate_id, count: a.count }))
    )
    emitEventStep({ eventName: AffiliateEvents.COMMISSIONS_RELEASED, data: released }).config({ name: "emit-decision-released" })

    releaseLockStep({ key: lockKeys })
    return new WorkflowResponse(decided)
  }
)
