import { Container, Table, Text } from "@medusajs/ui"
import { Link } from "react-router-dom"
import { DomainStatusBadge } from "../../../../components/domain-status-badge"
import { SectionHeader } from "../../../../components/layout/section-header"
import { MoneyAmount } from "../../../../components/money-amount"
import { NoRecords } from "../../../../components/states/no-records"
import { formatDate, formatPercent, humanize } from "../../../../lib/format"
import { useOrderDisplayIds } from "../../../../lib/hooks/core-lookups"
import type { AffiliatePayoutDetail } from "../../../../../types/http"

/** The ledger entries the payout pays: sales, and the clawbacks and adjustments netted into it. */
export const PayoutEntriesSection = ({ payout }: { payout: AffiliatePayoutDetail }) => {
  const { displayIds } = useOrderDisplayIds(payout.entries.map((e) => e.order_id))
  return (
    <Container className="divide-y p-0">
      <SectionHeader title="Entries" subtitle="The ledger entries this payout pays; their sum is its amount" />
      {!payout.entries.length ? (
        <NoRecords
          title="No entries"
          message={
            payout.status === "requested" || payout.status === "paid"
              ? "This payout holds no ledger entries."
              : "Its entries went back to available when the payout did not go through."
          }
        />
      ) : (
        <Table>
          <Table.Header>
            <Table.Row>
              <Table.HeaderCell>Date</Table.HeaderCell>
              <Table.HeaderCell>Type</Table.HeaderCell>
              <Table.HeaderCell>Order</Table.HeaderCell>
              <Table.HeaderCell className="text-right">Rate</Table.HeaderCell>
              <Table.HeaderCell className="text-right">Amount</Table.HeaderCell>
              <Table.HeaderCell>Status</Table.HeaderCell>
            </Table.Row>
          </Table.Header>
          <Table.Body>
            {payout.entries.map((entry) => (
              <Table.Row key={entry.id}>
                <Table.Cell>{formatDate(entry.created_at)}</Table.Cell>
                <Table.Cell>{humanize(entry.type)}</Table.Cell>
                <Table.Cell>
                  {entry.order_id ? (
                    <Link to={`/orders/${entry.order_id}`} className="text-ui-fg-interactive hover:text-ui-fg-interactive-hover font-mono">
                      {displayIds[entry.order_id] ? `#${displayIds[entry.order_id]}` : entry.order_id.slice(-8)}
                    </Link>
                  ) : (
                    <Text size="small" className="text-ui-fg-subtle">
                      {entry.note ?? "-"}
                    </Text>
                  )}
                </Table.Cell>
                <Table.Cell className="text-right">{entry.rate == null ? "-" : formatPercent(entry.rate)}</Table.Cell>
                <Table.Cell className="text-right">
                  <MoneyAmount amount={entry.amount} currencyCode={entry.currency_code} signed />
                </Table.Cell>
                <Table.Cell>
                  <DomainStatusBadge kind="entry" status={entry.status} />
                </Table.Cell>
              </Table.Row>
            ))}
          </Table.Body>
        </Table>
      )}
    </Container>
  )
}
