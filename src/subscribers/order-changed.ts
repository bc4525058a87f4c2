import { SubscriberArgs, SubscriberConfig } from "@medusajs/framework"
import { recomputeOrderCommissionWorkflow } from "../workflows/commissions/workflows/recompute-order-commission"

type OrderChangeEvent = {
  order_id: string
  return_id?: string
  claim_id?: string
  exchange_id?: string
}

const CAUSES: Record<string, { type: string; idKey?: keyof OrderChangeEvent }> = {
  "order.return_received": { type: "return", idKey: "return_id" },
  "order.claim_created": { type: "claim", idKey: "claim_id" },
  "order.exchange_created": { type: "exchange", idKey: "exchange_id" },
  "order-edit.confirmed": { type: "order_edit" },
}

// Returns, claims, exchanges and confirmed edits change what was kept: recompute the order.
export default async function affiliateOrderChanged({ event, container }: SubscriberArgs<OrderChangeEvent>) {
  const cause = CAUSES[event.name]
  const orderId = event.data.order_id
  await recomputeOrderCommissionWorkflow(container).run({
    input: {
      order_id: orderId,
      cause: { type: cause.type, id: (cause.idKey && event.data[cause.idKey]) || orderId },
    },
  })
}

export const config: SubscriberConfig = {
  event: Object.keys(CAUSES),
  context: { subscriberId: "affiliates-order-changed" },
}
