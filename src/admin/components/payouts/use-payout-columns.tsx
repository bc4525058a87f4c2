import { CheckCircle, XCircle } from "@medusajs/icons"
import { createDataTableColumnHelper, createDataTableFilterHelper } from "@medusajs/ui"
import { useMemo } from "react"
import { PAYOUT_STATUSES } from "../../../types/enums"
import { formatDate, humanize } from "../../lib/format"
import type { AffiliatePayout } from "../../../types/http"
import { AffiliateLink } from "../affiliate-link"
import { RowActions } from "../data-table/row-actions"
import { DomainStatusBadge } from "../domain-status-badge"
import { MoneyAmount } from "../money-amount"
import type { SettleOutcome } from "./settle-payout-drawer"

const columnHelper = createDataTableColumnHelper<AffiliatePayout>()
const filterHelper = createDataTableFilterHelper<AffiliatePayout>()

export const PAYOUT_FILTER_IDS = ["status", "currency_code"] as const

/** Status, and currency when there is more than one to tell apart (a payment file takes one). */
export const usePayoutFilters = (currencies: string[]) => {
  const currencyKey = currencies.join(",")
  return useMemo(
    () => [
      filterHelper.accessor("status", {
        type: "radio",
        label: "Status",
        options: PAYOUT_STATUSES.map((s) => ({ label: humanize(s), value: s })),
      }),
      ...(currencies.length > 1
        ? [
            filterHelper.accessor("currency_code", {
              type: "radio",
              label: "Currency",
              options: currencies.map((c) => ({ label: c.toUpperCase(), value: c })),
            }),
          ]
        : []),
    ],
    // Keyed by the codes, not the array: callers build a new array on every render.
    [currencyKey]
  )
}

/** The columns of a payout list; the affiliate column only where payouts of many are listed. */
export const usePayoutColumns = ({
  withAffiliate,
  onSettle,
}: {
  withAffiliate: boolean
  onSettle: (payout: AffiliatePayout, outcome: SettleOutcome) => void
}) =>
  useMemo(
    () => [
      columnHelper.accessor("created_at", {
        header: "Requested",
        enableSorting: true,
        sortLabel: "Requested",
        sortAscLabel: "Oldest first",
        sortDescLabel: "Newest first",
        cell: ({ getValue }) => formatDate(getValue()),
      }),
      ...(withAffiliate
        ? [
            columnHelper.accessor("affiliate_id", {
              header: "Affiliate",
              cell: ({ row }) => (
                <AffiliateLink affiliate={row.original.affiliate} affiliateId={row.original.affiliate_id} withName />
              ),
            }),
          ]
        : []),
      columnHelper.accessor("amount", {
        header: "Amount",
        align: "right",
        enableSorting: true,
        sortLabel: "Amount",
        cell: ({ row }) => <MoneyAmount amount={row.original.amount} currencyCode={row.original.currency_code} />,
      }),
      columnHelper.accessor("status", {
        header: "Status",
        cell: ({ getValue }) => <DomainStatusBadge kind="payout" status={getValue()} />,
      }),
      columnHelper.accessor("reference", {
        header: "Reference",
        cell: ({ row }) => row.original.reference ?? row.original.failure_reason ?? "-",
      }),
      columnHelper.accessor("paid_at", {
        header: "Paid",
        cell: ({ getValue }) => formatDate(getValue()),
      }),
      columnHelper.display({
        id: "action",
        cell: ({ row }) => (
          <RowActions
            label={`Actions for payout ${row.original.id}`}
            groups={
              row.original.status === "requested"
                ? [
                    [
                      { label: "Mark as paid", icon: <CheckCircle />, onClick: () => onSettle(row.original, "paid") },
                      { label: "Mark as failed", icon: <XCircle />, onClick: () => onSettle(row.original, "failed") },
                    ],
                  ]
                : []
            }
          />
        ),
      }),
    ],
    [withAffiliate, onSettle]
  )
