import { defineLink } from "@medusajs/framework/utils"
import CustomerModule from "@medusajs/medusa/customer"
import AffiliateModule from "../modules/affiliate"

// The customer an attribution binds (read-only: affiliate_attribution.customer_id).
export default defineLink(
  { linkable: AffiliateModule.linkable.affiliateAttribution, field: "customer_id" },
  CustomerModule.linkable.customer,
  { readOnly: true }
)
