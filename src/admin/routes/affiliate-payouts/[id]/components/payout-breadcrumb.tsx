import { formatMoney } from "../../../../lib/format"
import { usePayout } from "../../../../lib/hooks/payouts"

/** The payout's affiliate and amount in the breadcrumb, from the page's own (cached) query. */
export const PayoutBreadcrumb = ({ id }: { id?: string }) => {
  const { affiliate_payout: payout } = usePayout(id ?? "", { enabled: Boolean(id) })
  if (!payout) {
    return <span>Payout</span>
  }
  const who = payout.affiliate?.code
  return <span>{`${who ? `${who} · ` : ""}${formatMoney(payout.amount, payout.currency_code)}`}</span>
}
