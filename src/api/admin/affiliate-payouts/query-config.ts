import { MedusaContainer } from "@medusajs/framework/types"
import { MathBN } from "@medusajs/framework/utils"
import { CsvColumn, exactDecimal } from "../../utils/csv"
import { refetchOr404 } from "../../utils/refetch"

/** What a payout shows an admin by default (`fields` adds or narrows). */
export const PAYOUT_FIELDS = [
  "id",
  "affiliate_id",
  "amount",
  "currency_code",
  "status",
  "method",
  "reference",
  "failure_reason",
  "requested_by",
  "created_at",
  "updated_at",
  "paid_at",
  "failed_at",
  "canceled_at",
  "affiliate.id",
  "affiliate.code",
  "affiliate.name",
  "affiliate.email",
  "affiliate.payout_email",
]

export const listPayoutsQueryConfig = {
  defaults: PAYOUT_FIELDS,
  isList: true,
}

/** A payout as the admin sees it; 404 when absent. */
export const refetchPayout = (scope: MedusaContainer, id: string) =>
  refetchOr404(scope, { entity: "affiliate_payout", id, fields: PAYOUT_FIELDS, label: "Affiliate payout" })

/** Currencies PayPal pays in whole units only; every other PayPal currency has two decimals. */
const PAYPAL_WHOLE_UNIT_CURRENCIES = new Set(["HUF", "JPY", "TWD"])

/**
 * A payout amount as PayPal accepts it: a plain decimal with the currency's decimals,
 * rounded down. Ledger amounts are exact and may carry more decimals (10 % of 33.33), and
 * a payment file must never send more than the payout holds: the sub-cent rest is not sent.
 */
export function paypalAmount(amount: unknown, currency: string): string {
  const decimals = PAYPAL_WHOLE_UNIT_CURRENCIES.has(currency) ? 0 : 2
  return MathBN.convert(amount as any).decimalPlaces(decimals, 1 /* ROUND_DOWN */).toFixed(decimals)
}

/**
 * A PayPal Payouts payment file (Payouts Web / Mass Payments bulk upload, as documented by
 * PayPal), one line per payout, columns in PayPal's order:
 *
 *   1. Recipient identifier  the affiliate's payout_email, else their email
 *   2. Payment amount        decimal with a dot, rounded down to the currency's decimals
 *   3. Currency              ISO 4217, upper-case
 *   4. Customer ID           PayPal's unique reference per payment (sender_item_id): the payout id
 *   5. Note to recipient     "Affiliate commission payout <payout id>"
 *
 * with a header row naming them. PayPal takes one currency per file and at most 5,000
 * payments: export `?status=requested&currency_code=<code>&format=csv`. Rows are grouped by
 * currency, so a mixed export can still be split by hand. Once PayPal has paid, mark each
 * payout paid with PayPal's batch id as `reference`.
 */
export const PAYPAL_PAYOUT_CSV_COLUMNS: CsvColumn<any>[] = [
  { header: "Recipient identifier", value: (p) => p.affiliate?.payout_email || p.affiliate?.email },
  { header: "Payment amount", value: (p) => paypalAmount(exactDecimal(p, "amount"), p.currency_code.toUpperCase()) },
  { header: "Currency", value: (p) => p.currency_code.toUpperCase() },
  { header: "Customer ID", value: (p) => p.id },
  { header: "Note to recipient", value: (p) => `Affiliate commission payout ${p.id}` },
]

export const PAYPAL_PAYOUT_CSV_FIELDS = [
  "id",
  "amount",
  "raw_amount",
  "currency_code",
  "affiliate.email",
  "affiliate.payout_email",
]
