import type {
  DataTableFilteringState,
  DataTablePaginationState,
  DataTableSortingState,
} from "@medusajs/ui"
import { useCallback, useMemo, useState } from "react"
import { useSearchParams } from "react-router-dom"

type ListUrlStateOptions = {
  pageSize: number
  /** Ids of the table's filters; each maps to the API query parameter of the same name. */
  filterIds?: readonly string[]
  /** Keeps two tables on one page apart in the URL (`ledger_offset`, `payouts_offset`). */
  prefix?: string
}

/** The state a list table keeps in the URL, and the handlers that change it. */
export type ListUrlState = ReturnType<typeof useListUrlState>

const isEmptyFilterValue = (value: unknown) =>
  value === undefined || value === null || value === "" || (Array.isArray(value) && value.length === 0)

const parseFilterValue = (raw: string | null): unknown => {
  if (raw == null) {
    return undefined
  }
  try {
    return JSON.parse(raw)
  } catch {
    return raw
  }
}

/**
 * The one place list pages turn URL parameters into an API list query: search, filters,
 * sorting and pagination live in the URL (as on the dashboard's own lists), so a filtered
 * page survives a reload and the back button, and the query sent is exactly what is shown.
 */
export const useListUrlState = ({ pageSize, filterIds = [], prefix }: ListUrlStateOptions) => {
  const [searchParams, setSearchParams] = useSearchParams()
  const key = useCallback((name: string) => (prefix ? `${prefix}_${name}` : name), [prefix])

  const q = searchParams.get(key("q")) ?? ""
  const offset = Math.max(0, Number(searchParams.get(key("offset"))) || 0)
  const order = searchParams.get(key("order")) ?? undefined
  const filterSignature = filterIds.map((id) => searchParams.get(key(id)) ?? "").join("|")

  // Filters with a value live in the URL (they shape the API query).
  const applied = useMemo(() => {
    const state: DataTableFilteringState = {}
    for (const id of filterIds) {
      const value = parseFilterValue(searchParams.get(key(id)))
      if (!isEmptyFilterValue(value)) {
        state[id] = value
      }
    }
    return state
    // Keyed by every filter's raw value, so the state only changes when a filter does.
  }, [filterSignature, key])

  // A filter just added from the Filter menu has no value yet: the DataTable must still see
  // it (with its empty value) to show its chip and open its value picker, but it has nothing
  // to put in the URL or the query until a value is picked.
  const [adding, setAdding] = useState<DataTableFilteringState>({})
  const filtering = useMemo(() => {
    const state: DataTableFilteringState = { ...applied }
    for (const [id, value] of Object.entries(adding)) {
      if (!(id in state)) {
        state[id] = value
      }
    }
    return state
  }, [applied, adding])

  const update = useCallback(
    (change: (params: URLSearchParams) => void, resetPage: boolean) =>
      setSearchParams(
        (prev) => {
          const next = new URLSearchParams(prev)
          change(next)
          if (resetPage) {
            next.delete(key("offset"))
          }
          return next
        },
        { replace: true }
      ),
    [setSearchParams, key]
  )

  const setParam = (params: URLSearchParams, name: string, value: string | undefined) =>
    value ? params.set(key(name), value) : params.delete(key(name))

  const pagination: DataTablePaginationState = { pageIndex: Math.floor(offset / pageSize), pageSize }
  const sorting: DataTableSortingState | null = order
    ? { id: order.replace(/^-/, ""), desc: order.startsWith("-") }
    : null

  return {
    /** limit / offset / order / q and one entry per active filter, ready for the API. */
    query: {
      limit: pageSize,
      offset,
      ...(order ? { order } : {}),
      ...(q ? { q } : {}),
      ...(applied as Record<string, unknown>),
    },
    search: {
      state: q,
      onSearchChange: (value: string) => update((p) => setParam(p, "q", value.trim() || undefined), true),
    },
    pagination: {
      state: pagination,
      onPaginationChange: (value: DataTablePaginationState) =>
        update((p) => setParam(p, "offset", value.pageIndex ? String(value.pageIndex * value.pageSize) : undefined), false),
    },
    filtering: {
      state: filtering,
      onFilteringChange: (value: DataTableFilteringState) => {
        setAdding(
          Object.fromEntries(filterIds.filter((id) => id in value && isEmptyFilterValue(value[id])).map((id) => [id, value[id]]))
        )
        update((p) => {
          for (const id of filterIds) {
            setParam(p, id, isEmptyFilterValue(value[id]) ? undefined : JSON.stringify(value[id]))
          }
        }, true)
      },
    },
    sorting: {
      state: sorting,
      onSortingChange: (value: DataTableSortingState) =>
        update((p) => setParam(p, "order", value ? `${value.desc ? "-" : ""}${value.id}` : undefined), true),
    },
    /** Sets a filter from outside the table (a default, a link from another page). */
    setFilter: (id: string, value: unknown) =>
      update((p) => setParam(p, id, value === undefined ? undefined : JSON.stringify(value)), true),
    hasFilter: (id: string) => searchParams.has(key(id)),
  }
}
