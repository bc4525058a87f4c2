import { Container } from "@medusajs/ui"
import { useCallback, useState } from "react"
import { ListDataTable } from "../../../../components/data-table/list-data-table"
import { PaymentFileExport } from "../../../../components/payouts/payment-file-export"
import { SettlePayoutDrawer, type SettleOutcome } from "../../../../components/payouts/settle-payout-drawer"
import { PAYOUT_FILTER_IDS, usePayoutColumns, usePayoutFilters } from "../../../../components/payouts/use-payout-columns"
import { usePayouts, type PayoutListQuery } from "../../../../lib/hooks/payouts"
import type { AffiliatePayout } from "../../../../../types/http"
import { useListUrlState } from "../../../../lib/use-list-url-state"

const PAGE_SIZE = 10

/** The affiliate's payouts, with paid / failed for the ones still requested. */
export const AffiliatePayoutsSection = ({ affiliateId, currencies }: { affiliateId: string; currencies: string[] }) => {
  const [settling, setSettling] = useState<{ payout: AffiliatePayout; outcome: SettleOutcome } | null>(null)
  const state = useListUrlState({ pageSize: PAGE_SIZE, filterIds: PAYOUT_FILTER_IDS, prefix: "payouts" })
  const query: PayoutListQuery = { order: "-created_at", ...state.query, affiliate_id: affiliateId }
  const { affiliate_payouts, count, isPending, error, refetch } = usePayouts(query)
  const onSettle = useCallback((payout: AffiliatePayout, outcome: SettleOutcome) => setSettling({ payout, outcome }), [])
  const columns = usePayoutColumns({ withAffiliate: false, onSettle })
  const filters = usePayoutFilters(currencies)

  return (
    <Container className="divide-y p-0">
      <ListDataTable
        what="the payouts"
        heading="Payouts"
        headingLevel="h2"
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
        actions={<PaymentFileExport query={query} filenamePrefix={`payouts-${affiliateId}`} currencies={currencies} />}
        emptyState={{
          empty: { heading: "No payouts yet", description: "Payouts requested by the affiliate or from the Payouts page show here." },
          filtered: { heading: "No payouts match", description: "Remove the filter to see all payouts." },
        }}
      />
      <SettlePayoutDrawer target={settling} onClose={() => setSettling(null)} />
    </Container>
  )
}
