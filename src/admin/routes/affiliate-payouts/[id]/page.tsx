import { Button, Container } from "@medusajs/ui"
import { Link, useParams, type UIMatch } from "react-router-dom"
import { TwoColumnLayout } from "../../../components/layout/two-column-layout"
import { ErrorState } from "../../../components/states/error-state"
import { NoRecords } from "../../../components/states/no-records"
import { SectionSkeleton } from "../../../components/states/section-skeleton"
import { isNotFound } from "../../../lib/api-errors"
import { usePayout } from "../../../lib/hooks/payouts"
import { PayoutBreadcrumb } from "./components/payout-breadcrumb"
import { PayoutEntriesSection } from "./components/payout-entries-section"
import { PayoutSummarySection } from "./components/payout-summary-section"

/** /app/affiliate-payouts/:id: what a payout paid, to whom, and the ledger entries in it. */
const AffiliatePayoutDetailPage = () => {
  const { id = "" } = useParams()
  const { affiliate_payout: payout, isPending, error, refetch } = usePayout(id)

  if (isPending) {
    return <TwoColumnLayout main={<SectionSkeleton rows={4} />} side={<SectionSkeleton rows={6} />} />
  }

  if (error || !payout) {
    return (
      <Container className="p-0">
        {isNotFound(error) ? (
          <NoRecords
            title="Payout not found"
            message="Check the link, or find the payout in the list."
            action={
              <Button size="small" variant="secondary" asChild>
                <Link to="/affiliate-payouts">Back to payouts</Link>
              </Button>
            }
          />
        ) : (
          <ErrorState error={error} what="the payout" onRetry={() => refetch()} />
        )}
      </Container>
    )
  }

  return (
    <TwoColumnLayout
      main={<PayoutEntriesSection payout={payout} />}
      side={<PayoutSummarySection payout={payout} />}
    />
  )
}

export const handle = {
  breadcrumb: (match: UIMatch) => <PayoutBreadcrumb id={match.params.id} />,
}

export default AffiliatePayoutDetailPage
