import type { FetchError } from "@medusajs/js-sdk"
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query"
import { customerAttributionKeys, orderAttributionKeys } from "../query-keys"
import { sdk } from "../sdk"
import type { Affiliate, AffiliateCommission, CustomerAttribution, OrderAttribution } from "../../../types/http"
import type { QueryOptions } from "./query-options"

export type OrderAttributionResponse = {
  /** null only before the order was processed. */
  order_attribution: OrderAttribution | null
  affiliate_commissions: AffiliateCommission[]
}

export const useOrderAttribution = (orderId: string, options?: QueryOptions<OrderAttributionResponse>) => {
  const { data, ...rest } = useQuery({
    queryKey: orderAttributionKeys.detail(orderId),
    queryFn: () => sdk.client.fetch<OrderAttributionResponse>(`/admin/orders/${orderId}/affiliate`),
    ...options,
  })
  return { ...data, ...rest }
}

export type CustomerAffiliateResponse = {
  attribution: CustomerAttribution | null
  affiliate: Affiliate | null
}

export const useCustomerAffiliate = (customerId: string, options?: QueryOptions<CustomerAffiliateResponse>) => {
  const { data, ...rest } = useQuery({
    queryKey: customerAttributionKeys.detail(customerId),
    queryFn: () => sdk.client.fetch<CustomerAffiliateResponse>(`/admin/customers/${customerId}/affiliate`),
    ...options,
  })
  return { ...data, ...rest }
}

/** Binds the customer to another affiliate by hand (source `manual`). */
export const useReassignCustomerAffiliate = (customerId: string) => {
  const queryClient = useQueryClient()
  return useMutation<{ attribution: CustomerAttribution }, FetchError, { affiliate_id: string }>({
    mutationFn: (body) =>
      sdk.client.fetch(`/admin/customers/${customerId}/affiliate`, { method: "POST", body }),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: customerAttributionKeys.detail(customerId) }),
  })
}
