import { createHash } from "crypto"
import { MathBN } from "@medusajs/framework/utils"
import { OrderMoneyState } from "../../modules/affiliate/domain/net-commission"
import { Replacement, replacedQuantities } from "../../modules/affiliate/domain/replacement"

/** The order fields the money state is read from (query.graph on `order`). */
export const ORDER_MONEY_FIELDS = [
  "id",
  "status",
  "total",
  "credit_lines.amount",
  "items.*",
  "items.detail.*",
  // A claim's or exchange's return, and the lines it sent in place of what came back.
  // (Whole relations: Medusa 2.21 drops single fields listed under returns.items.)
  "returns.items.*",
  "returns.claim.additional_items.*",
  "returns.exchange.additional_items.*",
  // What really left: concurrent refunds can leave fewer credit lines than refunds.
  "payment_collections.payments.captures.amount",
  "payment_collections.payments.refunds.amount",
]

export type LoadedMoneyState = {
  state: OrderMoneyState
  /** Identifies this state: the same money state always books under the same key. */
  fingerprint: string
}

const str = (value: unknown) => MathBN.convert((value ?? 0) as any).toFixed()

/**
 * The order's claims and exchanges whose return took something back: the units received
 * per line, and the lines the claim or exchange added (its additional items), as far as
 * they are not returned in turn.
 */
function replacementsOf(order: Record<string, any>): Replacement[] {
  const items = new Map<string, any>((order.items ?? []).filter(Boolean).map((item: any) => [item.id, item]))
  const unitPrice = (id: string) => str(items.get(id)?.unit_price)
  return (order.returns ?? [])
    .filter((ret: any) => ret && (ret.claim || ret.exchange))
    .map((ret: any) => ({
      taken_back: (ret.items ?? [])
        .filter((ri: any) => ri && MathBN.gt(ri.received_quantity ?? 0, 0) && items.has(ri.item_id))
        .map((ri: any) => ({ line_item_id: ri.item_id, quantity: str(ri.received_quantity), unit_price: unitPrice(ri.item_id) })),
      sent: ((ret.claim ?? ret.exchange).additional_items ?? [])
        .filter((added: any) => added && added.is_additional_item !== false)
        .map((added: any) => items.get(added?.item_id))
        .filter(Boolean)
        .map((line: any) => ({
          quantity: MathBN.max(MathBN.sub(line.quantity ?? 0, line.detail?.return_received_quantity ?? 0), 0).toFixed(),
          unit_price: str(line.unit_price),
        })),
    }))
}

/** An order as Medusa returns it -> canceled, kept quantities, total, credit lines. */
export function orderMoneyState(order: Record<string, any>): LoadedMoneyState {
  const items: OrderMoneyState["items"] = {}
  for (const item of (order.items ?? []).filter(Boolean)) {
    items[item.id] = {
      quantity: str(item.quantity),
      returned_quantity: str(item.detail?.return_received_quantity),
    }
  }
  for (const [id, units] of Object.entries(replacedQuantities(replacementsOf(order)))) {
    if (items[id]) {
      items[id].replaced_quantity = units
    }
  }
  // Shipping is a pseudo line of the base under `commissionBase: "total"`; it stays kept.
  items.shipping = { quantity: "1", returned_quantity: "0" }

  // Every credit line of the order (the summary's total covers only the latest version).
  const creditLines = (order.credit_lines ?? [])
    .filter(Boolean)
    .reduce((sum: any, line: any) => MathBN.add(sum, line.amount ?? 0), MathBN.convert(0))
  const payments = (order.payment_collections ?? []).flatMap((pc: any) => pc?.payments ?? []).filter(Boolean)
  const sumOf = (rows: any[]) => rows.reduce((sum: any, row: any) => MathBN.add(sum, row?.amount ?? 0), MathBN.convert(0))
  const state: OrderMoneyState = {
    canceled: order.status === "canceled",
    items,
    order_total: str(order.total),
    credit_line_total: creditLines.toFixed(),
    captured_total: sumOf(payments.flatMap((p: any) => p.captures ?? [])).toFixed(),
    refunded_total: sumOf(payments.flatMap((p: any) => p.refunds ?? [])).toFixed(),
  }
  const fingerprint = createHash("sha256")
    .update(
      JSON.stringify([
        state.canceled,
        Object.entries(items).sort(([a], [b]) => a.localeCompare(b)),
        state.order_total,
        state.credit_line_total,
        state.captured_total,
        state.refunded_total,
      ])
    )
    .digest("hex")
    .slice(0, 24)
  return { state, fingerprint }
}
