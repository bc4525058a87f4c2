import { MedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { ContainerRegistrationKeys } from "@medusajs/framework/utils"
import { returnItems } from "../../../../chaos/store"

/**
 * Test app only: fulfills an order and takes all of its items back through Medusa's return
 * workflows (begin, request, confirm, receive), as the admin's return flow does: emits
 * `order.return_received`.
 */
export const POST = async (req: MedusaRequest<{ order_id: string }>, res: MedusaResponse) => {
  const query = req.scope.resolve(ContainerRegistrationKeys.QUERY)
  const { data: [order] } = await query.graph({ entity: "order", fields: ["id", "items.*"], filters: { id: req.body.order_id } })
  const items = order.items!.map((item) => ({ id: item!.id, quantity: Number(item!.quantity) }))
  const { returnId } = await returnItems(req.scope, order.id, items)
  res.json({ return_id: returnId })
}
