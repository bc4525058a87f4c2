import type { FetchError } from "@medusajs/js-sdk"
import { keepPreviousData, useMutation, useQuery, useQueryClient } from "@tanstack/react-query"
import { retryUnlessNotFound } from "../api-errors"
import { affiliateKeys, customerAttributionKeys, promotionAffiliateKeys, statementKeys } from "../query-keys"
import { sdk } from "../sdk"
import type {
  Affiliate,
  AffiliateBalance,
  AffiliateStatement,
  AffiliateStatus,
  ListParams,
  ListResponse,
} from "../../../types/http"
import type { QueryOptions } from "./query-options"

export type AffiliateListQuery = ListParams & { status?: AffiliateStatus; program_id?: string }
export type AffiliateListResponse = ListResponse & { affiliates: Affiliate[] }
export type AffiliateDetailResponse = { affiliate: Affiliate; balances: AffiliateBalance[] }

/** The creatable fields of POST /admin/affiliates; an update takes any of them. */
export type AffiliatePayload = {
  code?: string
  name?: string
  email?: string
  status?: AffiliateStatus
  program_id?: string | null
  commission_rate?: number | null
  customer_id?: string | null
}

export const useAffiliates = (query: AffiliateListQuery, options?: QueryOptions<AffiliateListResponse>) => {
  const { data, ...rest } = useQuery({
    queryKey: affiliateKeys.list(query),
    queryFn: () => sdk.client.fetch<AffiliateListResponse>("/admin/affiliates", { query }),
    placeholderData: keepPreviousData,
    ...options,
  })
  return { ...data, ...rest }
}

export const useAffiliate = (id: string, options?: QueryOptions<AffiliateDetailResponse>) => {
  const { data, ...rest } = useQuery({
    queryKey: affiliateKeys.detail(id),
    queryFn: () => sdk.client.fetch<AffiliateDetailResponse>(`/admin/affiliates/${id}`),
    retry: retryUnlessNotFound,
    ...options,
  })
  return { ...data, ...rest }
}

export const useCreateAffiliate = () => {
  const queryClient = useQueryClient()
  return useMutation<{ affiliate: Affiliate }, FetchError, AffiliatePayload>({
    mutationFn: (body) => sdk.client.fetch("/admin/affiliates", { method: "POST", body }),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: affiliateKeys.lists() }),
  })
}

/** Any field of one affiliate, the status included (the API allows only legal transitions). */
export const useUpdateAffiliate = () => {
  const queryClient = useQueryClient()
  return useMutation<{ affiliate: Affiliate }, FetchError, { id: string } & AffiliatePayload>({
    mutationFn: ({ id, ...body }) => sdk.client.fetch(`/admin/affiliates/${id}`, { method: "POST", body }),
    onSuccess: (_, { id }) => {
      queryClient.invalidateQueries({ queryKey: affiliateKeys.lists() })
      queryClient.invalidateQueries({ queryKey: affiliateKeys.detail(id) })
      queryClient.invalidateQueries({ queryKey: customerAttributionKeys.all })
    },
  })
}

export const useDeleteAffiliate = () => {
  const queryClient = useQueryClient()
  return useMutation<{ id: string; deleted: boolean }, FetchError, string>({
    mutationFn: (id) => sdk.client.fetch(`/admin/affiliates/${id}`, { method: "DELETE" }),
    onSuccess: (_, id) => {
      queryClient.invalidateQueries({ queryKey: affiliateKeys.lists() })
      queryClient.removeQueries({ queryKey: affiliateKeys.detail(id) })
    },
  })
}

/** Links (`add`) or unlinks (`remove`) promotion codes, by promotion id. */
export const useLinkAffiliatePromotions = () => {
  const queryClient = useQueryClient()
  return useMutation<
    { affiliate: Affiliate },
    FetchError,
    { affiliateId: string; add?: string[]; remove?: string[]; link_promotion_id?: string | null }
  >({
    mutationFn: ({ affiliateId, add, remove, link_promotion_id }) =>
      sdk.client.fetch(`/admin/affiliates/${affiliateId}/promotions`, {
        method: "POST",
        body: {
          ...(add?.length ? { add } : {}),
          ...(remove?.length ? { remove } : {}),
          ...(link_promotion_id !== undefined ? { link_promotion_id } : {}),
        },
      }),
    onSuccess: (_, { affiliateId }) => {
      queryClient.invalidateQueries({ queryKey: affiliateKeys.detail(affiliateId) })
      queryClient.invalidateQueries({ queryKey: promotionAffiliateKeys.all })
    },
  })
}

export type StatementQuery = { from: string; to: string; currency_code: string }

export const useAffiliateStatement = (
  id: string,
  query: StatementQuery,
  options?: QueryOptions<{ statement: AffiliateStatement }>
) => {
  const { data, ...rest } = useQuery({
    queryKey: statementKeys.detail(id, query),
    queryFn: () =>
      sdk.client.fetch<{ statement: AffiliateStatement }>(`/admin/affiliates/${id}/statement`, { query }),
    ...options,
  })
  return { ...data, ...rest }
}
