import { CsvColumn, exactDecimal } from "../../utils/csv"

/** What a commission entry shows by default (`fields` adds or narrows, as on Medusa's lists). */
export const COMMISSION_FIELDS = [
  "id",
  "affiliate_id",
  "type",
  "status",
  "amount",
  "currency_code",
  "rate",
  "base_amount",
  "order_id",
  "available_at",
  "released_at",
  "requested_at",
  "paid_at",
  "payout_id",
  "reference",
  "reference_id",
  "note",
  "created_by",
  "created_at",
  "updated_at",
]

export const listCommissionsQueryConfig = {
  defaults: COMMISSION_FIELDS,
  isList: true,
}

/** The columns of the commissions CSV export, one line per ledger entry. */
export const COMMISSION_CSV_COLUMNS: CsvColumn<any>[] = [
  { header: "id", value: (c) => c.id },
  { header: "created_at", value: (c) => c.created_at },
  { header: "affiliate_id", value: (c) => c.affiliate_id },
  { header: "affiliate_code", value: (c) => c.affiliate?.code },
  { header: "type", value: (c) => c.type },
  { header: "status", value: (c) => c.status },
  { header: "amount", value: (c) => exactDecimal(c, "amount") },
  { header: "currency_code", value: (c) => c.currency_code?.toUpperCase() },
  { header: "rate", value: (c) => exactDecimal(c, "rate") },
  { header: "base_amount", value: (c) => exactDecimal(c, "base_amount") },
  { header: "order_id", value: (c) => c.order_id },
  { header: "available_at", value: (c) => c.available_at },
  { header: "payout_id", value: (c) => c.payout_id },
  { header: "paid_at", value: (c) => c.paid_at },
  { header: "reference", value: (c) => c.reference },
  { header: "reference_id", value: (c) => c.reference_id },
  { header: "note", value: (c) => c.note },
  { header: "created_by", value: (c) => c.created_by },
]

/** What the CSV export reads: the columns above. */
export const COMMISSION_CSV_FIELDS = [...COMMISSION_FIELDS, "raw_amount", "raw_rate", "raw_base_amount", "affiliate.code"]
