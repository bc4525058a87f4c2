import { Button, Container } from "@medusajs/ui"
import { useCallback, useEffect, useState } from "react"
import { ListDataTable } from "../../../components/data-table/list-data-table"
import { PaymentFileExport } from "../../../components/payouts/payment-file-export"
import { SettlePayoutDrawer, type SettleOutcome } from "../../../components/payouts/settle-payout-drawer"
import { PAYOUT_FILTER_IDS, usePayoutColumns, usePayoutFilters } from "../../../components/payouts/use-payout-columns"
import { useStoreCurrencies } from "../../../lib/hooks/core-lookups"
import { usePayouts, type PayoutListQuery } from "../../../lib/hooks/payouts"
import type { AffiliatePayout } from "../../../../types/http"
import { useListUrlState } from "../../../lib/use-list-url-state"
import { CreatePayoutBatchDrawer } from "./create-payout-batch-drawer"

const PAGE_SIZE = 20

/** Payouts across affiliates; opens on the requested ones, the work still to do. */
export const PayoutListTable = () => {
  const [creating, setCreating] = useState(false)
  const [settling, setSettling] = useState<{ payout: AffiliatePayout; outcome: SettleOutcome } | null>(null)
  const state = useListUrlState({ pageSize: PAGE_SIZE, filterIds: PAYOUT_FILTER_IDS })
  const { hasFilter, setFilter } = state

  useEffect(() => {
    if (!hasFilter("status")) {
      setFilter("status", "requested")
    }
    // Only when the page opens: clearing the filter afterwards shows every payout.
  }, [])

  const query: PayoutListQuery = { order: "-created_at", ...state.query }
  const { affiliate_payouts, count, isPending, error, refetch } = usePayouts(query)
  const onSettle = useCallback((payout: AffiliatePayout, outcome: SettleOutcome) => setSettling({ payout, outcome }), [])
  const columns = usePayoutColumns({ withAffiliate: true, onSettle })
  const { currencies } = useStoreCurrencies()
  const filters = usePayoutFilters(currencies)

  return (
    <Container className="divide-y p-0">
      <ListDataTable
        what="the payouts"
        heading="Affiliate payouts"
        subHeading="Pay the requested payouts (export a PayPal payment file per currency), then mark each paid with its reference"
        data={affiliate_payouts}
        columns={columns}
        filters={filters}
        enableSearch={false}
        rowCount={count}
        getRowId={(row) => row.id}
        state={state}
        isLoading={isPending}
        error={error}
        onRetry={() => refetch()}
        rowHref={(row) => `/affiliate-payouts/${row.id}`}
        actions={
          <>
            <PaymentFileExport query={query} filenamePrefix="affiliate-payouts" />
            <Button size="small" variant="secondary" onClick={() => setCreating(true)}>
              Create batch
            </Button>
          </>
        }
        emptyState={{
          empty: {
            heading: "No payouts yet",
            description: "Create a payout batch, or wait for affiliates to request theirs.",
          },
          filtered: {
            heading: "Nothing to pay",
            description: "No payout matches the filter. Create a batch to request payouts of available commission.",
          },
        }}
      />
      <CreatePayoutBatchDrawer open={creating} onOpenChange={setCreating} />
      <SettlePayoutDrawer target={settling} onClose={() => setSettling(null)} />
    </Container>
  )
}
