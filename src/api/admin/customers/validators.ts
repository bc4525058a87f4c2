import { z } from "@medusajs/framework/zod"
import { recordId } from "../../utils/validators"

/** Manual reassignment: the affiliate the customer is bound to from now on. */
export const AdminReassignCustomerAffiliate = z.strictObject({
  affiliate_id: recordId,
})
export type AdminReassignCustomerAffiliateType = z.infer<typeof AdminReassignCustomerAffiliate>
