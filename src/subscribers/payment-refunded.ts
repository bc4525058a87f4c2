import { SubscriberArgs, SubscriberConfig } from "@medusajs/framework"
import { ContainerRegistrationKeys } from "@medusajs/framework/utils"
import { recomputeOrderCommissionWorkflow } from "../workflows/commissions/workflows/recompute-order-commission"

// The event carries only the payment id; the order is found through its payment collection.
export default async function affiliatePaymentRefunded({ event, container }: SubscriberArgs<{ id: string }>) {
  const query = container.resolve(ContainerRegistrationKeys.QUERY)
  const { data: [payment] } = await query.graph({
    entity: "payment",
    fields: ["id", "payment_collection.order.id"],
    filters: { id: event.data.id },
  })
  const orderId = (payment?.payment_collection as any)?.order?.id
  if (!orderId) {
    return
  }
  await recomputeOrderCommissionWorkflow(container).run({
    input: { order_id: orderId, cause: { type: "refund", id: event.data.id } },
  })
}

export const config: SubscriberConfig = {
  event: "payment.refunded",
  context: { subscriberId: "affiliates-payment-refunded" },
}
