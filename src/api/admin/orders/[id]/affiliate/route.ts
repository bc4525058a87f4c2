import { AuthenticatedMedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { AFFILIATE_MODULE } from "../../../../../modules/affiliate"
import type AffiliateModuleService from "../../../../../modules/affiliate/service"
import { refetchOr404 } from "../../../../utils/refetch"
import { COMMISSION_FIELDS } from "../../../affiliate-commissions/query-config"

// An entry shows as on the admin commissions list, plus how it was computed per line and
// (a sale) the hold it got and why.
const ENTRY_FIELDS = [...COMMISSION_FIELDS, "lines", "hold"]

/**
 * The order's receipt (who was credited and why, with the credited affiliate's code and
 * name, and the review its sale was held for) and its ledger entries, oldest first. Null
 * and [] until the order is processed.
 */
export const GET = async (req: AuthenticatedMedusaRequest, res: MedusaResponse) => {
  const orderId = req.params.id
  await refetchOr404(req.scope, { entity: "order", id: orderId, fields: ["id"], label: "Order" })

  const service = req.scope.resolve<AffiliateModuleService>(AFFILIATE_MODULE)
  const [[receipt], entries, [review]] = await Promise.all([
    service.listAffiliateOrderAttributions({ order_id: orderId }, { take: 1 }),
    service.listOrderLedger(orderId),
    service.listAffiliateCommissionReviews({ order_id: orderId }, { take: 1 }),
  ])
  // A deleted affiliate still names the receipts it was credited on.
  const [affiliate] = receipt?.affiliate_id
    ? await service.listAffiliates({ id: receipt.affiliate_id }, { take: 1, withDeleted: true })
    : []

  res.json({
    order_attribution: receipt
      ? {
          id: receipt.id,
          order_id: receipt.order_id,
          customer_id: receipt.customer_id,
          affiliate_id: receipt.affiliate_id,
          affiliate: affiliate
            ? { id: affiliate.id, code: affiliate.code, name: affiliate.name, status: affiliate.status, deleted_at: affiliate.deleted_at }
            : null,
          outcome: receipt.outcome,
          source: receipt.source,
          reason: receipt.reason,
          candidates: receipt.candidates,
          risk: receipt.risk ?? null,
          review: review
            ? { id: review.id, status: review.status, because: review.because, reason: review.reason, decided_at: review.decided_at }
            : null,
          currency_code: receipt.currency_code,
          created_at: receipt.created_at,
        }
      : null,
    affiliate_commissions: entries.map((entry) =>
      Object.fromEntries(ENTRY_FIELDS.map((field) => [field, (entry as Record<string, unknown>)[field]]))
    ),
  })
}
