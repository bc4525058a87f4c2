import { CheckCircle, PencilSquare, XCircle } from "@medusajs/icons"
import { Button, Container, createDataTableColumnHelper, createDataTableFilterHelper } from "@medusajs/ui"
import { useMemo, useState } from "react"
import { ListDataTable } from "../../../components/data-table/list-data-table"
import { RowActions } from "../../../components/data-table/row-actions"
import { DomainStatusBadge } from "../../../components/domain-status-badge"
import { AFFILIATE_STATUSES } from "../../../../types/enums"
import { AFFILIATE_STATUS_ACTIONS } from "../../../lib/affiliate-status-actions"
import { formatDate, formatPercent, humanize } from "../../../lib/format"
import { useAffiliates, type AffiliateListQuery } from "../../../lib/hooks/affiliates"
import { useAllPrograms } from "../../../lib/hooks/programs"
import type { Affiliate } from "../../../../types/http"
import { useListUrlState } from "../../../lib/use-list-url-state"
import { CreateAffiliateModal } from "./create-affiliate-modal"
import { useAffiliateStatusChange } from "./use-affiliate-status-change"

const PAGE_SIZE = 20
const FILTER_IDS = ["status", "program_id"] as const

const columnHelper = createDataTableColumnHelper<Affiliate>()
const filterHelper = createDataTableFilterHelper<Affiliate>()

/** Every affiliate: search, status and program filters, sorting, status actions per row. */
export const AffiliateListTable = () => {
  const [creating, setCreating] = useState(false)
  const state = useListUrlState({ pageSize: PAGE_SIZE, filterIds: FILTER_IDS })
  const query: AffiliateListQuery = { order: "-created_at", ...state.query }
  const { affiliates, count, isPending, error, refetch } = useAffiliates(query)
  const { affiliate_programs: programs = [] } = useAllPrograms()
  const { changeStatus } = useAffiliateStatusChange()

  const programNames = useMemo(() => new Map(programs.map((p) => [p.id, p.name])), [programs])

  const filters = useMemo(
    () => [
      filterHelper.accessor("status", {
        type: "radio",
        label: "Status",
        options: AFFILIATE_STATUSES.map((s) => ({ label: humanize(s), value: s })),
      }),
      filterHelper.accessor("program_id", {
        type: "radio",
        label: "Program",
        options: programs.map((p) => ({ label: p.name, value: p.id })),
      }),
    ],
    [programs]
  )

  const columns = useMemo(
    () => [
      columnHelper.accessor("code", {
        header: "Code",
        enableSorting: true,
        sortLabel: "Code",
        cell: ({ getValue }) => <span className="font-mono">{getValue()}</span>,
      }),
      columnHelper.accessor("name", { header: "Name", enableSorting: true, sortLabel: "Name" }),
      columnHelper.accessor("email", { header: "Email" }),
      columnHelper.accessor("status", {
        header: "Status",
        cell: ({ getValue }) => <DomainStatusBadge kind="affiliate" status={getValue()} />,
      }),
      columnHelper.accessor("program_id", {
        header: "Program",
        cell: ({ row }) =>
          row.original.program?.name ?? (row.original.program_id ? programNames.get(row.original.program_id) : null) ?? "-",
      }),
      columnHelper.accessor("commission_rate", {
        header: "Rate override",
        cell: ({ getValue }) => (getValue() == null ? "-" : formatPercent(getValue())),
      }),
      columnHelper.accessor("created_at", {
        header: "Created",
        enableSorting: true,
        sortLabel: "Created",
        sortAscLabel: "Oldest first",
        sortDescLabel: "Newest first",
        cell: ({ getValue }) => formatDate(getValue()),
      }),
      columnHelper.display({
        id: "action",
        cell: ({ row }) => {
          const affiliate = row.original
          return (
            <RowActions
              label={`Actions for ${affiliate.code}`}
              groups={[
                [{ label: "View and edit", icon: <PencilSquare />, to: `/affiliates/${affiliate.id}` }],
                (AFFILIATE_STATUS_ACTIONS[affiliate.status] ?? []).map((action) => ({
                  label: action.label,
                  icon: action.variant === "danger" ? <XCircle /> : <CheckCircle />,
                  onClick: () => changeStatus(affiliate, action),
                })),
              ]}
            />
          )
        },
      }),
    ],
    [programNames, changeStatus]
  )

  return (
    <Container className="divide-y p-0">
      <ListDataTable
        what="the affiliates"
        heading="Affiliates"
        subHeading="People and businesses promoting the store with a referral code"
        data={affiliates}
        columns={columns}
        filters={filters}
        rowCount={count}
        getRowId={(row) => row.id}
        state={state}
        isLoading={isPending}
        error={error}
        onRetry={() => refetch()}
        rowHref={(row) => `/affiliates/${row.id}`}
        actions={
          <Button size="small" variant="secondary" onClick={() => setCreating(true)}>
            Create
          </Button>
        }
        emptyState={{
          empty: {
            heading: "No affiliates yet",
            description: "Create an affiliate, or let customers apply from the storefront.",
          },
          filtered: {
            heading: "No affiliates match",
            description: "Try another search or remove a filter.",
          },
        }}
      />
      <CreateAffiliateModal open={creating} onOpenChange={setCreating} />
    </Container>
  )
}
