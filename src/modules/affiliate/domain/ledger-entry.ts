import { BigNumberInput } from "@medusajs/framework/types"
import { MathBN, MedusaError } from "@medusajs/framework/utils"
import { currencyDigits, roundToCurrency } from "./currency-precision"
import { LedgerEntryStatus, LedgerEntryType } from "../../../types/enums"
import type { AppliedHold } from "./risk/rules"

/** What a caller asks to append to the ledger. */
export type NewLedgerEntry = {
  affiliate_id: string
  type: LedgerEntryType
  /** Signed: sales positive, reversals and clawbacks negative, adjustments either way. */
  amount: BigNumberInput
  currency_code: string
  idempotency_key: string
  rate?: BigNumberInput | null
  base_amount?: BigNumberInput | null
  order_id?: string | null
  lines?: Record<string, unknown>[] | null
  /** A sale's hold and why (risk rules' riskHold). */
  hold?: AppliedHold | null
  status?: LedgerEntryStatus
  available_at?: Date | null
  reference?: string | null
  reference_id?: string | null
  note?: string | null
  created_by?: string | null
  metadata?: Record<string, unknown> | null
}

export type PreparedLedgerEntry = Required<Omit<NewLedgerEntry, "amount" | "rate" | "base_amount">> & {
  amount: string
  rate: string | null
  base_amount: string | null
}

/** Where each type of entry starts: sales are held, everything else is payable at once. */
const INITIAL_STATUS: Record<LedgerEntryType, LedgerEntryStatus> = {
  sale: "pending",
  // A reversal of a held sale is booked pending by its caller, with the sale's available_at.
  reversal: "available",
  clawback: "available",
  adjustment: "available",
}

function invalid(message: string): never {
  throw new MedusaError(MedusaError.Types.INVALID_DATA, message)
}

const DECIMAL = /^-?\d+(\.\d+)?$/

/** No single entry moves more than this, in the currency's main unit: beyond it is an input error. */
export const MAX_LEDGER_AMOUNT = 1_000_000_000

/** A finite decimal as a plain string (no exponent); strings must be plain decimals too. */
function decimalString(field: string, value: BigNumberInput | null | undefined): string {
  if (value === null || value === undefined || (typeof value === "string" && !DECIMAL.test(value.trim()))) {
    invalid(`${field}: must be a decimal number`)
  }
  const bn = MathBN.convert(typeof value === "string" ? value.trim() : value)
  if (!bn.isFinite()) {
    invalid(`${field}: must be a finite number`)
  }
  return bn.toFixed()
}

/**
 * Checks a new ledger entry against the ledger's rules and returns it normalised
 * (lower-case currency, decimal strings for money). Throws INVALID_DATA naming the field.
 */
export function prepareLedgerEntry(entry: NewLedgerEntry): PreparedLedgerEntry {
  if (!entry.affiliate_id) {
    invalid("affiliate_id: is required")
  }
  const key = entry.idempotency_key?.trim()
  if (!key || key.length > 255) {
    invalid("idempotency_key: must be 1-255 characters")
  }
  const currency = entry.currency_code?.trim().toLowerCase()
  if (!currency || !/^[a-z]{3}$/.test(currency)) {
    invalid(`currency_code: must be a three-letter ISO code (got ${JSON.stringify(entry.currency_code)})`)
  }

  const amount = decimalString("amount", entry.amount)
  const sign = MathBN.convert(amount).comparedTo(0) ?? 0
  if (entry.type === "sale" && sign < 0) {
    invalid("amount: a sale cannot be negative")
  }
  const bn = MathBN.convert(amount)
  const digits = currencyDigits(currency)
  if (!bn.eq(roundToCurrency(bn, currency))) {
    invalid(
      `amount: must be whole minor units of ${currency.toUpperCase()} (at most ${digits} decimal${digits === 1 ? "" : "s"}), got ${amount}`
    )
  }
  if (MathBN.gt(bn.abs(), MAX_LEDGER_AMOUNT)) {
    invalid(`amount: must be at most ${MAX_LEDGER_AMOUNT} ${currency.toUpperCase()} either way`)
  }
  if ((entry.type === "reversal" || entry.type === "clawback") && sign > 0) {
    invalid(`amount: a ${entry.type} must be negative or zero`)
  }
  if (entry.type === "adjustment") {
    if (sign === 0) {
      invalid("amount: an adjustment cannot be zero")
    }
    if (!entry.note?.trim()) {
      invalid("note: is required for an adjustment")
    }
  }

  const status = entry.status ?? INITIAL_STATUS[entry.type]
  if (status !== "pending" && status !== "available") {
    invalid(`status: a new entry starts pending or available, not "${status}"`)
  }

  return {
    affiliate_id: entry.affiliate_id,
    type: entry.type,
    amount,
    currency_code: currency,
    idempotency_key: key,
    rate: entry.rate == null ? null : decimalString("rate", entry.rate),
    base_amount: entry.base_amount == null ? null : decimalString("base_amount", entry.base_amount),
    order_id: entry.order_id ?? null,
    lines: entry.lines ?? null,
    hold: entry.hold ?? null,
    status,
    available_at: entry.available_at ?? null,
    reference: entry.reference ?? null,
    reference_id: entry.reference_id ?? null,
    note: entry.note?.trim() || null,
    created_by: entry.created_by ?? null,
    metadata: entry.metadata ?? null,
  }
}
