import type { FetchError } from "@medusajs/js-sdk"
import type { QueryKey, UseQueryOptions } from "@tanstack/react-query"

/** Extra react-query options a caller may pass to a resource hook (key and fetcher are the hook's). */
export type QueryOptions<TResponse> = Omit<
  UseQueryOptions<TResponse, FetchError, TResponse, QueryKey>,
  "queryKey" | "queryFn"
>
