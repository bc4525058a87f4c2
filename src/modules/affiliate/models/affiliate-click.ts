import { model } from "@medusajs/framework/utils"
import Affiliate from "./affiliate"
import { CLICK_FIELD_LIMITS } from "../domain/click-fields"

/** One visit through an affiliate's link. Never stores the raw IP: only a salted hash. */
const AffiliateClick = model
  .define(
    { tableName: "affiliate_click", name: "AffiliateClick" },
    {
      id: model.id({ prefix: "afclk" }).primaryKey(),
      session_id: model.text().nullable(),
      sub_id: model.text().nullable(),
      landing_url: model.text().nullable(),
      referrer: model.text().nullable(),
      visitor_hash: model.text().nullable(),
      affiliate: model.belongsTo(() => Affiliate, { mappedBy: "clicks" }),
    }
  )
  .indexes([
    {
      name: "IDX_affiliate_click_session_unique",
      on: ["affiliate_id", "session_id"],
      unique: true,
      where: "session_id IS NOT NULL",
    },
    { name: "IDX_affiliate_click_affiliate_created_at", on: ["affiliate_id", "created_at"] },
    { name: "IDX_affiliate_click_created_at", on: ["created_at"] },
  ])
  .checks([
    {
      name: "CHK_affiliate_click_lengths",
      expression: (c) =>
        [
          `char_length(${c.session_id}) <= ${CLICK_FIELD_LIMITS.session_id}`,
          `char_length(${c.sub_id}) <= ${CLICK_FIELD_LIMITS.sub_id}`,
          `char_length(${c.landing_url}) <= ${CLICK_FIELD_LIMITS.landing_url}`,
          `char_length(${c.referrer}) <= ${CLICK_FIELD_LIMITS.referrer}`,
        ].join(" AND "),
    },
  ])

export default AffiliateClick
