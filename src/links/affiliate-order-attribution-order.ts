import { defineLink } from "@medusajs/framework/utils"
import OrderModule from "@medusajs/medusa/order"
import AffiliateModule from "../modules/affiliate"

// The order a receipt was written for (read-only: affiliate_order_attribution.order_id).
export default defineLink(
  { linkable: AffiliateModule.linkable.affiliateOrderAttribution, field: "order_id" },
  OrderModule.linkable.order,
  { readOnly: true }
)
