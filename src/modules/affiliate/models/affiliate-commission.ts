import { model } from "@medusajs/framework/utils"
import { LEDGER_ENTRY_STATUSES, LEDGER_ENTRY_TYPES } from "../../../types/enums"
import Affiliate from "./affiliate"
import AffiliatePayout from "./affiliate-payout"
import AffiliateCommissionReview from "./affiliate-commission-review"

/**
 * One immutable line of the affiliate ledger. Amounts are signed (sales positive, reversals
 * and clawbacks negative) and never edited: only `status`, `payout_id` and the status
 * timestamps move, which a trigger in the migrations enforces.
 */
const AffiliateCommission = model
  .define(
    { tableName: "affiliate_commission", name: "AffiliateCommission" },
    {
      id: model.id({ prefix: "afcom" }).primaryKey(),
      type: model.enum([...LEDGER_ENTRY_TYPES]),
      amount: model.bigNumber(),
      currency_code: model.text(),
      /** The percent applied (10 = 10 %); NULL for a flat commission or a manual entry. */
      rate: model.bigNumber().nullable(),
      base_amount: model.bigNumber().nullable(),
      order_id: model.text().nullable(),
      /** Per-line detail of how the amount was computed (line id, base, rate, amount). */
      lines: model.json().nullable(),
      /** A sale's hold: its days and the rules that set them (the program's, or risk rules that lengthened it). */
      hold: model.json().nullable(),
      status: model.enum([...LEDGER_ENTRY_STATUSES]).default("pending"),
      /** End of the hold period. */
      available_at: model.dateTime().nullable(),
      released_at: model.dateTime().nullable(),
      requested_at: model.dateTime().nullable(),
      paid_at: model.dateTime().nullable(),
      /** Derived from the event that caused the entry, so a replay books nothing twice. */
      idempotency_key: model.text(),
      /** The cause: `order`, `refund`, `return`, `cancel`, `order_change`, `admin`, ... */
      reference: model.text().nullable(),
      reference_id: model.text().nullable(),
      note: model.text().nullable(),
      /** The admin user of a manual entry. */
      created_by: model.text().nullable(),
      metadata: model.json().nullable(),
      affiliate: model.belongsTo(() => Affiliate, { mappedBy: "commissions" }),
      payout: model.belongsTo(() => AffiliatePayout, { mappedBy: "commissions" }).nullable(),
      /** A sale held for an admin's review (none for most sales). */
      review: model.hasOne(() => AffiliateCommissionReview, { mappedBy: "commission" }).nullable(),
    }
  )
  .indexes([
    {
      name: "IDX_affiliate_commission_idempotency_key",
      on: ["idempotency_key"],
      unique: true,
    },
    {
      name: "IDX_affiliate_commission_affiliate_currency_status",
      on: ["affiliate_id", "currency_code", "status"],
    },
    { name: "IDX_affiliate_commission_affiliate_created", on: ["affiliate_id", "created_at"] },
    { name: "IDX_affiliate_commission_status", on: ["status"] },
    {
      name: "IDX_affiliate_commission_release_due",
      on: ["available_at"],
      where: "status = 'pending'",
    },
    { name: "IDX_affiliate_commission_order_id", on: ["order_id"], where: "order_id IS NOT NULL" },
    { name: "IDX_affiliate_commission_created_at", on: ["created_at"] },
  ])
  .checks([
    {
      name: "CHK_affiliate_commission_sign",
      expression: (c) =>
        `(${c.type} = 'sale' AND ${c.amount} >= 0) OR (${c.type} IN ('reversal', 'clawback') AND ${c.amount} <= 0) OR ${c.type} = 'adjustment'`,
    },
    {
      name: "CHK_affiliate_commission_currency",
      expression: (c) => `${c.currency_code} ~ '^[a-z]{3}$'`,
    },
    {
      name: "CHK_affiliate_commission_payout_status",
      expression: (c) =>
        `(${c.status} IN ('requested', 'paid')) = (${c.payout_id} IS NOT NULL)`,
    },
    {
      name: "CHK_affiliate_commission_idempotency_key",
      expression: (c) => `char_length(${c.idempotency_key}) BETWEEN 1 AND 255`,
    },
  ])

export default AffiliateCommission
