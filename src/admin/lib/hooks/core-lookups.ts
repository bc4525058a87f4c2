// Lookups of core Medusa resources the affiliate pages refer to: promotions, products,
// collections, customers and the store's currencies. Through the SDK's typed admin methods,
// as the dashboard's own hooks do.
import { keepPreviousData, useQuery } from "@tanstack/react-query"
import { catalogKeys, promotionAffiliateKeys } from "../query-keys"
import { sdk } from "../sdk"
import type { AffiliateSummary, ProgramRuleTarget } from "../../../types/http"

const SEARCH_LIMIT = 10

export type LookupOption = {
  id: string
  label: string
  description?: string
  /** Shown but not choosable; the description says why. */
  disabled?: boolean
}

/** A promotion code with the affiliate it already credits, if any. */
export type PromotionOption = LookupOption & { owner: AffiliateSummary | null }

/** Promotions by search text or by id, each with its owner through the affiliate <-> promotion link. */
export const fetchPromotionOptions = async (query: { q?: string; id?: string[]; limit: number }): Promise<PromotionOption[]> => {
  const { promotions } = await sdk.admin.promotion.list({
    ...query,
    fields: "id,code,status,affiliate.id,affiliate.code,affiliate.name",
  })
  return promotions.map((p) => ({
    id: p.id,
    label: p.code ?? p.id,
    description: p.status ?? undefined,
    owner: (p as unknown as { affiliate?: AffiliateSummary | null }).affiliate ?? null,
  }))
}

/** The affiliate that owns a promotion, read through the affiliate <-> promotion module link. */
export const usePromotionOwner = (promotionId: string) => {
  const { data, ...rest } = useQuery({
    queryKey: promotionAffiliateKeys.detail(promotionId),
    queryFn: async () => {
      const { promotion } = await sdk.admin.promotion.retrieve(promotionId, {
        fields: "id,code,affiliate.id,affiliate.code,affiliate.name,affiliate.status,affiliate.email",
      })
      const owner = (promotion as unknown as { affiliate?: AffiliateSummary | null }).affiliate ?? null
      return { affiliate: owner }
    },
  })
  return { ...data, ...rest }
}

/** A promotion's code by its id (null id: none). */
export const usePromotionCode = (promotionId: string | null | undefined) => {
  const { data, ...rest } = useQuery({
    queryKey: catalogKeys.detail("promotion-code", { promotionId }),
    queryFn: async () => (await sdk.admin.promotion.retrieve(promotionId!, { fields: "id,code" })).promotion.code ?? null,
    enabled: !!promotionId,
    staleTime: 5 * 60_000,
  })
  return { code: data ?? null, ...rest }
}

export const usePromotionSearch = (q: string, enabled = true) => {
  const { data, ...rest } = useQuery({
    queryKey: catalogKeys.list({ resource: "promotions", q }),
    queryFn: () => fetchPromotionOptions({ q: q || undefined, limit: SEARCH_LIMIT }),
    placeholderData: keepPreviousData,
    enabled,
  })
  return { options: data ?? [], ...rest }
}

export const useCustomerSearch = (q: string, enabled = true) => {
  const { data, ...rest } = useQuery({
    queryKey: catalogKeys.list({ resource: "customers", q }),
    queryFn: async (): Promise<LookupOption[]> => {
      const { customers } = await sdk.admin.customer.list({
        q: q || undefined,
        limit: SEARCH_LIMIT,
        fields: "id,email,first_name,last_name",
      })
      return customers.map((c) => ({
        id: c.id,
        label: c.email,
        description: [c.first_name, c.last_name].filter(Boolean).join(" ") || undefined,
      }))
    },
    placeholderData: keepPreviousData,
    enabled,
  })
  return { options: data ?? [], ...rest }
}

