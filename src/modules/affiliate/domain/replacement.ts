import { BigNumberInput } from "@medusajs/framework/types"
import { MathBN } from "@medusajs/framework/utils"

type Big = ReturnType<typeof MathBN.convert>

/**
 * One claim or exchange of an order: the units its return took back (received) of each
 * line, and the units it sent in their place (still kept: a sent unit returned again sends
 * nothing), each at its unit price.
 */
export type Replacement = {
  taken_back: { line_item_id: string; quantity: BigNumberInput; unit_price: BigNumberInput }[]
  sent: { quantity: BigNumberInput; unit_price: BigNumberInput }[]
}

const valueOf = (units: { quantity: BigNumberInput; unit_price: BigNumberInput }[]) =>
  units.reduce((sum: Big, u) => MathBN.add(sum, MathBN.mult(u.quantity, u.unit_price)), MathBN.convert(0))

/**
 * Goods a claim or exchange sends take the place of the goods it takes back: the customer
 * kept paying for them. Per line, the returned units a replacement stands for: the units
 * taken back times the sent goods' share of their price, at most all of them (a shirt
 * replaced by a shirt is fully replaced, a 100 shirt exchanged for a 50 mug half). A refund
 * claim sends nothing and replaces nothing: its units stay returned.
 */
export function replacedQuantities(replacements: Replacement[]): Record<string, string> {
  const replaced: Record<string, Big> = {}
  for (const r of replacements) {
    const takenBack = valueOf(r.taken_back)
    if (!MathBN.gt(takenBack, 0)) {
      continue
    }
    const sent = MathBN.min(MathBN.max(valueOf(r.sent), 0), takenBack)
    for (const unit of r.taken_back) {
      // Multiplied before divided: 3 units for a third of their value are 1, not 0.999...
      const units = MathBN.div(MathBN.mult(unit.quantity, sent), takenBack)
      replaced[unit.line_item_id] = MathBN.add(replaced[unit.line_item_id] ?? 0, units)
    }
  }
  return Object.fromEntries(Object.entries(replaced).map(([id, units]) => [id, units.toFixed()]))
}
