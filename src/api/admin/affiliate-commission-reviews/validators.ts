import { z } from "@medusajs/framework/zod"
import { COMMISSION_REVIEW_STATUSES } from "../../../types/enums"
import { listParams, named, oneOf, oneOrMany, optionalText, recordId, required } from "../../utils/validators"

export const REVIEW_ORDER_COLUMNS = ["created_at", "decided_at", "status"] as const

export const AdminListCommissionReviews = z.strictObject({
  status: oneOrMany(oneOf(COMMISSION_REVIEW_STATUSES, { quoteRefused: true })).optional(),
  affiliate_id: oneOrMany(recordId).optional(),
  order_id: oneOrMany(recordId).optional(),
  id: oneOrMany(recordId).optional(),
  ...listParams(REVIEW_ORDER_COLUMNS, "created_at"),
})
export type AdminListCommissionReviewsType = z.infer<typeof AdminListCommissionReviews>

const reviewIds = z.array(recordId).min(1).max(100)

/** Approves held sales: one or many, all or none. */
export const AdminApproveCommissionReviews = z.strictObject({
  ids: required(reviewIds),
  reason: optionalText(1000),
})
export type AdminApproveCommissionReviewsType = z.infer<typeof AdminApproveCommissionReviews>

/** Declines held sales: the reason goes on the review and on the reversal it books. */
export const AdminDeclineCommissionReviews = z.strictObject({
  ids: required(reviewIds),
  reason: required(z.string().trim().max(1000).refine((reason) => reason.length > 0, named("must not be empty"))),
})
export type AdminDeclineCommissionReviewsType = z.infer<typeof AdminDeclineCommissionReviews>
