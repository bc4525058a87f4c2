import { model } from "@medusajs/framework/utils"
import { PAYOUT_STATUSES } from "../../../types/enums"
import Affiliate from "./affiliate"
import AffiliateCommission from "./affiliate-commission"

/** Money sent to an affiliate: the net of a set of available entries in one currency. */
const AffiliatePayout = model
  .define(
    { tableName: "affiliate_payout", name: "AffiliatePayout" },
    {
      id: model.id({ prefix: "afpay" }).primaryKey(),
      amount: model.bigNumber(),
      currency_code: model.text(),
      status: model.enum([...PAYOUT_STATUSES]).default("requested"),
      method: model.text().nullable(),
      /** The external reference of the transfer (PayPal batch id, bank reference, ...). */
      reference: model.text().nullable(),
      failure_reason: model.text().nullable(),
      paid_at: model.dateTime().nullable(),
      failed_at: model.dateTime().nullable(),
      canceled_at: model.dateTime().nullable(),
      /** The admin user or customer that asked for it. */
      requested_by: model.text().nullable(),
      metadata: model.json().nullable(),
      affiliate: model.belongsTo(() => Affiliate, { mappedBy: "payouts" }),
      commissions: model.hasMany(() => AffiliateCommission, { mappedBy: "payout" }),
    }
  )
  .indexes([
    { name: "IDX_affiliate_payout_affiliate_created", on: ["affiliate_id", "created_at"] },
    { name: "IDX_affiliate_payout_status", on: ["status"] },
    { name: "IDX_affiliate_payout_created_at", on: ["created_at"] },
  ])
  .checks([
    { name: "CHK_affiliate_payout_amount", expression: (c) => `${c.amount} > 0` },
    {
      name: "CHK_affiliate_payout_currency",
      expression: (c) => `${c.currency_code} ~ '^[a-z]{3}$'`,
    },
  ])

export default AffiliatePayout
