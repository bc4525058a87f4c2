import { createWorkflow, transform, WorkflowResponse } from "@medusajs/framework/workflows-sdk"
import { acquireLockStep, emitEventStep, releaseLockStep } from "@medusajs/medusa/core-flows"
import { ORDER_LOCK, orderLockKey } from "../../order-lock"
import { bookCommissionCorrectionStep, MoneyEventCause } from "../steps/book-commission-correction"
import { loadOrderMoneyStateStep } from "../steps/load-order-money-state"
import { AffiliateEvents } from "../../../events"

export const recomputeOrderCommissionWorkflowId = "recompute-affiliate-order-commission"

/**
 * Makes an order's commission follow its money after a cancel, refund, return, edit, claim
 * or exchange: a reversal or clawback for the difference, or nothing. Serialised per order.
 */
export const recomputeOrderCommissionWorkflow = createWorkflow(
  recomputeOrderCommissionWorkflowId,
  (input: { order_id: string; cause: MoneyEventCause }) => {
    const lockKey = transform({ input }, ({ input }) => orderLockKey(input.order_id))
    acquireLockStep({ key: lockKey, timeout: ORDER_LOCK.timeout, ttl: ORDER_LOCK.ttl })

    const money = loadOrderMoneyStateStep({ order_id: input.order_id })
    const booked = bookCommissionCorrectionStep({ order_id: input.order_id, cause: input.cause, money })

    const created = transform({ booked }, ({ booked }) =>
      booked.entries.filter((e) => e.created).map((e) => ({ id: e.entry.id, affiliate_id: e.entry.affiliate_id }))
    )
    emitEventStep({ eventName: AffiliateEvents.COMMISSION_CREATED, data: created })

    releaseLockStep({ key: lockKey })
    return new WorkflowResponse(booked)
  }
)
