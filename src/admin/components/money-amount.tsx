import { clx } from "@medusajs/ui"
import { formatMoney, moneyNumber } from "../lib/format"
import type { MoneyValue } from "../../types/http"

type MoneyAmountProps = {
  amount: MoneyValue | null | undefined
  currencyCode: string
  /** Colour negative amounts (reversals, clawbacks) so they read as deductions. */
  signed?: boolean
  className?: string
}

/** An amount in its currency, aligned digits; negative ledger amounts in the error colour. */
export const MoneyAmount = ({ amount, currencyCode, signed = false, className }: MoneyAmountProps) => (
  <span
    className={clx("tabular-nums", { "text-ui-fg-error": signed && moneyNumber(amount) < 0 }, className)}
  >
    {formatMoney(amount, currencyCode)}
  </span>
)
