import { AuthenticatedMedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { ContainerRegistrationKeys } from "@medusajs/framework/utils"
import { requestAffiliatePayoutsWorkflow } from "../../../workflows/payouts/workflows/request-affiliate-payouts"
import { sendCsv } from "../../utils/csv"
import { listPage, readAllForExport } from "../../utils/list-query"
import { PAYOUT_FIELDS, PAYPAL_PAYOUT_CSV_COLUMNS, PAYPAL_PAYOUT_CSV_FIELDS } from "./query-config"
import { AdminListPayoutsType, AdminRequestPayoutsType } from "./validators"
import { readAgainOnLostConnection } from "../../utils/refetch"

/** Payouts, filtered: a page, or with `format=csv` a PayPal payment file of all that match. */
export const GET = async (req: AuthenticatedMedusaRequest<unknown, AdminListPayoutsType>, res: MedusaResponse) => {
  const query = req.scope.resolve(ContainerRegistrationKeys.QUERY)
  const { format, ...filters } = req.filterableFields as Record<string, unknown>

  if (format === "csv") {
    const rows = await readAllForExport(query, {
      entity: "affiliate_payout",
      fields: PAYPAL_PAYOUT_CSV_FIELDS,
      filters,
      order: { currency_code: "ASC", created_at: "ASC", id: "ASC" },
    })
    return sendCsv(res, "affiliate-payouts-paypal.csv", rows, PAYPAL_PAYOUT_CSV_COLUMNS)
  }

  const { data: affiliate_payouts, ...page } = await listPage(req, "affiliate_payout", { filters, breakTiesById: true })
  res.json({ affiliate_payouts, ...page })
}

/** Requests a payout in one currency for every affiliate (or the given ones) at or over their minimum. */
export const POST = async (req: AuthenticatedMedusaRequest<AdminRequestPayoutsType>, res: MedusaResponse) => {
  const { result } = await requestAffiliatePayoutsWorkflow(req.scope).run({
    input: { ...req.validatedBody, requested_by: req.auth_context?.actor_id ?? null },
  })
  const query = req.scope.resolve(ContainerRegistrationKeys.QUERY)
  const { data: affiliate_payouts } = result.length
    ? await readAgainOnLostConnection(() =>
        query.graph({
          entity: "affiliate_payout",
          fields: PAYOUT_FIELDS,
          filters: { id: result.map((p) => p.id) },
          pagination: { order: { affiliate_id: "ASC" } },
        })
      )
    : { data: [] }
  res.json({ affiliate_payouts })
}
