import { model } from "@medusajs/framework/utils"
import { ORDER_ATTRIBUTION_OUTCOMES, ORDER_ATTRIBUTION_SOURCES } from "../../../types/enums"
import Affiliate from "./affiliate"
import AffiliateCommissionReview from "./affiliate-commission-review"

/**
 * The receipt: the recorded decision, per order, of which affiliate is credited and why.
 * Its unique order_id is also what makes order processing run once per order.
 */
const AffiliateOrderAttribution = model
  .define(
    { tableName: "affiliate_order_attribution", name: "AffiliateOrderAttribution" },
    {
      id: model.id({ prefix: "aford" }).primaryKey(),
      order_id: model.text(),
      customer_id: model.text().nullable(),
      outcome: model.enum([...ORDER_ATTRIBUTION_OUTCOMES]),
      source: model.enum([...ORDER_ATTRIBUTION_SOURCES]).nullable(),
      /** Why the winner won, in words. */
      reason: model.text().nullable(),
      /** Every candidate considered, each with why it lost. */
      candidates: model.json(),
      currency_code: model.text().nullable(),
      /** The order's money state when commission last followed it; the reconcile job compares it. */
      money_fingerprint: model.text().nullable(),
      /** Fraud review of a credited order: its signals with their evidence, and the hold applied and why. */
      risk: model.json().nullable(),
      /** The buyer's visitor hash (salted IP + user agent) when the storefront attached the referral. */
      visitor_hash: model.text().nullable(),
      affiliate: model.belongsTo(() => Affiliate, { mappedBy: "order_attributions" }).nullable(),
      /** The review its sale was held for, if any. */
      review: model.hasOne(() => AffiliateCommissionReview, { mappedBy: "order_attribution" }).nullable(),
    }
  )
  .indexes([
    { name: "IDX_affiliate_order_attribution_order_unique", on: ["order_id"], unique: true },
    { name: "IDX_affiliate_order_attribution_affiliate_created", on: ["affiliate_id", "created_at"] },
    { name: "IDX_affiliate_order_attribution_customer_id", on: ["customer_id"] },
    { name: "IDX_affiliate_order_attribution_created_at", on: ["created_at"] },
    {
      name: "IDX_affiliate_order_attribution_visitor",
      on: ["affiliate_id", "visitor_hash", "created_at"],
      where: "visitor_hash IS NOT NULL",
    },
  ])

export default AffiliateOrderAttribution
