import { MathBN } from "@medusajs/framework/utils"

/**
 * The share of a code's orders placed without its affiliate's traffic, in percent with two
 * decimals as an exact decimal string ("62.5"); "0" for a code without orders.
 */
export function shareWithoutClick(withoutClick: number, orders: number): string {
  if (orders <= 0) {
    return "0"
  }
  return MathBN.div(MathBN.mult(withoutClick, 100), orders).decimalPlaces(2).toFixed()
}
