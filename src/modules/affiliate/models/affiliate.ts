import { model } from "@medusajs/framework/utils"
import { AFFILIATE_STATUSES } from "../../../types/enums"
import AffiliateAttribution from "./affiliate-attribution"
import AffiliateClick from "./affiliate-click"
import AffiliateCommission from "./affiliate-commission"
import AffiliateOrderAttribution from "./affiliate-order-attribution"
import AffiliatePayout from "./affiliate-payout"
import AffiliateCommissionReview from "./affiliate-commission-review"
import AffiliateProgram from "./affiliate-program"

/**
 * A person or business promoting the store. The code is stored normalised (upper-case), and
 * the database refuses anything else, so the unique index is case-insensitive in effect.
 */
const Affiliate = model
  .define(
    { tableName: "affiliate", name: "Affiliate" },
    {
      id: model.id({ prefix: "aff" }).primaryKey(),
      code: model.text().searchable(),
      name: model.text().searchable(),
      email: model.text().searchable(),
      status: model.enum([...AFFILIATE_STATUSES]).default("pending"),
      /** Percent override of the program's rate (10 = 10 %); NULL = the program's terms. */
      commission_rate: model.bigNumber().nullable(),
      /** The customer account that logs into the portal. */
      customer_id: model.text().nullable(),
      payout_email: model.text().nullable(),
      payout_details: model.json().nullable(),
      /** The one linked promotion the affiliate's referral applies to a cart by itself (link-discount.ts). */
      link_promotion_id: model.text().nullable(),
      metadata: model.json().nullable(),
      program: model.belongsTo(() => AffiliateProgram, { mappedBy: "affiliates" }),
      clicks: model.hasMany(() => AffiliateClick, { mappedBy: "affiliate" }),
      attributions: model.hasMany(() => AffiliateAttribution, { mappedBy: "affiliate" }),
      order_attributions: model.hasMany(() => AffiliateOrderAttribution, {
        mappedBy: "affiliate",
      }),
      commissions: model.hasMany(() => AffiliateCommission, { mappedBy: "affiliate" }),
      payouts: model.hasMany(() => AffiliatePayout, { mappedBy: "affiliate" }),
      commission_reviews: model.hasMany(() => AffiliateCommissionReview, { mappedBy: "affiliate" }),
    }
  )
  .indexes([
    { name: "IDX_affiliate_code_unique", on: ["code"], unique: true },
    {
      name: "IDX_affiliate_customer_id_unique",
      on: ["customer_id"],
      unique: true,
      where: "customer_id IS NOT NULL",
    },
    { name: "IDX_affiliate_status", on: ["status"] },
    { name: "IDX_affiliate_email", on: ["email"] },
    { name: "IDX_affiliate_created_at", on: ["created_at"] },
  ])
  .checks([
    {
      name: "CHK_affiliate_code_normalised",
      expression: (c) => `${c.code} ~ '^[A-Z0-9_-]{3,32}$'`,
    },
    {
      name: "CHK_affiliate_commission_rate",
      expression: (c) =>
        `${c.commission_rate} IS NULL OR (${c.commission_rate} >= 0 AND ${c.commission_rate} <= 100)`,
    },
  ])

export default Affiliate
