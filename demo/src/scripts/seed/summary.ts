// What the seed left behind, printed at its end: each seeded order with its receipt and
// ledger entries, each affiliate with clicks and balances (getBalances), and the portal's
// login with its payouts.
import type { ExecArgs } from "@medusajs/framework/types"
import { ContainerRegistrationKeys } from "@medusajs/framework/utils"
import type { AffiliateModuleService } from "medusa-affiliates/modules/affiliate"
import type { SeededActivity } from "./activity"
import { Affiliate, AFFILIATE_MODULE } from "./affiliates"
import { ORDERS, PORTAL_ACCOUNT, PORTAL_ORDERS } from "./data"
import type { SeededPortal } from "./portal"

type Container = ExecArgs["container"]

const money = (value: unknown) => {
  const n = Number(value)
  return (Object.is(n, -0) ? 0 : n).toFixed(2)
}

export async function printSummary(
  container: Container,
  affiliates: Record<string, Affiliate>,
  activity: SeededActivity,
  portal: SeededPortal
): Promise<void> {
  const log = container.resolve(ContainerRegistrationKeys.LOGGER)
  const service = container.resolve<AffiliateModuleService>(AFFILIATE_MODULE)
  const codes = new Map(Object.values(affiliates).map((a) => [a.id, a.code]))
  const orderIds = Object.values(activity.orders).map((o) => o.id)

  const receipts = await service.listAffiliateOrderAttributions({ order_id: orderIds })
  const entries = await service.listAffiliateCommissions(
    { order_id: orderIds },
    { order: { created_at: "ASC", id: "ASC" } }
  )
  const lines = ["[demo seed] orders (receipt outcome, credited affiliate, ledger entries):"]
  for (const o of [...ORDERS, ...PORTAL_ORDERS]) {
    const order = activity.orders[o.key]
    if (!order) {
      continue
    }
    const receipt = receipts.find((r) => r.order_id === order.id)
    const who = receipt?.affiliate_id ? ` ${codes.get(receipt.affiliate_id)} via ${receipt.source}` : ""
    const ledger = entries
      .filter((e) => e.order_id === order.id)
      .map((e) => `${e.type} ${money(e.amount)} ${e.currency_code.toUpperCase()} ${e.status}`)
      .join(", ")
    lines.push(
      `  #${String(order.display_id).padEnd(3)} ${o.key.padEnd(22)} ${(receipt?.outcome ?? "no receipt") + who}` +
        `${ledger ? `: ${ledger}` : ""}`
    )
  }
  log.info(lines.join("\n"))

  const affiliateList = Object.values(affiliates).sort((a, b) => a.code.localeCompare(b.code))
  const ids = affiliateList.map((a) => a.id)
  const clicks = await service.listAffiliateClicks({ affiliate_id: ids }, { select: ["id", "affiliate_id"] })
  const withPrograms = await service.listAffiliates({ id: ids }, { relations: ["program"] })
  const rows = ["[demo seed] affiliates (balances from getBalances; pending / available / requested / paid):"]
  for (const affiliate of affiliateList) {
    const program = withPrograms.find((a) => a.id === affiliate.id)?.program?.name ?? "?"
    const clickCount = clicks.filter((c) => c.affiliate_id === affiliate.id).length
    const balances = await service.getBalances(affiliate.id)
    const shown = balances.length
      ? balances
          .map(
            (b) =>
              `${b.currency_code.toUpperCase()} ${money(b.pending)} / ${money(b.available)} / ` +
              `${money(b.requested)} / ${money(b.paid)}`
          )
          .join("; ")
      : "no commission"
    rows.push(
      `  ${affiliate.code.padEnd(11)} ${affiliate.status.padEnd(9)} ${program.padEnd(16)} ` +
        `${String(clickCount).padStart(2)} clicks  ${shown}`
    )
  }
  log.info(rows.join("\n"))

  const payouts = await service.listAffiliatePayouts(
    { affiliate_id: portal.affiliate.id },
    { order: { created_at: "ASC", id: "ASC" } }
  )
  log.info(
    [
      `[demo seed] affiliate portal login: ${PORTAL_ACCOUNT.email} / ${PORTAL_ACCOUNT.password} ` +
        `(customer ${portal.customer.id}, affiliate ${portal.affiliate.code}); payouts:`,
      ...payouts.map(
        (p) => `  ${p.id} ${money(p.amount)} ${p.currency_code.toUpperCase()} ${p.status}${p.reference ? ` ${p.reference}` : ""}`
      ),
    ].join("\n")
  )
}
