import { Container, Select, Skeleton } from "@medusajs/ui"
import { useMemo, useState } from "react"
import { ActivityChart } from "../../../../components/activity-chart"
import { SectionHeader } from "../../../../components/layout/section-header"
import { ErrorState } from "../../../../components/states/error-state"
import { NoRecords } from "../../../../components/states/no-records"
import { toIsoDay } from "../../../../lib/format"
import { useActivityReport } from "../../../../lib/hooks/reports"
import type { ReportInterval } from "../../../../../types/http"

const RANGES = {
  "30d": { label: "Last 30 days", days: 30, interval: "day" },
  "90d": { label: "Last 90 days", days: 90, interval: "week" },
  "12m": { label: "Last 12 months", days: 365, interval: "month" },
} as const satisfies Record<string, { label: string; days: number; interval: ReportInterval }>

type RangeKey = keyof typeof RANGES

/** Clicks, attributed orders and commission of one affiliate over a chosen period. */
export const AffiliateActivitySection = ({
  affiliateId,
  currencies,
}: {
  affiliateId: string
  /** Currencies the affiliate has balances in, for the commission panel when the report has none. */
  currencies: string[]
}) => {
  const [range, setRange] = useState<RangeKey>("30d")
  const [chosenCurrency, setChosenCurrency] = useState<string>()

  const query = useMemo(() => {
    const { days, interval } = RANGES[range]
    const to = new Date()
    const from = new Date(to)
    from.setDate(from.getDate() - (days - 1))
    return { from: toIsoDay(from), to: toIsoDay(to), interval, affiliate_id: affiliateId }
  }, [range, affiliateId])

  const { report, isPending, error, refetch } = useActivityReport(query)

  const reportCurrencies = [
    ...new Set([...(report?.totals.commission ?? []).map((c) => c.currency_code), ...currencies]),
  ]
  const currency = chosenCurrency && reportCurrencies.includes(chosenCurrency) ? chosenCurrency : reportCurrencies[0] ?? null
  const series = report?.series ?? []
  const hasActivity =
    Boolean(report?.totals.clicks) ||
    Boolean(report?.totals.orders) ||
    series.some((p) => p.commission.some((c) => Number(c.amount) !== 0))

  return (
    <Container className="divide-y p-0">
      <SectionHeader
        title="Activity"
        subtitle="Clicks, attributed orders and commission over time"
        actions={
          <>
            {reportCurrencies.length > 1 && (
              <Select size="small" value={currency ?? undefined} onValueChange={setChosenCurrency}>
                <Select.Trigger aria-label="Commission currency" className="w-[88px]">
                  <Select.Value />
                </Select.Trigger>
                <Select.Content>
                  {reportCurrencies.map((code) => (
                    <Select.Item key={code} value={code}>
                      {code.toUpperCase()}
                    </Select.Item>
                  ))}
                </Select.Content>
              </Select>
            )}
            <Select size="small" value={range} onValueChange={(v) => setRange(v as RangeKey)}>
              <Select.Trigger aria-label="Period" className="w-[152px]">
                <Select.Value />
              </Select.Trigger>
              <Select.Content>
                {(Object.keys(RANGES) as RangeKey[]).map((key) => (
                  <Select.Item key={key} value={key}>
                    {RANGES[key].label}
                  </Select.Item>
                ))}
              </Select.Content>
            </Select>
          </>
        }
      />
      <div className="px-6 py-4">
        {isPending ? (
          <div className="flex flex-col gap-y-3" aria-busy="true">
            <Skeleton className="h-5 w-1/2" />
            <Skeleton className="h-[88px] w-full" />
            <Skeleton className="h-[88px] w-full" />
            <Skeleton className="h-[88px] w-full" />
          </div>
        ) : error ? (
          <ErrorState error={error} what="the activity" onRetry={() => refetch()} />
        ) : !hasActivity ? (
          <NoRecords
            title="No activity in this period"
            message="Clicks on the affiliate's links and the orders they bring in show here."
          />
        ) : (
          <ActivityChart series={series} interval={RANGES[range].interval} currencyCode={currency} />
        )}
      </div>
    </Container>
  )
}
