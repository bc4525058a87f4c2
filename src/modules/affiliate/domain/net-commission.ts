import { BigNumberInput } from "@medusajs/framework/types"
import { MathBN } from "@medusajs/framework/utils"
import { FrozenLine } from "./sale-commission"

type Big = ReturnType<typeof MathBN.convert>

/**
 * The money state of an order now, read from Medusa after any cancel, refund, return or
 * edit. Medusa lowers item totals for received returns and edits, and records a refund
 * that no return or edit explains as a credit line that lowers the order total.
 */
export type OrderMoneyState = {
  canceled: boolean
  /**
   * Current quantity and received-return quantity per line item id (absent = removed), and
   * of the returned units those a claim or exchange sent goods in place of (replacedQuantities).
   */
  items: Record<string, { quantity: BigNumberInput; returned_quantity: BigNumberInput; replaced_quantity?: BigNumberInput }>
  /** The order total now, after returns, edits and credit lines. */
  order_total: BigNumberInput
  /** Refunds not explained by a return or edit, as Medusa's credit lines record them. */
  credit_line_total: BigNumberInput
  /** What the order's payments captured, and refunded, as the payment module records it. */
  captured_total: BigNumberInput
  refunded_total: BigNumberInput
}

const ZERO = MathBN.convert(0)
const min = (a: Big, b: Big) => (MathBN.lt(a, b) ? a : b)
const max = (a: Big, b: Big) => (MathBN.gt(a, b) ? a : b)

/**
 * The share of a line still kept: (current quantity - returned + replaced) / quantity at
 * the sale, in [0, 1].
 */
function keptShare(line: FrozenLine, state: OrderMoneyState): Big {
  const current = state.items[line.line_item_id]
  if (!current || MathBN.lte(line.quantity, 0)) {
    return ZERO
  }
  const kept = MathBN.add(MathBN.sub(current.quantity, current.returned_quantity), current.replaced_quantity ?? 0)
  return min(max(MathBN.div(kept, line.quantity), ZERO), MathBN.convert(1))
}

/**
 * What the goods the order keeps are worth: its total before credit lines, but never more
 * than its payments captured. Under concurrent refunds Medusa's order total can count an
 * order version twice (a 210 order read as 378 + 42 of credit lines).
 */
export function keptValue(state: OrderMoneyState): Big {
  const value = MathBN.add(state.order_total, state.credit_line_total)
  const captured = MathBN.convert(state.captured_total)
  return MathBN.gt(captured, 0) ? min(value, captured) : value
}

/**
 * The money refunded that no return or edit explains. Medusa records such a refund as a
 * credit line, but concurrent refunds can leave fewer credit lines than refunds; the
 * payments' own refunds are what left. So: the kept goods' value (keptValue) less the money
 * the store kept (captured - refunded), never more than was refunded, and never less than
 * the credit lines say.
 */
export function unexplainedRefund(state: OrderMoneyState): Big {
  const credited = MathBN.convert(state.credit_line_total)
  const refunded = MathBN.convert(state.refunded_total)
  if (!MathBN.gt(refunded, 0)) {
    return credited
  }
  const keptMoney = MathBN.sub(state.captured_total, refunded)
  const missing = max(MathBN.sub(keptValue(state), keptMoney), ZERO)
  return max(credited, min(refunded, missing))
}

/**
 * What the sale of an order has earned given the order's current state: nothing
 * once canceled; each line at its own frozen terms for the share not returned or edited
 * away, units a claim or exchange replaced counting as kept (a flat per-order amount while
 * any credited line with a base is kept); then a refund that no return explains (a credit
 * line) reduces the rest in proportion to the value of the kept order (unexplainedRefund).
 * Never below zero, never above the sale.
 */
export function netCommissionForOrder(
  sale: { amount: BigNumberInput; lines: FrozenLine[] },
  state: OrderMoneyState
): Big {
  if (state.canceled) {
    return ZERO
  }
  const anyKept = sale.lines.some(
    (l) => l.terms !== "excluded" && MathBN.gt(l.base, 0) && MathBN.gt(keptShare(l, state), 0)
  )
  const earnedByLines = sale.lines.reduce((sum, line) => {
    if (line.terms === "order_flat") {
      return anyKept ? MathBN.add(sum, line.amount) : sum
    }
    return MathBN.add(sum, MathBN.mult(line.amount, keptShare(line, state)))
  }, ZERO)

  // Refunds beyond returns and edits took this share of the kept goods' value back.
  const kept = keptValue(state)
  const factor = MathBN.gt(kept, 0)
    ? min(max(MathBN.sub(1, MathBN.div(unexplainedRefund(state), kept)), ZERO), MathBN.convert(1))
    : ZERO

  return min(max(MathBN.mult(earnedByLines, factor), ZERO), MathBN.convert(sale.amount))
}

export type CommissionCorrection = {
  type: "reversal" | "clawback"
  amount: string
  status: "pending" | "available"
  available_at: Date | null
}

/**
 * The entry that brings what an order has booked down to its net, or null when nothing is
 * owed back. While the sale is unpaid it is a reversal (held with the sale while the sale
 * is held); once paid, a clawback netted against the next payout, unless clawbacks after
 * payout are turned off. Net commission only ever goes down: an order never earns more
 * than its sale.
 */
export function planCommissionCorrection(input: {
  net: BigNumberInput
  booked: BigNumberInput
  sale: { status: "pending" | "available" | "requested" | "paid"; available_at: Date | null }
  clawback_after_payout: boolean
}): CommissionCorrection | null {
  const delta = MathBN.sub(input.net, input.booked)
  if (!MathBN.lt(delta, 0)) {
    return null
  }
  if (input.sale.status === "paid") {
    return input.clawback_after_payout
      ? { type: "clawback", amount: delta.toFixed(), status: "available", available_at: null }
      : null
  }
  return input.sale.status === "pending"
    ? { type: "reversal", amount: delta.toFixed(), status: "pending", available_at: input.sale.available_at }
    : { type: "reversal", amount: delta.toFixed(), status: "available", available_at: null }
}
