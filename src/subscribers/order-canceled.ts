import { SubscriberArgs, SubscriberConfig } from "@medusajs/framework"
import { recomputeOrderCommissionWorkflow } from "../workflows/commissions/workflows/recompute-order-commission"

export default async function affiliateOrderCanceled({ event, container }: SubscriberArgs<{ id: string }>) {
  await recomputeOrderCommissionWorkflow(container).run({
    input: { order_id: event.data.id, cause: { type: "cancel", id: event.data.id } },
  })
}

export const config: SubscriberConfig = {
  event: "order.canceled",
  context: { subscriberId: "affiliates-order-canceled" },
}
