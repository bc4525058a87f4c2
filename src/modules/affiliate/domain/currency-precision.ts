import { BigNumberInput } from "@medusajs/framework/types"
import { MathBN } from "@medusajs/framework/utils"

const ROUND_HALF_UP = 4

/** Minor-unit digits of a currency (USD 2, JPY 0, KWD 3), from the runtime's ISO 4217 data. */
export function currencyDigits(currencyCode: string): number {
  try {
    return new Intl.NumberFormat("en", { style: "currency", currency: currencyCode.toUpperCase() }).resolvedOptions()
      .maximumFractionDigits ?? 2
  } catch {
    return 2
  }
}

/**
 * A booked amount in whole minor units (half up), so what the ledger holds is what can be
 * paid: per-line figures stay exact in the entry's detail, the entry's amount is money.
 */
export function roundToCurrency(amount: BigNumberInput, currencyCode: string): string {
  return (MathBN.convert(amount) as any).decimalPlaces(currencyDigits(currencyCode), ROUND_HALF_UP).toFixed()
}
