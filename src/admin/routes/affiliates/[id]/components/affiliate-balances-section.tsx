import { Container, Text, Tooltip } from "@medusajs/ui"
import { SectionHeader } from "../../../../components/layout/section-header"
import { MoneyAmount } from "../../../../components/money-amount"
import { NoRecords } from "../../../../components/states/no-records"
import type { AffiliateBalance } from "../../../../../types/http"

const BUCKETS: { key: keyof Omit<AffiliateBalance, "currency_code">; label: string; help: string }[] = [
  { key: "pending", label: "Pending", help: "Earned, still in the hold period" },
  { key: "available", label: "Available", help: "Past the hold, ready to be paid out" },
  { key: "requested", label: "Requested", help: "In a payout not yet paid" },
  { key: "paid", label: "Paid", help: "Paid out to the affiliate" },
]

/** What the affiliate has earned, per currency and ledger status (derived from the entries). */
export const AffiliateBalancesSection = ({ balances }: { balances: AffiliateBalance[] }) => (
  <Container className="divide-y p-0">
    <SectionHeader title="Balances" subtitle="Per currency, from the ledger" />
    {!balances.length ? (
      <NoRecords title="No commission yet" message="Balances appear with the first credited order." />
    ) : (
      balances.map((balance) => (
        <div key={balance.currency_code} className="flex flex-col gap-y-3 px-6 py-4">
          <Text size="small" weight="plus" leading="compact">
            {balance.currency_code.toUpperCase()}
          </Text>
          <dl className="grid grid-cols-2 gap-3">
            {BUCKETS.map((bucket) => (
              <div key={bucket.key} className="bg-ui-bg-subtle flex flex-col gap-y-1 rounded-md px-3 py-2">
                <Tooltip content={bucket.help}>
                  <dt className="txt-compact-xsmall text-ui-fg-subtle w-fit">{bucket.label}</dt>
                </Tooltip>
                <dd className="txt-compact-small-plus text-ui-fg-base">
                  <MoneyAmount amount={balance[bucket.key]} currencyCode={balance.currency_code} signed />
                </dd>
              </div>
            ))}
          </dl>
        </div>
      ))
    )}
  </Container>
)
