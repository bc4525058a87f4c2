import { Skeleton, Table, Text } from "@medusajs/ui"
import { MoneyAmount } from "../../../components/money-amount"
import { ErrorState } from "../../../components/states/error-state"
import { formatMoney } from "../../../lib/format"
import { usePayoutPreview } from "../../../lib/hooks/payouts"

export const payoutCount = (n: number) => `${n} payout${n === 1 ? "" : "s"}`

/**
 * Who a batch in `currencyCode` (for `affiliateIds` only, when given) would pay now: the API
 * answers the same question the batch asks, without requesting anything. Asked only once
 * the choice is complete.
 */
export const useBatchPreview = (currencyCode: string, affiliateIds?: string[]) => {
  const ready = /^[a-z]{3}$/i.test(currencyCode) && (!affiliateIds || affiliateIds.length > 0)
  const result = usePayoutPreview(
    { currency_code: currencyCode.toLowerCase(), ...(affiliateIds ? { affiliate_ids: affiliateIds } : {}) },
    { enabled: ready }
  )
  return { ...result, ready, currencyCode, limited: Boolean(affiliateIds) }
}

/** Who is paid, how many and how much in total, so nobody commits a batch blind. */
export const PayoutBatchPreview = ({ state }: { state: ReturnType<typeof useBatchPreview> }) => {
  const { preview, isPending, isPlaceholderData, error, refetch, ready, currencyCode, limited } = state

  const body = !ready ? (
    <Text size="small" className="text-ui-fg-subtle">
      {currencyCode ? "Choose the affiliates to pay." : "Choose a currency to see who is paid."}
    </Text>
  ) : error ? (
    <ErrorState error={error} what="who qualifies" onRetry={() => refetch()} />
  ) : isPending || !preview ? (
    <div className="flex flex-col gap-y-2" aria-busy="true">
      <Skeleton className="h-5 w-1/2" />
      <Skeleton className="h-5 w-full" />
    </div>
  ) : preview.count === 0 ? (
    <Text size="small" className="text-ui-fg-subtle">
      Nobody qualifies: no affiliate {limited ? "chosen " : ""}has an available {currencyCode.toUpperCase()} balance at
      or over their program's minimum payout.
    </Text>
  ) : (
    <div className="flex flex-col gap-y-3" aria-busy={isPlaceholderData || undefined}>
      <Text size="small" weight="plus">
        {payoutCount(preview.count)}, {formatMoney(preview.total, preview.currency_code)} in total
      </Text>
      <Table>
        <Table.Header>
          <Table.Row>
            <Table.HeaderCell>Affiliate</Table.HeaderCell>
            <Table.HeaderCell className="text-right">Entries</Table.HeaderCell>
            <Table.HeaderCell className="text-right">Amount</Table.HeaderCell>
          </Table.Row>
        </Table.Header>
        <Table.Body>
          {preview.affiliates.map((a) => (
            <Table.Row key={a.affiliate_id}>
              <Table.Cell>
                <span className="font-mono">{a.code}</span> <span className="text-ui-fg-subtle">{a.name}</span>
              </Table.Cell>
              <Table.Cell className="text-right">{a.entries}</Table.Cell>
              <Table.Cell className="text-right">
                <MoneyAmount amount={a.amount} currencyCode={preview.currency_code} />
              </Table.Cell>
            </Table.Row>
          ))}
        </Table.Body>
      </Table>
    </div>
  )

  return (
    <section aria-label="Batch preview" className="flex flex-col gap-y-2">
      <Text size="small" weight="plus" leading="compact">
        Who is paid
      </Text>
      {body}
    </section>
  )
}
