import {
  DataTable,
  Heading,
  Text,
  useDataTable,
  type DataTableColumnDef,
  type DataTableCommand,
  type DataTableEmptyStateProps,
  type DataTableFilter,
  type DataTableRowSelectionState,
} from "@medusajs/ui"
import { useCallback, type ReactNode } from "react"
import { useNavigate } from "react-router-dom"
import type { ListUrlState } from "../../lib/use-list-url-state"
import { ErrorState } from "../states/error-state"

type ListDataTableProps<TData> = {
  data: TData[] | undefined
  columns: DataTableColumnDef<TData, any>[]
  rowCount: number | undefined
  getRowId: (row: TData) => string
  state: ListUrlState
  isLoading: boolean
  error?: unknown
  onRetry?: () => void
  heading?: ReactNode
  subHeading?: ReactNode
  headingLevel?: "h1" | "h2"
  /** Buttons at the right of the toolbar (create, export). */
  actions?: ReactNode
  filters?: DataTableFilter[]
  enableSearch?: boolean
  rowHref?: (row: TData) => string
  emptyState: DataTableEmptyStateProps
  /** What the table lists, for the error message ("the affiliates"). */
  what: string
  /** Rows the user may select (with a `select` column), and the commands of the bar that opens over a selection. */
  selection?: {
    state: DataTableRowSelectionState
    onChange: (state: DataTableRowSelectionState) => void
    commands: DataTableCommand[]
    enabled?: (row: TData) => boolean
  }
}

/**
 * `@medusajs/ui`'s DataTable laid out as the dashboard lays out its lists (heading and
 * actions, filter and sort menus, search, table, pagination), driven by URL state.
 */
export const ListDataTable = <TData,>({
  data,
  columns,
  rowCount,
  getRowId,
  state,
  isLoading,
  error,
  onRetry,
  heading,
  subHeading,
  headingLevel = "h1",
  actions,
  filters,
  enableSearch = true,
  rowHref,
  emptyState,
  what,
  selection,
}: ListDataTableProps<TData>) => {
  const navigate = useNavigate()
  // As on the dashboard's lists: no filter or sort menu over an empty list, unless a filter
  // is what emptied it (it must stay removable).
  const hasRowsOrFilters = (rowCount ?? 0) > 0 || Object.keys(state.filtering.state).length > 0
  const enableSorting = columns.some((column) => (column as { enableSorting?: boolean }).enableSorting)
  const enableFiltering = Boolean(filters?.length)

  const onRowClick = useCallback(
    (event: React.MouseEvent<HTMLTableRowElement, MouseEvent>, row: TData) => {
      if (!rowHref) {
        return
      }
      const href = rowHref(row)
      if (event.metaKey || event.ctrlKey || event.button === 1) {
        window.open(`${__BASE__ === "/" ? "" : __BASE__ ?? ""}${href}`, "_blank", "noreferrer")
        return
      }
      navigate(href)
    },
    [navigate, rowHref]
  )

  const instance = useDataTable({
    data: data ?? [],
    columns,
    filters,
    rowCount: rowCount ?? 0,
    getRowId,
    isLoading,
    onRowClick: rowHref ? onRowClick : undefined,
    pagination: state.pagination,
    search: enableSearch ? state.search : undefined,
    filtering: enableFiltering ? state.filtering : undefined,
    sorting: enableSorting ? state.sorting : undefined,
    commands: selection?.commands,
    rowSelection: selection
      ? {
          state: selection.state,
          onRowSelectionChange: selection.onChange,
          enableRowSelection: selection.enabled ? (row) => selection.enabled!(row.original) : true,
        }
      : undefined,
  })

  return (
    <DataTable instance={instance}>
      <DataTable.Toolbar
        className="flex flex-col items-start justify-between gap-2 md:flex-row md:items-center"
        alwaysShowFilterBar={false}
      >
        <div className="flex w-full items-center justify-between gap-2">
          <div>
            {heading && <Heading level={headingLevel}>{heading}</Heading>}
            {subHeading && (
              <Text size="small" className="text-ui-fg-subtle">
                {subHeading}
              </Text>
            )}
          </div>
          <div className="flex items-center gap-x-2">
            {enableSearch && (
              <div className="w-full max-w-[200px]">
                <DataTable.Search placeholder="Search" />
              </div>
            )}
            {enableFiltering && hasRowsOrFilters && <DataTable.FilterMenu tooltip="Filter" />}
            {enableSorting && hasRowsOrFilters && <DataTable.SortingMenu tooltip="Sort" />}
            {actions}
          </div>
        </div>
      </DataTable.Toolbar>
      {error ? (
        <ErrorState error={error} what={what} onRetry={onRetry} className="border-t" />
      ) : (
        <>
          <DataTable.Table emptyState={emptyState} />
          {(rowCount ?? 0) > 0 && <DataTable.Pagination />}
          {selection && <DataTable.CommandBar selectedLabel={(count) => `${count} selected`} />}
        </>
      )}
    </DataTable>
  )
}
