import { defineWidgetConfig } from "@medusajs/admin-sdk"
import type { AdminOrder, DetailWidgetProps } from "@medusajs/framework/types"
import { CheckCircleSolid, ExclamationCircleSolid, XCircleSolid } from "@medusajs/icons"
import { Container, Heading, Skeleton, Text } from "@medusajs/ui"
import { AffiliateLink } from "../components/affiliate-link"
import { DomainStatusBadge } from "../components/domain-status-badge"
import { SectionHeader } from "../components/layout/section-header"
import { MoneyAmount } from "../components/money-amount"
import { ErrorState } from "../components/states/error-state"
import { NoRecords } from "../components/states/no-records"
import { candidateSentence, receiptSentence } from "../lib/attribution-sentences"
import { firedSignals, holdSentence, reviewSentence } from "../lib/risk-sentences"
import { formatDate, humanize, moneyNumber } from "../lib/format"
import { useOrderAttribution } from "../lib/hooks/attributions"
import type { AttributionCandidate, OrderAttribution, OrderAttributionSource } from "../../types/http"

const SOURCE_LABELS: Record<OrderAttributionSource, string> = {
  attribution: "Customer's existing attribution",
  code: "Affiliate promotion code",
  link: "Referral link click",
  manual: "Assigned by an admin",
}

const sourceLabel = (source: OrderAttributionSource | null) => (source ? SOURCE_LABELS[source] ?? humanize(source) : "-")

const Candidate = ({ candidate, receipt }: { candidate: AttributionCandidate; receipt: OrderAttribution }) => (
  <li className="flex items-start gap-x-2 py-2">
    {candidate.won ? (
      <CheckCircleSolid className="text-ui-tag-green-icon mt-0.5 shrink-0" aria-label="Won" />
    ) : (
      <XCircleSolid className="text-ui-fg-muted mt-0.5 shrink-0" aria-label="Lost" />
    )}
    <div className="flex min-w-0 flex-col gap-y-0.5">
      <div className="flex flex-wrap items-center gap-x-2">
        <Text size="small" leading="compact" weight="plus">
          {sourceLabel(candidate.source)}
        </Text>
        {candidate.source === "code" && candidate.reference && (
          <Text size="small" leading="compact" className="font-mono">
            {candidate.reference}
          </Text>
        )}
        {candidate.affiliate_id ? (
          <AffiliateLink
            affiliate={candidate.code ? { id: candidate.affiliate_id, code: candidate.code, name: "" } : null}
            affiliateId={candidate.affiliate_id}
          />
        ) : (
          candidate.code && (
            <Text size="small" leading="compact" className="font-mono">
              {candidate.code}
            </Text>
          )
        )}
      </div>
      <Text size="xsmall" leading="compact" className="text-ui-fg-subtle">
        {candidateSentence(candidate, receipt)}
      </Text>
    </div>
  </li>
)

/** A credited order's fraud review: the signals that fired, with their evidence, and the sale's hold. */
const RiskSection = ({ receipt }: { receipt: OrderAttribution }) => {
  const fired = firedSignals(receipt)
  const hold = holdSentence(receipt)
  const review = reviewSentence(receipt)
  return (
    <div className="flex flex-col gap-y-2 px-6 py-4">
      <Heading level="h3">Risk</Heading>
      {fired.length ? (
        <ul className="flex flex-col gap-y-1" aria-label="Risk signals">
          {fired.map((s) => (
            <li key={s.type} className="flex items-start gap-x-2">
              <ExclamationCircleSolid className="text-ui-tag-orange-icon mt-0.5 shrink-0" aria-hidden />
              <Text size="small" leading="compact">
                {s.sentence}
              </Text>
            </li>
          ))}
        </ul>
      ) : (
        <Text size="small" className="text-ui-fg-subtle">
          No risk signal fired.
        </Text>
      )}
      {hold && (
        <Text size="small" className="text-ui-fg-subtle">
          {hold}
        </Text>
      )}
      {review && (
        <Text size="small" weight="plus">
          {review}
        </Text>
      )}
    </div>
  )
}

/**
 * On an order's page, the attribution receipt: who was credited and why, the candidates
 * that lost and why, and the ledger entries this order booked.
 */
