import type { FetchError } from "@medusajs/js-sdk"
import { keepPreviousData, useMutation, useQuery, useQueryClient } from "@tanstack/react-query"
import { affiliateKeys, commissionKeys, statementKeys } from "../query-keys"
import { sdk } from "../sdk"
import type { AffiliateCommission, LedgerEntryStatus, LedgerEntryType, ListParams, ListResponse } from "../../../types/http"
import type { QueryOptions } from "./query-options"

export type CommissionListQuery = ListParams & {
  affiliate_id?: string
  order_id?: string
  status?: LedgerEntryStatus
  type?: LedgerEntryType
  currency_code?: string
}
export type CommissionListResponse = ListResponse & { affiliate_commissions: AffiliateCommission[] }

export const COMMISSIONS_PATH = "/admin/affiliate-commissions"

export const useCommissions = (query: CommissionListQuery, options?: QueryOptions<CommissionListResponse>) => {
  const { data, ...rest } = useQuery({
    queryKey: commissionKeys.list(query),
    queryFn: () => sdk.client.fetch<CommissionListResponse>(COMMISSIONS_PATH, { query }),
    placeholderData: keepPreviousData,
    ...options,
  })
  return { ...data, ...rest }
}

export type AdjustmentPayload = { affiliate_id: string; amount: number; currency_code: string; note: string }

/**
 * Books a manual adjustment (positive or negative). The idempotency key is the form's: a
 * retried submit of the same form books once.
 */
export const useCreateAdjustment = () => {
  const queryClient = useQueryClient()
  return useMutation<
    { affiliate_commission: AffiliateCommission },
    FetchError,
    AdjustmentPayload & { idempotencyKey: string }
  >({
    mutationFn: ({ idempotencyKey, ...body }) =>
      sdk.client.fetch(COMMISSIONS_PATH, { method: "POST", body, headers: { "idempotency-key": idempotencyKey } }),
    onSuccess: (_, { affiliate_id }) => {
      queryClient.invalidateQueries({ queryKey: commissionKeys.all })
      queryClient.invalidateQueries({ queryKey: affiliateKeys.detail(affiliate_id) })
      queryClient.invalidateQueries({ queryKey: statementKeys.all })
    },
  })
}
