import { model } from "@medusajs/framework/utils"
import { ATTRIBUTION_SOURCES } from "../../../types/enums"
import Affiliate from "./affiliate"

/**
 * The binding of one customer to one affiliate. One live row per customer (the unique index
 * ignores soft-deleted rows, so an expired attribution is replaced by soft-deleting it).
 */
const AffiliateAttribution = model
  .define(
    { tableName: "affiliate_attribution", name: "AffiliateAttribution" },
    {
      id: model.id({ prefix: "afatt" }).primaryKey(),
      customer_id: model.text(),
      source: model.enum([...ATTRIBUTION_SOURCES]),
      click_id: model.text().nullable(),
      promotion_code: model.text().nullable(),
      /** The order that created it, when it came from an order. */
      order_id: model.text().nullable(),
      /** NULL = forever, else created_at + the program's trailing months. */
      expires_at: model.dateTime().nullable(),
      /** Who assigned it, for `manual` attributions. */
      created_by: model.text().nullable(),
      affiliate: model.belongsTo(() => Affiliate, { mappedBy: "attributions" }),
    }
  )
  .indexes([
    { name: "IDX_affiliate_attribution_customer_unique", on: ["customer_id"], unique: true },
    { name: "IDX_affiliate_attribution_affiliate_id", on: ["affiliate_id"] },
    { name: "IDX_affiliate_attribution_created_at", on: ["created_at"] },
  ])

export default AffiliateAttribution