const OrderAffiliateWidget = ({ data: order }: DetailWidgetProps<AdminOrder>) => {
  const { order_attribution: receipt, affiliate_commissions: entries = [], isPending, error, refetch } =
    useOrderAttribution(order.id)

  const net = entries.reduce((sum, e) => sum + moneyNumber(e.amount), 0)
  const currency = entries[0]?.currency_code ?? order.currency_code

  return (
    <Container className="divide-y p-0">
      <SectionHeader
        title="Affiliate"
        actions={receipt ? <DomainStatusBadge kind="outcome" status={receipt.outcome} /> : undefined}
      />
      {isPending ? (
        <div className="flex flex-col gap-y-2 px-6 py-4">
          <Skeleton className="h-5 w-2/3" />
          <Skeleton className="h-5 w-1/2" />
        </div>
      ) : error ? (
        <ErrorState error={error} what="the attribution receipt" onRetry={() => refetch()} />
      ) : !receipt ? (
        <NoRecords
          title="Not processed yet"
          message="The receipt is written when the plugin processes the placed order."
        />
      ) : (
        <>
          <div className="flex flex-col gap-y-3 px-6 py-4">
            <div className="flex items-center justify-between gap-x-2">
              <Text size="small" weight="plus" leading="compact">
                Credited
              </Text>
              {receipt.affiliate_id || receipt.affiliate ? (
                <AffiliateLink affiliate={receipt.affiliate} affiliateId={receipt.affiliate_id} withName />
              ) : (
                <Text size="small" className="text-ui-fg-subtle">
                  Nobody
                </Text>
              )}
            </div>
            <div className="flex items-center justify-between gap-x-2">
              <Text size="small" weight="plus" leading="compact">
                Source
              </Text>
              <Text size="small" className="text-ui-fg-subtle">
                {sourceLabel(receipt.source)}
              </Text>
            </div>
            <Text size="small" className="text-ui-fg-subtle">
              {receiptSentence(receipt)}
            </Text>
          </div>
          {receipt.candidates?.length > 0 && (
            <div className="px-6 py-4">
              <Heading level="h3">Considered</Heading>
              <ul className="divide-y" aria-label="Attribution candidates">
                {receipt.candidates.map((candidate, i) => (
                  <Candidate
                    key={`${candidate.source}-${candidate.reference ?? candidate.code ?? i}-${i}`}
                    candidate={candidate}
                    receipt={receipt}
                  />
                ))}
              </ul>
            </div>
          )}
          {receipt.risk && <RiskSection receipt={receipt} />}
          <div className="px-6 py-4">
            <div className="flex items-center justify-between">
              <Heading level="h3">Ledger entries</Heading>
              {entries.length > 0 && (
                <Text size="small" weight="plus" leading="compact">
                  Net <MoneyAmount amount={net} currencyCode={currency} signed />
                </Text>
              )}
            </div>
            {entries.length ? (
              <ul className="divide-y" aria-label="Ledger entries of this order">
                {entries.map((entry) => (
                  <li key={entry.id} className="flex items-center justify-between gap-x-2 py-2">
                    <div className="flex flex-col">
                      <Text size="small" leading="compact" weight="plus">
                        {humanize(entry.type)}
                        {entry.rate != null && (
                          <span className="text-ui-fg-subtle font-normal"> · {Number(entry.rate)} %</span>
                        )}
                      </Text>
                      <Text size="xsmall" leading="compact" className="text-ui-fg-subtle">
                        {formatDate(entry.created_at)}
                      </Text>
                    </div>
                    <div className="flex items-center gap-x-2">
                      <DomainStatusBadge kind="entry" status={entry.status} />
                      <Text size="small" leading="compact">
                        <MoneyAmount amount={entry.amount} currencyCode={entry.currency_code} signed />
                      </Text>
                    </div>
                  </li>
                ))}
              </ul>
            ) : (
              <Text size="small" className="text-ui-fg-subtle pt-2">
                No commission booked for this order.
              </Text>
            )}
          </div>
        </>
      )}
    </Container>
  )
}

export const config = defineWidgetConfig({
  zone: "order.details.side.after",
  id: "medusa-affiliates:order-affiliate",
})

export default OrderAffiliateWidget
