import { z } from "@medusajs/framework/zod"

/** The receipt route takes no query parameters. */
export const AdminGetOrderAffiliateParams = z.strictObject({})
