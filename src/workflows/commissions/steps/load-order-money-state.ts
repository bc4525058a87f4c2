import { createHash } from "crypto"
import { ContainerRegistrationKeys, MathBN } from "@medusajs/framework/utils"
import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import { OrderMoneyState } from "../../../modules/affiliate/domain/net-commission"

export type LoadedMoneyState = {
  state: OrderMoneyState
  /** Identifies this state: the same money state always books under the same key. */
  fingerprint: string
}

const str = (value: unknown) => MathBN.convert((value ?? 0) as any).toFixed()

/** Reads the order's money state now: canceled, kept quantities, paid, refunded, return refunds. */
export const loadOrderMoneyStateStep = createStep(
  "load-affiliate-order-money-state",
  async (input: { order_id: string }, { container }) => {
    const query = container.resolve(ContainerRegistrationKeys.QUERY)
    const { data: [order] } = await query.graph(
      {
        entity: "order",
        fields: [
          "id",
          "status",
          "total",
          "summary.*",
          "items.id",
          "items.quantity",
          "items.detail.return_received_quantity",
          "returns.id",
          "returns.status",
          "returns.refund_amount",
        ],
        filters: { id: input.order_id },
      },
      { throwIfKeyNotFound: true }
    )

    const items: OrderMoneyState["items"] = {}
    for (const item of (order.items ?? []).filter(Boolean) as any[]) {
      items[item.id] = {
        quantity: str(item.quantity),
        returned_quantity: str(item.detail?.return_received_quantity),
      }
    }
    // Shipping is a pseudo line of the base under `commissionBase: "total"`; it stays kept.
    items.shipping = { quantity: "1", returned_quantity: "0" }

    const received = ((order.returns ?? []).filter(Boolean) as any[]).filter((r) =>
      ["received", "partially_received"].includes(r.status)
    )
    const summary = (order.summary ?? {}) as Record<string, unknown>
    const state: OrderMoneyState = {
      canceled: order.status === "canceled",
      items,
      paid_total: str(summary.paid_total),
      order_total: str(order.total),
      refunded_total: str(summary.refunded_total),
      return_refunds: received.reduce((sum, r) => MathBN.add(sum, r.refund_amount ?? 0), MathBN.convert(0)).toFixed(),
    }
    const fingerprint = createHash("sha256")
      .update(JSON.stringify([state.canceled, Object.entries(items).sort(), state.paid_total, state.refunded_total, state.return_refunds]))
      .digest("hex")
      .slice(0, 24)
    return new StepResponse<LoadedMoneyState>({ state, fingerprint })
  }
)
