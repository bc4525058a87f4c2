import { BigNumberInput } from "@medusajs/framework/types"
import { MathBN } from "@medusajs/framework/utils"
import { CommissionType, ProgramRuleTarget } from "../../../types/enums"

/** One commissionable line of an order: its base is already net of discounts (and tax, per option). */
export type CommissionableLine = {
  id: string
  product_id: string | null
  collection_id: string | null
  quantity: BigNumberInput
  base: BigNumberInput
}

export type ProgramTerms = {
  commission_type: CommissionType
  commission_value: BigNumberInput
  rules: {
    target_type: ProgramRuleTarget
    target_id: string
    commission_type: CommissionType | null
    commission_value: BigNumberInput | null
    excluded: boolean
  }[]
}

/** How one line was credited, frozen in the sale entry so later reversals use the same terms. */
export type FrozenLine = {
  line_item_id: string
  quantity: string
  base: string
  /** Percent applied, null for flat amounts and exclusions. */
  rate: string | null
  amount: string
  /**
   * Where the terms came from: program, affiliate, product rule, collection rule, excluded,
   * or `order_flat` for the line that carries a flat program's once-per-order amount.
   */
  terms: "program" | "affiliate" | "product" | "collection" | "excluded" | "order_flat"
}

export type SaleCommission = {
  amount: string
  base_amount: string
  /** The single percent applied to every credited line, else null (flat or mixed rates). */
  rate: string | null
  lines: FrozenLine[]
}

const percentOf = (base: BigNumberInput, percent: BigNumberInput) =>
  MathBN.div(MathBN.mult(base, percent), 100)

/**
 * The commission a sale earns. Per line, in order of precedence: an exclusion, a
 * product rule, a collection rule, the affiliate's own rate, the program's rate. A flat
 * program pays its amount once per order (when some line falls under the program's terms);
 * a flat rule pays its amount per unit. Exact decimals throughout.
 */
export function computeSaleCommission(
  lines: CommissionableLine[],
  program: ProgramTerms,
  affiliateRate: BigNumberInput | null
): SaleCommission {
  const rule = (type: ProgramRuleTarget, id: string | null) =>
    id ? program.rules.find((r) => r.target_type === type && r.target_id === id) : undefined

  let flatOrderApplies = false
  const frozen: FrozenLine[] = lines.map((line) => {
    const base = MathBN.convert(line.base)
    const applied = rule("product", line.product_id) ?? rule("collection", line.collection_id)
    const result = (terms: FrozenLine["terms"], rate: BigNumberInput | null, amount: BigNumberInput): FrozenLine => ({
      line_item_id: line.id,
      quantity: MathBN.convert(line.quantity).toFixed(),
      base: base.toFixed(),
      rate: rate === null ? null : MathBN.convert(rate).toFixed(),
      amount: MathBN.convert(amount).toFixed(),
      terms,
    })

    if (applied?.excluded) {
      return result("excluded", null, 0)
    }
    if (applied && applied.commission_value != null) {
      const type = applied.commission_type ?? program.commission_type
      const terms = applied.target_type
      return type === "flat"
        ? result(terms, null, MathBN.mult(applied.commission_value, line.quantity))
        : result(terms, applied.commission_value, percentOf(base, applied.commission_value))
    }
    if (affiliateRate != null) {
      return result("affiliate", affiliateRate, percentOf(base, affiliateRate))
    }
    if (program.commission_type === "flat") {
      if (MathBN.gt(base, 0)) {
        flatOrderApplies = true
      }
      return result("program", null, 0)
    }
    return result("program", program.commission_value, percentOf(base, program.commission_value))
  })

  // A flat program amount is earned once per order; it is recorded on the first line it covers.
  if (flatOrderApplies) {
    const first = frozen.find((l) => l.terms === "program" && MathBN.gt(l.base, 0))!
    first.amount = MathBN.convert(program.commission_value).toFixed()
    first.terms = "order_flat"
  }

  const credited = frozen.filter((l) => l.terms !== "excluded")
  const amount = frozen.reduce((sum, l) => MathBN.add(sum, l.amount), MathBN.convert(0))
  const baseAmount = credited.reduce((sum, l) => MathBN.add(sum, l.base), MathBN.convert(0))
  const rates = new Set(credited.map((l) => l.rate))
  const singleRate = rates.size === 1 ? [...rates][0] : null

  return {
    amount: amount.toFixed(),
    base_amount: baseAmount.toFixed(),
    rate: singleRate,
    lines: frozen,
  }
}
