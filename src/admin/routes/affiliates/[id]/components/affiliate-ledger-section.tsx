import { Button, Container, createDataTableColumnHelper, createDataTableFilterHelper } from "@medusajs/ui"
import { useMemo, useState } from "react"
import { Link } from "react-router-dom"
import { CsvExportButton } from "../../../../components/csv-export-button"
import { ListDataTable } from "../../../../components/data-table/list-data-table"
import { DomainStatusBadge } from "../../../../components/domain-status-badge"
import { MoneyAmount } from "../../../../components/money-amount"
import { LEDGER_ENTRY_STATUSES, LEDGER_ENTRY_TYPES } from "../../../../../types/enums"
import { formatDate, formatPercent, humanize } from "../../../../lib/format"
import { useOrderDisplayIds } from "../../../../lib/hooks/core-lookups"
import { COMMISSIONS_PATH, useCommissions, type CommissionListQuery } from "../../../../lib/hooks/commissions"
import type { AffiliateCommission } from "../../../../../types/http"
import { useListUrlState } from "../../../../lib/use-list-url-state"
import { CreateAdjustmentDrawer } from "./create-adjustment-drawer"

const PAGE_SIZE = 10
const FILTER_IDS = ["status", "type", "currency_code"] as const

const columnHelper = createDataTableColumnHelper<AffiliateCommission>()
const filterHelper = createDataTableFilterHelper<AffiliateCommission>()

const ledgerColumns = (orderNumbers: Record<string, number>) => [
  columnHelper.accessor("created_at", {
    header: "Date",
    enableSorting: true,
    sortLabel: "Date",
    sortAscLabel: "Oldest first",
    sortDescLabel: "Newest first",
    cell: ({ getValue }) => formatDate(getValue()),
  }),
  columnHelper.accessor("type", { header: "Type", cell: ({ getValue }) => humanize(getValue()) }),
  columnHelper.accessor("order_id", {
    header: "Order",
    cell: ({ row }) =>
      row.original.order_id ? (
        <Link
          to={`/orders/${row.original.order_id}`}
          onClick={(e) => e.stopPropagation()}
          className="text-ui-fg-interactive hover:text-ui-fg-interactive-hover font-mono"
        >
          {orderNumbers[row.original.order_id] ? `#${orderNumbers[row.original.order_id]}` : row.original.order_id.slice(-8)}
        </Link>
      ) : (
        row.original.note ?? "-"
      ),
  }),
  columnHelper.accessor("base_amount", {
    header: "Base",
    align: "right",
    cell: ({ row }) =>
      row.original.base_amount == null ? "-" : (
        <MoneyAmount amount={row.original.base_amount} currencyCode={row.original.currency_code} />
      ),
  }),
  columnHelper.accessor("rate", {
    header: "Rate",
    align: "right",
    cell: ({ getValue }) => (getValue() == null ? "-" : formatPercent(getValue())),
  }),
  columnHelper.accessor("amount", {
    header: "Amount",
    align: "right",
    cell: ({ row }) => <MoneyAmount amount={row.original.amount} currencyCode={row.original.currency_code} signed />,
  }),
  columnHelper.accessor("status", {
    header: "Status",
    cell: ({ getValue }) => <DomainStatusBadge kind="entry" status={getValue()} />,
  }),
  columnHelper.accessor("available_at", {
    header: "Available from",
    cell: ({ getValue }) => formatDate(getValue()),
  }),
]

/** Every ledger entry of the affiliate: filters by status, type and currency; CSV export; adjustments. */
export const AffiliateLedgerSection = ({ affiliateId, currencies }: { affiliateId: string; currencies: string[] }) => {
  const [adjusting, setAdjusting] = useState(false)
  const state = useListUrlState({ pageSize: PAGE_SIZE, filterIds: FILTER_IDS, prefix: "ledger" })
  const query: CommissionListQuery = { order: "-created_at", ...state.query, affiliate_id: affiliateId }
  const { affiliate_commissions, count, isPending, error, refetch } = useCommissions(query)
  const { displayIds } = useOrderDisplayIds((affiliate_commissions ?? []).map((c) => c.order_id))
  const columns = useMemo(() => ledgerColumns(displayIds), [displayIds])

  const filters = useMemo(
    () => [
      filterHelper.accessor("status", {
        type: "radio",
        label: "Status",
        options: LEDGER_ENTRY_STATUSES.map((s) => ({ label: humanize(s), value: s })),
      }),
      filterHelper.accessor("type", {
        type: "radio",
        label: "Type",
        options: LEDGER_ENTRY_TYPES.map((t) => ({ label: humanize(t), value: t })),
      }),
      ...(currencies.length
        ? [
            filterHelper.accessor("currency_code", {
              type: "radio",
              label: "Currency",
              options: currencies.map((c) => ({ label: c.toUpperCase(), value: c })),
            }),
          ]
        : []),
    ],
    [currencies]
  )

  return (
    <Container className="divide-y p-0">
      <ListDataTable
        what="the ledger"
        heading="Ledger"
        subHeading="Sales, reversals, clawbacks and adjustments"
        headingLevel="h2"
        data={affiliate_commissions}
        columns={columns}
        filters={filters}
        enableSearch={false}
        rowCount={count}
        getRowId={(row) => row.id}
        state={state}
        isLoading={isPending}
        error={error}
        onRetry={() => refetch()}
        actions={
          <>
            <CsvExportButton path={COMMISSIONS_PATH} query={query} filename={`ledger-${affiliateId}.csv`} />
            <Button size="small" variant="secondary" onClick={() => setAdjusting(true)}>
              Add adjustment
            </Button>
          </>
        }
        emptyState={{
          empty: { heading: "No ledger entries yet", description: "Entries are booked when credited orders are placed." },
          filtered: { heading: "No entries match", description: "Remove a filter to see more." },
        }}
      />
      <CreateAdjustmentDrawer
        affiliateId={affiliateId}
        currencies={currencies}
        open={adjusting}
        onOpenChange={setAdjusting}
      />
    </Container>
  )
}
