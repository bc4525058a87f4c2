import type { FetchError } from "@medusajs/js-sdk"
import { keepPreviousData, useMutation, useQuery, useQueryClient } from "@tanstack/react-query"
import { affiliateKeys, commissionKeys, orderAttributionKeys, reviewKeys, statementKeys } from "../query-keys"
import { sdk } from "../sdk"
import type { AffiliateCommissionReview, CommissionReviewStatus, ListParams, ListResponse } from "../../../types/http"
import type { QueryOptions } from "./query-options"

export type ReviewListQuery = ListParams & { status?: CommissionReviewStatus; affiliate_id?: string; order_id?: string }
export type ReviewListResponse = ListResponse & { affiliate_commission_reviews: AffiliateCommissionReview[] }

export const REVIEWS_PATH = "/admin/affiliate-commission-reviews"

export const useCommissionReviews = (query: ReviewListQuery, options?: QueryOptions<ReviewListResponse>) => {
  const { data, ...rest } = useQuery({
    queryKey: reviewKeys.list(query),
    queryFn: () => sdk.client.fetch<ReviewListResponse>(REVIEWS_PATH, { query }),
    placeholderData: keepPreviousData,
    ...options,
  })
  return { ...data, ...rest }
}

export type ReviewDecision = "approve" | "decline"

/** Approves or declines held sales; a decision moves entries and balances, so everything showing them refreshes. */
export const useDecideReviews = () => {
  const queryClient = useQueryClient()
  return useMutation<
    { affiliate_commission_reviews: AffiliateCommissionReview[] },
    FetchError,
    { decision: ReviewDecision; ids: string[]; reason?: string }
  >({
    mutationFn: ({ decision, ...body }) => sdk.client.fetch(`${REVIEWS_PATH}/${decision}`, { method: "POST", body }),
    onSuccess: () => {
      for (const keys of [reviewKeys, commissionKeys, statementKeys, orderAttributionKeys]) {
        queryClient.invalidateQueries({ queryKey: keys.all })
      }
      queryClient.invalidateQueries({ queryKey: affiliateKeys.details() })
    },
  })
}
