import { BigNumberInput } from "@medusajs/framework/types"
import { MathBN, MedusaError } from "@medusajs/framework/utils"

/**
 * The sums one aggregate query returns for a statement of [from, to) in one currency.
 * Signed as stored: reversals and clawbacks are negative, adjustments either way.
 */
export type StatementSums = {
  created_before_from: BigNumberInput
  paid_before_from: BigNumberInput
  sales: BigNumberInput
  reversals: BigNumberInput
  clawbacks: BigNumberInput
  adjustments: BigNumberInput
  paid_in_period: BigNumberInput
  created_before_to: BigNumberInput
  paid_before_to: BigNumberInput
}

export type StatementFigures = {
  opening: number
  earned: number
  reversed: number
  clawed_back: number
  adjustments: number
  paid: number
  closing: number
}

/**
 * The statement identity (docs/API.md):
 *   opening + earned - reversed - clawed_back + adjustments - paid = closing
 * where opening and closing are the unpaid balances (pending + available + requested) at the
 * period's bounds. The closing is computed both ways; a mismatch means the ledger was
 * changed outside its rules, so it is an error rather than a number to show.
 */
export function buildStatement(sums: StatementSums): StatementFigures {
  const opening = MathBN.sub(sums.created_before_from, sums.paid_before_from)
  const earned = MathBN.convert(sums.sales)
  const reversed = MathBN.sub(0, sums.reversals)
  const clawedBack = MathBN.sub(0, sums.clawbacks)
  const adjustments = MathBN.convert(sums.adjustments)
  const paid = MathBN.convert(sums.paid_in_period)

  const closing = MathBN.sub(
    MathBN.add(MathBN.sub(MathBN.add(opening, earned), reversed, clawedBack), adjustments),
    paid
  )
  const unpaidAtEnd = MathBN.sub(sums.created_before_to, sums.paid_before_to)
  if (!MathBN.eq(closing, unpaidAtEnd)) {
    throw new MedusaError(
      MedusaError.Types.UNEXPECTED_STATE,
      `statement does not reconcile: computed closing ${closing.toString()} but the unpaid balance at the period end is ${unpaidAtEnd.toString()}`
    )
  }

  return {
    opening: opening.toNumber(),
    earned: earned.toNumber(),
    reversed: reversed.toNumber(),
    clawed_back: clawedBack.toNumber(),
    adjustments: adjustments.toNumber(),
    paid: paid.toNumber(),
    closing: closing.toNumber(),
  }
}
