import { keepPreviousData, useQuery } from "@tanstack/react-query"
import { reportKeys } from "../query-keys"
import { sdk } from "../sdk"
import type { ActivityReport, PromotionCodeLeak, ReportInterval } from "../../../types/http"
import type { QueryOptions } from "./query-options"

export type ReportQuery = { from: string; to: string; interval: ReportInterval; affiliate_id?: string }

/** Clicks, credited orders, revenue and commission per interval (program-wide or one affiliate). */
export const useActivityReport = (query: ReportQuery, options?: QueryOptions<{ report: ActivityReport }>) => {
  const { data, ...rest } = useQuery({
    queryKey: reportKeys.list(query),
    queryFn: () => sdk.client.fetch<{ report: ActivityReport }>("/admin/affiliate-reports", { query }),
    placeholderData: keepPreviousData,
    ...options,
  })
  return { ...data, ...rest }
}

/** The coupon-leak report of one code over the last 90 days: its orders, the share without a click, the devices. */
export const usePromotionCodeLeak = (code: string | null | undefined, options?: QueryOptions<{ promotion_codes: PromotionCodeLeak[] }>) => {
  const query = { code: code ?? "", from: new Date(Date.now() - 90 * 86_400_000).toISOString().slice(0, 10) }
  const { data, ...rest } = useQuery({
    queryKey: reportKeys.detail("promotion-code-leak", { code }),
    queryFn: () => sdk.client.fetch<{ promotion_codes: PromotionCodeLeak[] }>("/admin/affiliate-reports/promotion-codes", { query }),
    enabled: Boolean(code),
    ...options,
  })
  return { leak: data?.promotion_codes[0] ?? null, ...rest }
}
