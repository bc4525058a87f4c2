import { CheckCircle, XCircle } from "@medusajs/icons"
import { Container } from "@medusajs/ui"
import { useState } from "react"
import { ActionMenu } from "../../../../components/action-menu"
import { AffiliateLink } from "../../../../components/affiliate-link"
import { DomainStatusBadge } from "../../../../components/domain-status-badge"
import { SectionHeader } from "../../../../components/layout/section-header"
import { SectionRow } from "../../../../components/layout/section-row"
import { SettlePayoutDrawer, type SettleOutcome } from "../../../../components/payouts/settle-payout-drawer"
import { formatDateTime, formatMoney } from "../../../../lib/format"
import type { AffiliatePayoutDetail } from "../../../../../types/http"

/** Amount, status, affiliate, dates and the transfer's reference; paid / failed while requested. */
export const PayoutSummarySection = ({ payout }: { payout: AffiliatePayoutDetail }) => {
  const [settling, setSettling] = useState<SettleOutcome | null>(null)
  const affiliate = payout.affiliate as (AffiliatePayoutDetail["affiliate"] & { payout_email?: string | null }) | null
  const settled = payout.paid_at ?? payout.failed_at ?? payout.canceled_at

  return (
    <Container className="divide-y p-0">
      <SectionHeader
        level="h1"
        title={formatMoney(payout.amount, payout.currency_code)}
        subtitle={`Payout in ${payout.currency_code.toUpperCase()}`}
        actions={
          <>
            <DomainStatusBadge kind="payout" status={payout.status} />
            {payout.status === "requested" && (
              <ActionMenu
                label={`Actions for payout ${payout.id}`}
                groups={[
                  [
                    { label: "Mark as paid", icon: <CheckCircle />, onClick: () => setSettling("paid") },
                    { label: "Mark as failed", icon: <XCircle />, onClick: () => setSettling("failed") },
                  ],
                ]}
              />
            )}
          </>
        }
      />
      <SectionRow label="Affiliate" value={<AffiliateLink affiliate={payout.affiliate} affiliateId={payout.affiliate_id} withName />} />
      <SectionRow label="Pay to" value={affiliate?.payout_email || affiliate?.email} />
      <SectionRow label="Requested" value={formatDateTime(payout.created_at)} />
      {settled && <SectionRow label={payout.paid_at ? "Paid" : payout.failed_at ? "Failed" : "Canceled"} value={formatDateTime(settled)} />}
      <SectionRow label="Reference" value={payout.reference} />
      {payout.failure_reason && <SectionRow label="Reason" value={payout.failure_reason} />}
      <SettlePayoutDrawer
        target={settling ? { payout, outcome: settling } : null}
        onClose={() => setSettling(null)}
      />
    </Container>
  )
}
