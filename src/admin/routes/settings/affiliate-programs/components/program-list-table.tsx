import { PencilSquare, Trash } from "@medusajs/icons"
import { Badge, Button, Container, createDataTableColumnHelper } from "@medusajs/ui"
import { useMemo, useState } from "react"
import { ListDataTable } from "../../../../components/data-table/list-data-table"
import { RowActions } from "../../../../components/data-table/row-actions"
import { useStoreCurrencies } from "../../../../lib/hooks/core-lookups"
import { usePrograms } from "../../../../lib/hooks/programs"
import { attributionLifetime, commissionTerms, days, minimumPayout } from "../../../../lib/program-terms"
import type { AffiliateProgram } from "../../../../../types/http"
import { useListUrlState } from "../../../../lib/use-list-url-state"
import { CreateProgramModal } from "./create-program-modal"
import { useDeleteProgram } from "./use-delete-program"

const PAGE_SIZE = 20
const columnHelper = createDataTableColumnHelper<AffiliateProgram>()

/** Every program with its terms at a glance. */
export const ProgramListTable = () => {
  const [creating, setCreating] = useState(false)
  const state = useListUrlState({ pageSize: PAGE_SIZE })
  const { affiliate_programs, count, isPending, error, refetch } = usePrograms({ order: "name", ...state.query })
  const deleteProgram = useDeleteProgram()
  const { currencies } = useStoreCurrencies()

  const columns = useMemo(
    () => [
      columnHelper.accessor("name", {
        header: "Name",
        enableSorting: true,
        sortLabel: "Name",
        cell: ({ row }) => (
          <span className="flex items-center gap-x-2">
            {row.original.name}
            {row.original.is_default && (
              <Badge size="2xsmall" color="blue">
                Default
              </Badge>
            )}
          </span>
        ),
      }),
      columnHelper.accessor("commission_value", {
        header: "Commission",
        cell: ({ row }) => commissionTerms(row.original),
      }),
      columnHelper.accessor("hold_days", { header: "Hold", cell: ({ getValue }) => days(getValue()) }),
      columnHelper.accessor("cookie_days", { header: "Click window", cell: ({ getValue }) => days(getValue()) }),
      columnHelper.accessor("trailing_months", {
        header: "Attribution",
        cell: ({ getValue }) => attributionLifetime(getValue()),
      }),
      columnHelper.accessor("min_payout_amount", {
        header: "Min. payout",
        cell: ({ getValue }) => minimumPayout(getValue(), currencies),
      }),
      columnHelper.accessor("auto_approve", {
        header: "Sign-ups",
        cell: ({ getValue }) => (getValue() ? "Auto-approved" : "Reviewed"),
      }),
      columnHelper.accessor("rules", {
        header: "Rules",
        cell: ({ getValue }) => getValue()?.length ?? 0,
      }),
      columnHelper.display({
        id: "action",
        cell: ({ row }) => (
          <RowActions
            label={`Actions for ${row.original.name}`}
            groups={[
              [{ label: "Edit", icon: <PencilSquare />, to: `/settings/affiliate-programs/${row.original.id}` }],
              row.original.is_default
                ? []
                : [{ label: "Delete", icon: <Trash />, onClick: () => deleteProgram(row.original) }],
            ]}
          />
        ),
      }),
    ],
    [deleteProgram, currencies]
  )

  return (
    <Container className="divide-y p-0">
      <ListDataTable
        what="the programs"
        heading="Affiliate programs"
        subHeading="Commission terms: rate, hold, click window, attribution and payout minimum"
        data={affiliate_programs}
        columns={columns}
        enableSearch={false}
        rowCount={count}
        getRowId={(row) => row.id}
        state={state}
        isLoading={isPending}
        error={error}
        onRetry={() => refetch()}
        rowHref={(row) => `/settings/affiliate-programs/${row.id}`}
        actions={
          <Button size="small" variant="secondary" onClick={() => setCreating(true)}>
            Create
          </Button>
        }
        emptyState={{
          empty: {
            heading: "No programs yet",
            description: "The default program is created when the plugin first starts. You can also create one.",
          },
          filtered: { heading: "No programs match" },
        }}
      />
      <CreateProgramModal open={creating} onOpenChange={setCreating} />
    </Container>
  )
}
