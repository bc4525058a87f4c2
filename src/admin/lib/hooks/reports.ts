import { keepPreviousData, useQuery } from "@tanstack/react-query"
import { reportKeys } from "../query-keys"
import { sdk } from "../sdk"
import type { ActivityReport, ReportInterval } from "../../../types/http"
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
