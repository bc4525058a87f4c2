import { ContainerRegistrationKeys } from "@medusajs/framework/utils"
import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import { LoadedMoneyState, ORDER_MONEY_FIELDS, orderMoneyState } from "../order-money-state"

/** Reads the order's money state now, after whatever cancel, refund, return or edit happened. */
export const loadOrderMoneyStateStep = createStep(
  "load-affiliate-order-money-state",
  async (input: { order_id: string }, { container }) => {
    const query = container.resolve(ContainerRegistrationKeys.QUERY)
    const { data: [order] } = await query.graph(
      { entity: "order", fields: ORDER_MONEY_FIELDS, filters: { id: input.order_id } },
      { throwIfKeyNotFound: true }
    )
    return new StepResponse<LoadedMoneyState>(orderMoneyState(order))
  }
)
