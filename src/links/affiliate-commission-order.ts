import { defineLink } from "@medusajs/framework/utils"
import OrderModule from "@medusajs/medusa/order"
import AffiliateModule from "../modules/affiliate"

// The order a ledger entry follows (read-only: affiliate_commission.order_id).
export default defineLink(
  { linkable: AffiliateModule.linkable.affiliateCommission, field: "order_id" },
  OrderModule.linkable.order,
  { readOnly: true }
)
