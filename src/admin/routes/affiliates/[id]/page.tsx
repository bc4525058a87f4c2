import { Button, Container } from "@medusajs/ui"
import { Link, useParams, type UIMatch } from "react-router-dom"
import { TwoColumnLayout } from "../../../components/layout/two-column-layout"
import { ErrorState } from "../../../components/states/error-state"
import { NoRecords } from "../../../components/states/no-records"
import { SectionSkeleton } from "../../../components/states/section-skeleton"
import { isNotFound } from "../../../lib/api-errors"
import { useAffiliate } from "../../../lib/hooks/affiliates"
import { AffiliateActivitySection } from "./components/affiliate-activity-section"
import { AffiliateBalancesSection } from "./components/affiliate-balances-section"
import { AffiliateBreadcrumb } from "./components/affiliate-breadcrumb"
import { AffiliateLedgerSection } from "./components/affiliate-ledger-section"
import { AffiliatePayoutsSection } from "./components/affiliate-payouts-section"
import { AffiliateProfileSection } from "./components/affiliate-profile-section"
import { AffiliatePromotionsSection } from "./components/affiliate-promotions-section"
import { AffiliateStatementSection } from "./components/affiliate-statement-section"

/** /app/affiliates/:id: profile, money, activity, ledger, codes, payouts and statements. */
const AffiliateDetailPage = () => {
  const { id = "" } = useParams()
  const { affiliate, balances = [], isPending, error, refetch } = useAffiliate(id)

  if (isPending) {
    return (
      <TwoColumnLayout
        main={
          <>
            <SectionSkeleton rows={6} />
            <SectionSkeleton rows={4} />
          </>
        }
        side={
          <>
            <SectionSkeleton rows={2} />
            <SectionSkeleton rows={2} />
          </>
        }
      />
    )
  }

  if (error || !affiliate) {
    return (
      <Container className="p-0">
        {isNotFound(error) ? (
          <NoRecords
            title="Affiliate not found"
            message="It may have been deleted."
            action={
              <Button size="small" variant="secondary" asChild>
                <Link to="/affiliates">Back to affiliates</Link>
              </Button>
            }
          />
        ) : (
          <ErrorState error={error} what="the affiliate" onRetry={() => refetch()} />
        )}
      </Container>
    )
  }

  const currencies = balances.map((b) => b.currency_code)

  return (
    <TwoColumnLayout
      main={
        <>
          <AffiliateProfileSection affiliate={affiliate} />
          <AffiliateActivitySection affiliateId={affiliate.id} currencies={currencies} />
          <AffiliateLedgerSection affiliateId={affiliate.id} currencies={currencies} />
          <AffiliatePayoutsSection affiliateId={affiliate.id} currencies={currencies} />
        </>
      }
      side={
        <>
          <AffiliateBalancesSection balances={balances} />
          <AffiliatePromotionsSection affiliate={affiliate} />
          <AffiliateStatementSection affiliateId={affiliate.id} currencies={currencies} />
        </>
      }
    />
  )
}

export const handle = {
  breadcrumb: (match: UIMatch) => <AffiliateBreadcrumb id={match.params.id} />,
}

export default AffiliateDetailPage
