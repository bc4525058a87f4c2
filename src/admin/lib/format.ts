import type { MoneyValue } from "../../types/http"

const toNumber = (value: MoneyValue | null | undefined): number => {
  const n = typeof value === "string" ? Number(value) : value ?? 0
  return Number.isFinite(n) ? n : 0
}

/** An amount in the currency's main unit, as the dashboard formats order totals. */
export const formatMoney = (amount: MoneyValue | null | undefined, currencyCode: string): string => {
  const value = toNumber(amount)
  try {
    return new Intl.NumberFormat(undefined, {
      style: "currency",
      currency: currencyCode.toUpperCase(),
    }).format(value)
  } catch {
    // An unknown currency code: still show the number and the code.
    return `${value.toLocaleString()} ${currencyCode.toUpperCase()}`
  }
}

/** A plain decimal (a minimum payout, a flat rate without its currency). */
export const formatDecimal = (value: MoneyValue | null | undefined): string =>
  toNumber(value).toLocaleString(undefined, { maximumFractionDigits: 4 })

/** A percent as the API stores it: 10 means 10 %. */
export const formatPercent = (value: MoneyValue | null | undefined): string =>
  `${toNumber(value).toLocaleString(undefined, { maximumFractionDigits: 4 })} %`

export const formatCount = (value: number | null | undefined): string =>
  (value ?? 0).toLocaleString()

const parseDate = (value: string | Date | null | undefined): Date | null => {
  if (!value) {
    return null
  }
  const date = value instanceof Date ? value : new Date(value)
  return Number.isNaN(date.getTime()) ? null : date
}

export const formatDate = (value: string | Date | null | undefined): string => {
  const date = parseDate(value)
  return date
    ? new Intl.DateTimeFormat(undefined, { day: "numeric", month: "short", year: "numeric" }).format(date)
    : "-"
}

export const formatDateTime = (value: string | Date | null | undefined): string => {
  const date = parseDate(value)
  return date
    ? new Intl.DateTimeFormat(undefined, { dateStyle: "medium", timeStyle: "short" }).format(date)
    : "-"
}

/** `no_referral` -> "No referral": the API's words, readable. */
export const humanize = (value: string | null | undefined): string => {
  if (!value) {
    return "-"
  }
  const words = value.replace(/[_-]+/g, " ").trim()
  return words.charAt(0).toUpperCase() + words.slice(1)
}

export const moneyNumber = toNumber

/** A date as the `YYYY-MM-DD` the report and statement routes take (local calendar day). */
export const toIsoDay = (date: Date): string => {
  const pad = (n: number) => String(n).padStart(2, "0")
  return `${date.getFullYear()}-${pad(date.getMonth() + 1)}-${pad(date.getDate())}`
}
