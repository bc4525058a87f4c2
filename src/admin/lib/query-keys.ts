// Query keys per resource, shaped like the dashboard's own factory so invalidating
// `keys.lists()` or `keys.detail(id)` refreshes every matching query.

export const queryKeysFactory = <TKey extends string>(resource: TKey) => {
  const keys = {
    all: [resource] as const,
    lists: () => [...keys.all, "list"] as const,
    list: (query?: object) => [...keys.lists(), query ?? {}] as const,
    details: () => [...keys.all, "detail"] as const,
    detail: (id: string, query?: object) => [...keys.details(), id, query ?? {}] as const,
  }
  return keys
}

export const affiliateKeys = queryKeysFactory("affiliates")
export const programKeys = queryKeysFactory("affiliate_programs")
export const commissionKeys = queryKeysFactory("affiliate_commissions")
export const payoutKeys = queryKeysFactory("affiliate_payouts")
export const reportKeys = queryKeysFactory("affiliate_reports")
export const statementKeys = queryKeysFactory("affiliate_statements")
export const orderAttributionKeys = queryKeysFactory("affiliate_order_attributions")
export const customerAttributionKeys = queryKeysFactory("affiliate_customer_attributions")
export const promotionAffiliateKeys = queryKeysFactory("affiliate_promotion_owner")
export const catalogKeys = queryKeysFactory("affiliate_catalog_lookups")
export const reviewKeys = queryKeysFactory("affiliate_commission_reviews")
