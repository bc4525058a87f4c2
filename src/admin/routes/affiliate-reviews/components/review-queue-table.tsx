import { Container, createDataTableColumnHelper, createDataTableCommandHelper, createDataTableFilterHelper, Text } from "@medusajs/ui"
import { useEffect, useMemo, useState } from "react"
import { Link } from "react-router-dom"
import { COMMISSION_REVIEW_STATUSES } from "../../../../types/enums"
import type { AffiliateCommissionReview } from "../../../../types/http"
import { AffiliateLink } from "../../../components/affiliate-link"
import { ListDataTable } from "../../../components/data-table/list-data-table"
import { DomainStatusBadge } from "../../../components/domain-status-badge"
import { MoneyAmount } from "../../../components/money-amount"
import { formatDate, humanize } from "../../../lib/format"
import { useCommissionReviews, type ReviewDecision, type ReviewListQuery } from "../../../lib/hooks/reviews"
import { reviewReasons, signalSentence } from "../../../lib/risk-sentences"
import { useListUrlState } from "../../../lib/use-list-url-state"
import { ReviewDecisionDrawer } from "./review-decision-drawer"

const PAGE_SIZE = 20
const FILTER_IDS = ["status"] as const

const columnHelper = createDataTableColumnHelper<AffiliateCommissionReview>()
const filterHelper = createDataTableFilterHelper<AffiliateCommissionReview>()
const commandHelper = createDataTableCommandHelper()

const filters = [
  filterHelper.accessor("status", {
    type: "radio",
    label: "Status",
    options: COMMISSION_REVIEW_STATUSES.map((s) => ({ label: humanize(s), value: s })),
  }),
]

/** The fired signals of the held order, each in words with its evidence. */
const Signals = ({ review }: { review: AffiliateCommissionReview }) => {
  const fired = (review.order_attribution?.risk?.signals ?? []).filter((s) => s.triggered)
  return (
    <div className="flex flex-col gap-y-1 py-2">
      <Text size="small" weight="plus">
        Held for {reviewReasons(review.because)}
      </Text>
      {fired.map((signal) => (
        <Text key={signal.type} size="xsmall" className="text-ui-fg-subtle whitespace-normal">
          {signalSentence(signal)}
        </Text>
      ))}
      {review.reason && (
        <Text size="xsmall" className="text-ui-fg-muted whitespace-normal">
          {humanize(review.status)}: {review.reason}
        </Text>
      )}
    </div>
  )
}

/**
 * The review queue: sales held by the program's fraud rules, with their signals and the
 * evidence. Opens on those awaiting a decision; select one or many to approve or decline.
 */
export const ReviewQueueTable = () => {
  const state = useListUrlState({ pageSize: PAGE_SIZE, filterIds: FILTER_IDS })
  const { hasFilter, setFilter } = state
  const [selection, setSelection] = useState<Record<string, boolean>>({})
  const [deciding, setDeciding] = useState<{ decision: ReviewDecision; ids: string[] } | null>(null)

  useEffect(() => {
    if (!hasFilter("status")) {
      setFilter("status", "required")
    }
    // Only when the page opens: clearing the filter afterwards shows every decision too.
  }, [])

  const query: ReviewListQuery = { order: "created_at", ...state.query }
  const { affiliate_commission_reviews, count, isPending, error, refetch } = useCommissionReviews(query)

  const columns = useMemo(
    () => [
      columnHelper.select(),
      columnHelper.accessor("created_at", { header: "Held since", cell: ({ getValue }) => formatDate(getValue()) }),
      columnHelper.accessor("affiliate.code", {
        header: "Affiliate",
        cell: ({ row }) => <AffiliateLink affiliate={row.original.affiliate} affiliateId={row.original.affiliate?.id} withName />,
      }),
      columnHelper.accessor("order_id", {
        header: "Order",
        cell: ({ getValue }) => (
          <Link to={`/orders/${getValue()}`} className="text-ui-fg-interactive hover:text-ui-fg-interactive-hover" onClick={(e) => e.stopPropagation()}>
            View order
          </Link>
        ),
      }),
      columnHelper.accessor("commission.amount", {
        header: "Commission",
        align: "right",
        cell: ({ row }) => <MoneyAmount amount={row.original.commission.amount} currencyCode={row.original.commission.currency_code} />,
      }),
      columnHelper.accessor("because", { header: "Signals", cell: ({ row }) => <Signals review={row.original} /> }),
      columnHelper.accessor("status", { header: "Status", cell: ({ getValue }) => <DomainStatusBadge kind="review" status={getValue()} /> }),
    ],
    []
  )

  const decide = (decision: ReviewDecision) => (selected: Record<string, boolean>) =>
    setDeciding({ decision, ids: Object.keys(selected).filter((id) => selected[id]) })
  const commands = [
    commandHelper.command({ label: "Approve", shortcut: "a", action: decide("approve") }),
    commandHelper.command({ label: "Decline", shortcut: "d", action: decide("decline") }),
  ]

  return (
    <Container className="divide-y p-0">
      <ListDataTable
        what="the reviews"
        heading="Affiliate reviews"
        subHeading="Sales the fraud rules held: approve to let them release at the end of their hold, decline to reverse them"
        data={affiliate_commission_reviews}
        columns={columns}
        filters={filters}
        enableSearch={false}
        rowCount={count}
        getRowId={(row) => row.id}
        state={state}
        isLoading={isPending}
        error={error}
        onRetry={() => refetch()}
        selection={{ state: selection, onChange: setSelection, commands, enabled: (row) => row.status === "required" }}
        emptyState={{
          empty: { heading: "Nothing held for review", description: "Sales whose risk signals meet a program's review rule appear here." },
          filtered: { heading: "Nothing to review", description: "No held sale matches the filter." },
        }}
      />
      <ReviewDecisionDrawer
        target={deciding}
        onClose={(decided) => {
          setDeciding(null)
          if (decided) {
            setSelection({})
          }
        }}
      />
    </Container>
  )
}
