import { BigNumberInput } from "@medusajs/framework/types"
import { MathBN } from "@medusajs/framework/utils"

export const REPORT_INTERVALS = ["day", "week", "month"] as const
export type ReportInterval = (typeof REPORT_INTERVALS)[number]

export type MoneyByCurrency = { currency_code: string; amount: number }[]

/** One interval of a report: counts and money per currency that happened in it. */
export type ReportPoint = {
  /** Start of the interval (UTC), ISO. */
  date: string
  clicks: number
  orders: number
  revenue: MoneyByCurrency
  commission: MoneyByCurrency
}

export type ReportRows = {
  buckets: Date[]
  clicks: { bucket: Date; count: number | string }[]
  orders: { bucket: Date; count: number | string }[]
  money: { bucket: Date; currency_code: string; revenue: BigNumberInput; commission: BigNumberInput }[]
}

const key = (d: Date) => new Date(d).toISOString()

function byCurrency(rows: { currency_code: string; amount: BigNumberInput }[]): MoneyByCurrency {
  const sums = new Map<string, ReturnType<typeof MathBN.convert>>()
  for (const row of rows) {
    sums.set(row.currency_code, MathBN.add(sums.get(row.currency_code) ?? 0, row.amount))
  }
  return [...sums.entries()]
    .sort(([a], [b]) => a.localeCompare(b))
    .map(([currency_code, amount]) => ({ currency_code, amount: amount.toNumber() }))
}

/**
 * Shapes the report aggregates into a gap-free series (every interval present, zeros
 * included) and the totals over the whole range.
 */
export function buildReportSeries(rows: ReportRows): { totals: Omit<ReportPoint, "date">; series: ReportPoint[] } {
  const series = rows.buckets.map((bucket) => {
    const k = key(bucket)
    const money = rows.money.filter((m) => key(m.bucket) === k)
    return {
      date: k,
      clicks: Number(rows.clicks.find((c) => key(c.bucket) === k)?.count ?? 0),
      orders: Number(rows.orders.find((o) => key(o.bucket) === k)?.count ?? 0),
      revenue: byCurrency(money.map((m) => ({ currency_code: m.currency_code, amount: m.revenue }))),
      commission: byCurrency(money.map((m) => ({ currency_code: m.currency_code, amount: m.commission }))),
    }
  })
  const totals = {
    clicks: rows.clicks.reduce((sum, c) => sum + Number(c.count), 0),
    orders: rows.orders.reduce((sum, o) => sum + Number(o.count), 0),
    revenue: byCurrency(rows.money.map((m) => ({ currency_code: m.currency_code, amount: m.revenue }))),
    commission: byCurrency(rows.money.map((m) => ({ currency_code: m.currency_code, amount: m.commission }))),
  }
  return { totals, series }
}

/** One (affiliate, currency) row of the program's top earners, most commission first. */
export type TopAffiliateRow = {
  affiliate_id: string
  code: string
  name: string
  currency_code: string
  orders: number
  commission: BigNumberInput
}

export type TopAffiliate = {
  affiliate_id: string
  code: string
  name: string
  orders: number
  commission: MoneyByCurrency
}

/**
 * The top `top` affiliates from rows per (affiliate, currency), in the rows' order (the
 * first row of an affiliate places it): orders add up, commission stays per currency.
 */
export function rankTopAffiliates(rows: TopAffiliateRow[], top: number): TopAffiliate[] {
  const ranked = new Map<string, TopAffiliate>()
  for (const row of rows) {
    const entry = ranked.get(row.affiliate_id) ?? {
      affiliate_id: row.affiliate_id,
      code: row.code,
      name: row.name,
      orders: 0,
      commission: [],
    }
    entry.orders += row.orders
    entry.commission.push({ currency_code: row.currency_code, amount: MathBN.convert(row.commission).toNumber() })
    ranked.set(row.affiliate_id, entry)
  }
  return [...ranked.values()].slice(0, top)
}
