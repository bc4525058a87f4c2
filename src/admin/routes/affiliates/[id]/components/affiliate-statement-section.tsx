import { Container, DatePicker, Label, Skeleton, Text } from "@medusajs/ui"
import { useState } from "react"
import { CsvExportButton } from "../../../../components/csv-export-button"
import { SectionHeader } from "../../../../components/layout/section-header"
import { MoneyAmount } from "../../../../components/money-amount"
import { CurrencySelect } from "../../../../components/pickers/currency-select"
import { ErrorState } from "../../../../components/states/error-state"
import { NoRecords } from "../../../../components/states/no-records"
import { toIsoDay } from "../../../../lib/format"
import { useAffiliateStatement } from "../../../../lib/hooks/affiliates"
import { useStoreCurrencies } from "../../../../lib/hooks/core-lookups"
import type { AffiliateStatement, MoneyValue } from "../../../../../types/http"

const startOfMonth = () => {
  const d = new Date()
  return new Date(d.getFullYear(), d.getMonth(), 1)
}

/** The statement's lines in the order of its identity: opening ... = closing. */
const LINES: { key: keyof AffiliateStatement; label: string; sign: "" | "+" | "−" | "±" }[] = [
  { key: "opening", label: "Opening balance", sign: "" },
  { key: "earned", label: "Earned", sign: "+" },
  { key: "reversed", label: "Reversed", sign: "−" },
  { key: "clawed_back", label: "Clawed back", sign: "−" },
  { key: "adjustments", label: "Adjustments", sign: "±" },
  { key: "paid", label: "Paid out", sign: "−" },
  { key: "closing", label: "Closing balance", sign: "" },
]

/** The statement of a chosen period and currency: what was owed, earned, taken back and paid. */
export const AffiliateStatementSection = ({ affiliateId, currencies }: { affiliateId: string; currencies: string[] }) => {
  const [from, setFrom] = useState<Date | null>(startOfMonth)
  const [to, setTo] = useState<Date | null>(() => new Date())
  const [chosenCurrency, setChosenCurrency] = useState("")
  // The currencies the affiliate has a balance in; the store's before the first commission.
  const store = useStoreCurrencies()
  const offered = currencies.length ? currencies : store.currencies
  const currency = chosenCurrency || offered[0] || ""

  const rangeError = from && to && from > to ? "The start must be on or before the end" : undefined
  const ready = Boolean(from && to && currency && !rangeError)
  const query = {
    from: from ? toIsoDay(from) : "",
    to: to ? toIsoDay(to) : "",
    currency_code: currency,
  }
  const { statement, isPending, error, refetch } = useAffiliateStatement(affiliateId, query, { enabled: ready })

  return (
    <Container className="divide-y p-0">
      <SectionHeader
        title="Statement"
        subtitle="Balance movements of a period"
        actions={
          ready ? (
            <CsvExportButton
              path={`/admin/affiliates/${affiliateId}/statement`}
              query={query}
              filename={`statement-${affiliateId}-${query.currency_code}-${query.from}-${query.to}.csv`}
              label="CSV"
            />
          ) : undefined
        }
      />
      <div className="grid grid-cols-2 gap-3 px-6 py-4">
        <div className="flex flex-col gap-y-1">
          <Label size="xsmall" weight="plus" id="statement-from-label">
            From
          </Label>
          <DatePicker aria-labelledby="statement-from-label" size="small" value={from} onChange={setFrom} maxValue={to ?? undefined} />
        </div>
        <div className="flex flex-col gap-y-1">
          <Label size="xsmall" weight="plus" id="statement-to-label">
            To (inclusive)
          </Label>
          <DatePicker aria-labelledby="statement-to-label" size="small" value={to} onChange={setTo} minValue={from ?? undefined} />
        </div>
        <div className="col-span-2 flex flex-col gap-y-1">
          <Label size="xsmall" weight="plus" htmlFor="statement-currency">
            Currency
          </Label>
          <CurrencySelect
            id="statement-currency"
            value={currency}
            onChange={setChosenCurrency}
            currencies={offered.length ? offered : undefined}
          />
        </div>
        {rangeError && (
          <Text size="small" className="text-ui-fg-error col-span-2">
            {rangeError}
          </Text>
        )}
      </div>
      {!ready ? (
        <NoRecords title="Choose a period and a currency" message="The statement is computed from the ledger." />
      ) : isPending ? (
        <div className="flex flex-col gap-y-3 px-6 py-4" aria-busy="true">
          {LINES.map((line) => (
            <Skeleton key={line.key} className="h-5 w-full" />
          ))}
        </div>
      ) : error ? (
        <ErrorState error={error} what="the statement" onRetry={() => refetch()} />
      ) : statement ? (
        <dl className="flex flex-col px-6 py-2">
          {LINES.map((line) => {
            const total = line.key === "opening" || line.key === "closing"
            return (
              <div
                key={line.key}
                className={`flex items-center justify-between py-2 ${line.key === "closing" ? "border-t" : ""}`}
              >
                <dt className={`txt-compact-small ${total ? "text-ui-fg-base font-medium" : "text-ui-fg-subtle"}`}>
                  {line.sign && <span className="text-ui-fg-muted mr-1 inline-block w-3">{line.sign}</span>}
                  {line.label}
                </dt>
                <dd className={`txt-compact-small ${total ? "font-medium" : ""}`}>
                  <MoneyAmount amount={statement[line.key] as MoneyValue} currencyCode={statement.currency_code || currency} />
                </dd>
              </div>
            )
          })}
        </dl>
      ) : null}
    </Container>
  )
}
