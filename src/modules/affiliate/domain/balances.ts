import { BigNumberInput } from "@medusajs/framework/types"
import { MathBN } from "@medusajs/framework/utils"
import { LEDGER_ENTRY_STATUSES, LedgerEntryStatus } from "../../../types/enums"

/** One row of the balance aggregate: the sum of an affiliate's entries by currency and status. */
export type BalanceRow = {
  currency_code: string
  status: LedgerEntryStatus
  total: BigNumberInput
}

export type AffiliateBalance = { currency_code: string } & Record<LedgerEntryStatus, number>

/** Shapes the aggregate rows into one balance per currency, every status present. */
export function toBalances(rows: BalanceRow[]): AffiliateBalance[] {
  const byCurrency = new Map<string, Record<LedgerEntryStatus, ReturnType<typeof MathBN.convert>>>()
  for (const row of rows) {
    let sums = byCurrency.get(row.currency_code)
    if (!sums) {
      sums = Object.fromEntries(LEDGER_ENTRY_STATUSES.map((s) => [s, MathBN.convert(0)])) as any
      byCurrency.set(row.currency_code, sums!)
    }
    sums![row.status] = MathBN.add(sums![row.status], row.total)
  }
  return [...byCurrency.entries()]
    .sort(([a], [b]) => a.localeCompare(b))
    .map(([currency_code, sums]) => ({
      currency_code,
      pending: sums.pending.toNumber(),
      available: sums.available.toNumber(),
      requested: sums.requested.toNumber(),
      paid: sums.paid.toNumber(),
    }))
}
