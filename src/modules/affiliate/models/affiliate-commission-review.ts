import { model } from "@medusajs/framework/utils"
import { COMMISSION_REVIEW_STATUSES } from "../../../types/enums"
import Affiliate from "./affiliate"
import AffiliateCommission from "./affiliate-commission"
import AffiliateOrderAttribution from "./affiliate-order-attribution"

/**
 * A sale held for an admin's review because its risk signals met the program's rule. While
 * `required`, no entry of that order for that affiliate is released; approving lets them
 * release at their hold's end, declining books a reversal (the sale itself is never edited).
 * Only the service's review methods write it.
 */
const AffiliateCommissionReview = model
  .define(
    { tableName: "affiliate_commission_review", name: "AffiliateCommissionReview" },
    {
      id: model.id({ prefix: "afrev" }).primaryKey(),
      status: model.enum([...COMMISSION_REVIEW_STATUSES]).default("required"),
      /** The order of the sale: the release skips every entry of it while the review is required. */
      order_id: model.text(),
      /** The signals that held it (the receipt's `risk.signals` carry their evidence). */
      because: model.json(),
      /** The admin's reason for the decision (required to decline). */
      reason: model.text().nullable(),
      decided_by: model.text().nullable(),
      decided_at: model.dateTime().nullable(),
      /** The reversal a decline booked. */
      reversal_id: model.text().nullable(),
      commission: model.belongsTo(() => AffiliateCommission, { mappedBy: "review" }),
      affiliate: model.belongsTo(() => Affiliate, { mappedBy: "commission_reviews" }),
      /** The order's receipt: its `risk.signals` are the review's evidence. */
      order_attribution: model.belongsTo(() => AffiliateOrderAttribution, { mappedBy: "review" }),
    }
  )
  .indexes([
    { name: "IDX_affiliate_commission_review_commission_unique", on: ["commission_id"], unique: true },
    { name: "IDX_affiliate_commission_review_status_created", on: ["status", "created_at"] },
    {
      name: "IDX_affiliate_commission_review_required_order",
      on: ["order_id", "affiliate_id"],
      where: "status = 'required'",
    },
  ])
  .checks([
    {
      name: "CHK_affiliate_commission_review_decided",
      expression: (c) => `(${c.status} = 'required') = (${c.decided_at} IS NULL)`,
    },
  ])

export default AffiliateCommissionReview
