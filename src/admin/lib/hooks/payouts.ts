import type { FetchError } from "@medusajs/js-sdk"
import { keepPreviousData, useMutation, useQuery, useQueryClient } from "@tanstack/react-query"
import { retryUnlessNotFound } from "../api-errors"
import { affiliateKeys, commissionKeys, payoutKeys, statementKeys } from "../query-keys"
import { sdk } from "../sdk"
import type { AffiliatePayout, AffiliatePayoutDetail, ListParams, ListResponse, PayoutPreview, PayoutStatus } from "../../../types/http"
import type { QueryOptions } from "./query-options"

export type PayoutListQuery = ListParams & { affiliate_id?: string; status?: PayoutStatus; currency_code?: string }
export type PayoutListResponse = ListResponse & { affiliate_payouts: AffiliatePayout[] }

export const PAYOUTS_PATH = "/admin/affiliate-payouts"

export const usePayouts = (query: PayoutListQuery, options?: QueryOptions<PayoutListResponse>) => {
  const { data, ...rest } = useQuery({
    queryKey: payoutKeys.list(query),
    queryFn: () => sdk.client.fetch<PayoutListResponse>(PAYOUTS_PATH, { query }),
    placeholderData: keepPreviousData,
    ...options,
  })
  return { ...data, ...rest }
}

/** A payout with its affiliate and the ledger entries it pays. */
export const usePayout = (id: string, options?: QueryOptions<{ affiliate_payout: AffiliatePayoutDetail }>) => {
  const { data, ...rest } = useQuery({
    queryKey: payoutKeys.detail(id),
    queryFn: () => sdk.client.fetch<{ affiliate_payout: AffiliatePayoutDetail }>(`${PAYOUTS_PATH}/${id}`),
    retry: retryUnlessNotFound,
    ...options,
  })
  return { ...data, ...rest }
}

export type PayoutPreviewQuery = { currency_code: string; affiliate_ids?: string[] }

/** Who a batch would pay now; only asked once there is a currency (and, if limited, affiliates). */
export const usePayoutPreview = (query: PayoutPreviewQuery, options?: QueryOptions<{ preview: PayoutPreview }>) => {
  const { data, ...rest } = useQuery({
    queryKey: payoutKeys.detail("preview", query),
    queryFn: () => sdk.client.fetch<{ preview: PayoutPreview }>(`${PAYOUTS_PATH}/preview`, { query }),
    placeholderData: keepPreviousData,
    ...options,
  })
  return { ...data, ...rest }
}

/** A payout moves ledger entries and balances: refresh everything that shows them. */
const useInvalidateMoney = () => {
  const queryClient = useQueryClient()
  return () => {
    queryClient.invalidateQueries({ queryKey: payoutKeys.all })
    queryClient.invalidateQueries({ queryKey: commissionKeys.all })
    queryClient.invalidateQueries({ queryKey: affiliateKeys.details() })
    queryClient.invalidateQueries({ queryKey: statementKeys.all })
  }
}

/** One `requested` payout per affiliate whose available balance reaches the minimum. */
export const useCreatePayoutBatch = () => {
  const invalidate = useInvalidateMoney()
  return useMutation<
    { affiliate_payouts: AffiliatePayout[] },
    FetchError,
    { currency_code: string; affiliate_ids?: string[] }
  >({
    mutationFn: (body) => sdk.client.fetch(PAYOUTS_PATH, { method: "POST", body }),
    onSuccess: invalidate,
  })
}

export const useMarkPayoutPaid = () => {
  const invalidate = useInvalidateMoney()
  return useMutation<{ affiliate_payout: AffiliatePayout }, FetchError, { id: string; reference?: string }>({
    mutationFn: ({ id, reference }) =>
      sdk.client.fetch(`${PAYOUTS_PATH}/${id}/paid`, { method: "POST", body: reference ? { reference } : {} }),
    onSuccess: invalidate,
  })
}

export const useMarkPayoutFailed = () => {
  const invalidate = useInvalidateMoney()
  return useMutation<{ affiliate_payout: AffiliatePayout }, FetchError, { id: string; reason?: string }>({
    mutationFn: ({ id, reason }) =>
      sdk.client.fetch(`${PAYOUTS_PATH}/${id}/failed`, { method: "POST", body: reason ? { reason } : {} }),
    onSuccess: invalidate,
  })
}
