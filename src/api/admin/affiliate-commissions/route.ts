import { randomUUID } from "crypto"
import { AuthenticatedMedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { ContainerRegistrationKeys, MedusaError } from "@medusajs/framework/utils"
import { ledgerKeys } from "../../../modules/affiliate/domain/ledger-keys"
import { createAffiliateAdjustmentWorkflow } from "../../../workflows/adjustments/workflows/create-affiliate-adjustment"
import { sendCsv } from "../../utils/csv"
import { listPage, readAllForExport } from "../../utils/list-query"
import { COMMISSION_CSV_COLUMNS, COMMISSION_CSV_FIELDS, COMMISSION_FIELDS } from "./query-config"
import { AdminCreateAdjustmentType, AdminListCommissionsType, IdempotencyKeyHeader } from "./validators"
import { readAgainOnLostConnection } from "../../utils/refetch"

/** The ledger, filtered: a page of entries, or with `format=csv` every matching entry. */
export const GET = async (
  req: AuthenticatedMedusaRequest<unknown, AdminListCommissionsType>,
  res: MedusaResponse
) => {
  const query = req.scope.resolve(ContainerRegistrationKeys.QUERY)
  const { format, ...filters } = req.filterableFields as Record<string, unknown>

  if (format === "csv") {
    const rows = await readAllForExport(query, {
      entity: "affiliate_commission",
      fields: COMMISSION_CSV_FIELDS,
      filters,
      order: { created_at: "ASC", id: "ASC" },
    })
    return sendCsv(res, "affiliate-commissions.csv", rows, COMMISSION_CSV_COLUMNS)
  }

  const { data: affiliate_commissions, ...page } = await listPage(req, "affiliate_commission", { filters, breakTiesById: true })
  res.json({ affiliate_commissions, ...page })
}

/**
 * Books a manual adjustment. A client that may retry sends an `Idempotency-Key` header:
 * the same key books once and answers with that entry again.
 */
export const POST = async (
  req: AuthenticatedMedusaRequest<AdminCreateAdjustmentType>,
  res: MedusaResponse
) => {
  const header = IdempotencyKeyHeader.safeParse(req.get("idempotency-key"))
  if (!header.success) {
    throw new MedusaError(MedusaError.Types.INVALID_DATA, header.error.issues[0].message)
  }
  const { result } = await createAffiliateAdjustmentWorkflow(req.scope).run({
    input: {
      ...req.validatedBody,
      created_by: req.auth_context?.actor_id ?? null,
      idempotency_key: ledgerKeys.adjustment(header.data ?? randomUUID()),
    },
  })

  const query = req.scope.resolve(ContainerRegistrationKeys.QUERY)
  const { data: [affiliate_commission] } = await readAgainOnLostConnection(() =>
    query.graph({ entity: "affiliate_commission", fields: COMMISSION_FIELDS, filters: { id: result.id } })
  )
  res.json({ affiliate_commission })
}
