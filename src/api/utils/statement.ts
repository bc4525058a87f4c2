// One statement for the portal and the admin: the same query, the same figures as JSON or CSV.
import { MedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { z } from "@medusajs/framework/zod"
import { AFFILIATE_MODULE } from "../../modules/affiliate"
import type AffiliateModuleService from "../../modules/affiliate/service"
import type { LedgerStatement } from "../../modules/affiliate/types/service"
import { CsvColumn, sendCsv } from "./csv"
import { commissionResponse } from "./portal-responses"
import { currencyCode, exportFormat, required, withDateRange } from "./validators"

/** A statement's query: a period, one currency, JSON or CSV. */
export const StatementParams = withDateRange({
  currency_code: required(currencyCode),
  format: exportFormat,
})
export type StatementParamsType = z.infer<typeof StatementParams>

type StatementLine = {
  line: string
  date: Date | null
  amount: number
  note: string
  entry?: ReturnType<typeof commissionResponse>
}

/**
 * The CSV reads like a bank statement, one table with one header row: the `opening` line,
 * one `entry` line per ledger entry of the period (oldest first, amounts signed as booked),
 * then the period's totals `earned`, `reversed`, `clawed_back`, `adjustments`, `paid` (as in
 * the JSON: positive, adjustments signed) and the `closing` line. Identity (docs/API.md):
 * opening + earned - reversed - clawed_back + adjustments - paid = closing.
 */
function statementLines(statement: LedgerStatement): StatementLine[] {
  const total = (line: string, amount: number, note: string): StatementLine => ({ line, date: null, amount, note })
  return [
    { line: "opening", date: statement.from, amount: statement.opening, note: "unpaid balance (pending + available + requested) at the start" },
    ...statement.entries.map((e) => {
      const entry = commissionResponse(e)
      return { line: "entry", date: entry.created_at, amount: entry.amount ?? 0, note: entry.note ?? "", entry }
    }),
    total("earned", statement.earned, "sales booked in the period (added)"),
    total("reversed", statement.reversed, "reversals booked in the period (deducted)"),
    total("clawed_back", statement.clawed_back, "clawbacks booked in the period (deducted)"),
    total("adjustments", statement.adjustments, "manual adjustments in the period (signed, added)"),
    total("paid", statement.paid, "paid out in the period (deducted)"),
    { line: "closing", date: statement.to, amount: statement.closing, note: "unpaid balance (pending + available + requested) at the end" },
  ]
}

const columns = (currency: string): CsvColumn<StatementLine>[] => [
  { header: "line", value: (l) => l.line },
  { header: "date", value: (l) => l.date },
  { header: "id", value: (l) => l.entry?.id },
  { header: "type", value: (l) => l.entry?.type },
  { header: "status", value: (l) => l.entry?.status },
  { header: "order_id", value: (l) => l.entry?.order_id },
  { header: "payout_id", value: (l) => l.entry?.payout_id },
  { header: "rate", value: (l) => l.entry?.rate },
  { header: "base_amount", value: (l) => l.entry?.base_amount },
  { header: "amount", value: (l) => l.amount },
  { header: "currency_code", value: () => currency },
  { header: "note", value: (l) => l.note },
]

const day = (d: Date) => d.toISOString().slice(0, 10)

/** Responds with an affiliate's statement of [from, to) in one currency, as the query asks. */
export async function sendStatement(
  req: MedusaRequest<unknown, StatementParamsType>,
  res: MedusaResponse,
  affiliate: { id: string; code: string }
) {
  const { currency_code, from, to, format } = req.validatedQuery
  const statement = await req.scope
    .resolve<AffiliateModuleService>(AFFILIATE_MODULE)
    .getStatement({ affiliate_id: affiliate.id, currency_code, from, to })

  if (format === "csv") {
    // The file is named after the period's first and last (inclusive) day.
    const filename = `statement-${affiliate.code}-${currency_code}-${day(from)}-${day(new Date(to.getTime() - 1))}.csv`
    return sendCsv(res, filename, statementLines(statement), columns(currency_code))
  }
  const { entries, ...figures } = statement
  res.json({ statement: { ...figures, entries: entries.map(commissionResponse) } })
}
