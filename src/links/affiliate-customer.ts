import { defineLink } from "@medusajs/framework/utils"
import CustomerModule from "@medusajs/medusa/customer"
import AffiliateModule from "../modules/affiliate"

// The customer account an affiliate logs into the portal with (read-only: affiliate.customer_id).
export default defineLink(
  { linkable: AffiliateModule.linkable.affiliate, field: "customer_id" },
  CustomerModule.linkable.customer,
  { readOnly: true }
)
