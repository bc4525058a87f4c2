import type { FetchError } from "@medusajs/js-sdk"
import { keepPreviousData, useMutation, useQuery, useQueryClient } from "@tanstack/react-query"
import { retryUnlessNotFound } from "../api-errors"
import { affiliateKeys, programKeys } from "../query-keys"
import { sdk } from "../sdk"
import type { AffiliateProgram, AffiliateProgramRule, CommissionType, ListParams, ListResponse, PayoutMethod, ProgramKind } from "../../../types/http"
import type { QueryOptions } from "./query-options"
import type { RiskRules } from "../../../modules/affiliate/domain/risk/rules"

export type ProgramListResponse = ListResponse & { affiliate_programs: AffiliateProgram[] }

/** A rule as the API takes it: the target and its rate, or excluded. */
export type ProgramRulePayload = Omit<AffiliateProgramRule, "id" | "commission_value"> & {
  commission_value: number | null
}

/** The program fields, each optional on update (`is_default` is read-only). */
export type ProgramPayload = {
  name?: string
  commission_type?: CommissionType
  commission_value?: number
  hold_days?: number
  cookie_days?: number
  trailing_months?: number | null
  first_order_only?: boolean
  min_payout_amount?: number
  auto_approve?: boolean
  kind?: ProgramKind
  payout_method?: PayoutMethod
  link_promotion_id?: string | null
  rules?: ProgramRulePayload[]
  /** Replaces the program's fraud rules as a whole. */
  risk_rules?: RiskRules
}

export const usePrograms = (query: ListParams = {}, options?: QueryOptions<ProgramListResponse>) => {
  const { data, ...rest } = useQuery({
    queryKey: programKeys.list(query),
    queryFn: () => sdk.client.fetch<ProgramListResponse>("/admin/affiliate-programs", { query }),
    placeholderData: keepPreviousData,
    ...options,
  })
  return { ...data, ...rest }
}

/** Every program (there are few), for filters, pickers and names in other tables. */
export const useAllPrograms = () => usePrograms({ limit: 200, order: "name" }, { staleTime: 60_000 })

export const useProgram = (id: string, options?: QueryOptions<{ affiliate_program: AffiliateProgram }>) => {
  const { data, ...rest } = useQuery({
    queryKey: programKeys.detail(id),
    queryFn: () => sdk.client.fetch<{ affiliate_program: AffiliateProgram }>(`/admin/affiliate-programs/${id}`),
    retry: retryUnlessNotFound,
    ...options,
  })
  return { ...data, ...rest }
}

export const useCreateProgram = () => {
  const queryClient = useQueryClient()
  return useMutation<{ affiliate_program: AffiliateProgram }, FetchError, ProgramPayload>({
    mutationFn: (body) => sdk.client.fetch("/admin/affiliate-programs", { method: "POST", body }),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: programKeys.all }),
  })
}

export const useUpdateProgram = () => {
  const queryClient = useQueryClient()
  return useMutation<{ affiliate_program: AffiliateProgram }, FetchError, { id: string } & ProgramPayload>({
    mutationFn: ({ id, ...body }) => sdk.client.fetch(`/admin/affiliate-programs/${id}`, { method: "POST", body }),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: programKeys.all }),
  })
}

export const useDeleteProgram = () => {
  const queryClient = useQueryClient()
  return useMutation<{ id: string; deleted: boolean }, FetchError, string>({
    mutationFn: (id) => sdk.client.fetch(`/admin/affiliate-programs/${id}`, { method: "DELETE" }),
    onSuccess: (_, id) => {
      queryClient.removeQueries({ queryKey: programKeys.detail(id) })
      queryClient.invalidateQueries({ queryKey: programKeys.lists() })
      queryClient.invalidateQueries({ queryKey: affiliateKeys.all })
    },
  })
}

/** A rule of a loaded program as the payload that writes it back unchanged. */
export const toRulePayload = (rule: AffiliateProgramRule): ProgramRulePayload => ({
  target_type: rule.target_type,
  target_id: rule.target_id,
  commission_type: rule.commission_type ?? null,
  commission_value: rule.commission_value == null ? null : Number(rule.commission_value),
  excluded: Boolean(rule.excluded),
})
