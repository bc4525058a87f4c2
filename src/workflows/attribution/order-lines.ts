import { decorateCartTotals, MathBN } from "@medusajs/framework/utils"

/**
 * The raw order fields a sale's lines are computed from. Asking Query for any total
 * (`shipping_total`, `items.subtotal`...) makes the order module load every relation its
 * totals pass needs (credit lines, shipping methods and their tax lines and adjustments)
 * and decorate the whole order; the sale needs the items' figures only, and shipping's
 * under `commissionBase: "total"`.
 */
export function orderLineFields(base: "items" | "total"): string[] {
  const fields = [
    "items.id",
    // Quantity lives on the order's version of the line (detail), which may carry its own
    // unit price too; without totals Query returns them there, not on the item.
    "items.detail.quantity",
    "items.detail.unit_price",
    "items.product_id",
    "items.unit_price",
    "items.is_tax_inclusive",
    "items.tax_lines.rate",
    "items.adjustments.amount",
    "items.adjustments.is_tax_inclusive",
  ]
  return base === "total"
    ? [
        ...fields,
        "shipping_methods.id",
        "shipping_methods.amount",
        "shipping_methods.is_tax_inclusive",
        "shipping_methods.tax_lines.rate",
        "shipping_methods.adjustments.amount",
      ]
    : fields
}

export type OrderLineTotals = {
  id: string
  product_id: string | null
  quantity: string
  /** Item total after discounts, without tax. */
  subtotal_after_discounts: string
  /** Item total after discounts, with tax. */
  total: string
}

const asString = (value: unknown) => (value == null ? "0" : MathBN.convert(value as any).toFixed())

/**
 * The order's lines and shipping at the totals Medusa shows for them, computed by Medusa's
 * own totals function (`decorateCartTotals`, which the order module applies to an order
 * read with totals) over the raw fields of orderLineFields. At the sale, the full quantity
 * of each line: nothing has been returned yet.
 */
export function orderLineTotals(order: Record<string, any>): { lines: OrderLineTotals[]; shipping_total: string } {
  const items = (order.items ?? []).filter(Boolean).map((item: any) => ({
    id: item.id,
    product_id: item.product_id ?? null,
    quantity: item.detail?.quantity ?? item.quantity,
    unit_price: item.detail?.unit_price ?? item.unit_price,
    is_tax_inclusive: item.is_tax_inclusive,
    tax_lines: (item.tax_lines ?? []).filter(Boolean),
    adjustments: (item.adjustments ?? []).filter(Boolean),
  }))
  const shippingMethods = (order.shipping_methods ?? []).filter(Boolean).map((method: any) => ({
    id: method.id,
    amount: method.amount,
    is_tax_inclusive: method.is_tax_inclusive,
    tax_lines: (method.tax_lines ?? []).filter(Boolean),
    adjustments: (method.adjustments ?? []).filter(Boolean),
  }))
  const totals = decorateCartTotals({ items, shipping_methods: shippingMethods } as any) as any
  return {
    lines: (totals.items ?? []).map((item: any) => ({
      id: item.id,
      product_id: item.product_id,
      quantity: asString(item.quantity),
      subtotal_after_discounts: MathBN.sub(item.subtotal ?? 0, item.discount_subtotal ?? 0).toFixed(),
      total: asString(item.total),
    })),
    shipping_total: asString(totals.shipping_total),
  }
}