/** Products or collections matching a search, for a program rule's target. */
export const useRuleTargetSearch = (target: ProgramRuleTarget, q: string, enabled = true) => {
  const { data, ...rest } = useQuery({
    queryKey: catalogKeys.list({ resource: target, q }),
    queryFn: async (): Promise<LookupOption[]> => {
      if (target === "product") {
        const { products } = await sdk.admin.product.list({ q: q || undefined, limit: SEARCH_LIMIT, fields: "id,title,handle" })
        return products.map((p) => ({ id: p.id, label: p.title, description: p.handle ?? undefined }))
      }
      const { collections } = await sdk.admin.productCollection.list({ q: q || undefined, limit: SEARCH_LIMIT, fields: "id,title,handle" })
      return collections.map((c) => ({ id: c.id, label: c.title, description: c.handle ?? undefined }))
    },
    placeholderData: keepPreviousData,
    enabled,
  })
  return { options: data ?? [], ...rest }
}

/** Titles of the products and collections a program's rules point at, by id. */
export const useRuleTargetTitles = (targets: { target_type: ProgramRuleTarget; target_id: string }[]) => {
  const productIds = [...new Set(targets.filter((t) => t.target_type === "product").map((t) => t.target_id))].sort()
  const collectionIds = [...new Set(targets.filter((t) => t.target_type === "collection").map((t) => t.target_id))].sort()
  const { data, ...rest } = useQuery({
    queryKey: catalogKeys.detail("rule-targets", { productIds, collectionIds }),
    queryFn: async (): Promise<Record<string, string>> => {
      const [products, collections] = await Promise.all([
        productIds.length
          ? sdk.admin.product.list({ id: productIds, limit: productIds.length, fields: "id,title" })
          : Promise.resolve({ products: [] as { id: string; title: string }[] }),
        collectionIds.length
          ? sdk.admin.productCollection.list({ id: collectionIds, limit: collectionIds.length, fields: "id,title" })
          : Promise.resolve({ collections: [] as { id: string; title: string }[] }),
      ])
      return Object.fromEntries([
        ...products.products.map((p) => [p.id, p.title] as const),
        ...collections.collections.map((c) => [c.id, c.title] as const),
      ])
    },
    enabled: productIds.length + collectionIds.length > 0,
  })
  return { titles: data ?? {}, ...rest }
}

/** The store's currencies (lower-case codes, the default first), for currency pickers. */
export const useStoreCurrencies = () => {
  const { data, ...rest } = useQuery({
    queryKey: catalogKeys.detail("store-currencies"),
    queryFn: async (): Promise<string[]> => {
      const { stores } = await sdk.admin.store.list()
      const currencies = stores[0]?.supported_currencies ?? []
      return [...currencies]
        .sort((a, b) => Number(Boolean(b.is_default)) - Number(Boolean(a.is_default)))
        .map((c) => c.currency_code.toLowerCase())
    },
    staleTime: 5 * 60_000,
  })
  return { currencies: data ?? [], ...rest }
}

/** A customer account as a picker option (email and name), by id. */
export const useCustomerOption = (customerId: string | null | undefined) => {
  const { data, ...rest } = useQuery({
    queryKey: catalogKeys.detail("customer", { customerId }),
    queryFn: async (): Promise<LookupOption> => {
      const { customer } = await sdk.admin.customer.retrieve(customerId!, { fields: "id,email,first_name,last_name" })
      return {
        id: customer.id,
        label: customer.email,
        description: [customer.first_name, customer.last_name].filter(Boolean).join(" ") || undefined,
      }
    },
    enabled: Boolean(customerId),
    staleTime: 60_000,
    retry: false,
  })
  return { option: data, ...rest }
}

/** The display numbers (#12) of orders, by id, for tables that only hold order ids. */
export const useOrderDisplayIds = (orderIds: (string | null | undefined)[]) => {
  const ids = [...new Set(orderIds.filter((id): id is string => Boolean(id)))].sort()
  const { data, ...rest } = useQuery({
    queryKey: catalogKeys.detail("order-display-ids", { ids }),
    queryFn: async (): Promise<Record<string, number>> => {
      const { orders } = await sdk.admin.order.list({ id: ids, limit: ids.length, fields: "id,display_id" })
      return Object.fromEntries(
        orders.filter((o) => o.display_id != null).map((o) => [o.id, o.display_id as number] as const)
      )
    },
    enabled: ids.length > 0,
    staleTime: 5 * 60_000,
    placeholderData: keepPreviousData,
  })
  return { displayIds: data ?? {}, ...rest }
}
