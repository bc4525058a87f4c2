// The one query of the list routes: a page of what the validated query asks for, or, for an
// export, every matching row read in batches.
import { MedusaRequest } from "@medusajs/framework/http"
import { RemoteQueryFunction } from "@medusajs/framework/types"
import { ContainerRegistrationKeys, MedusaError } from "@medusajs/framework/utils"

/**
 * A page of `entity` with the fields, filters, limit, offset and order of the request's
 * validated list query (see validateAndTransformQuery). `breakTiesById` orders equal sort
 * keys by id, newest first: ledger entries booked together share their created_at.
 */
export async function listPage(
  req: MedusaRequest<unknown, any>,
  entity: string,
  { filters = req.filterableFields, breakTiesById = false }: { filters?: Record<string, unknown>; breakTiesById?: boolean } = {}
) {
  const query = req.scope.resolve(ContainerRegistrationKeys.QUERY)
  const { skip, take, order } = req.queryConfig.pagination
  const { data, metadata } = await query.graph({
    entity,
    fields: req.queryConfig.fields,
    filters,
    pagination: { skip, take, order: breakTiesById ? { ...order, id: "DESC" } : order },
  })
  return { data, count: metadata!.count, offset: skip, limit: take }
}

/** Rows read per query while exporting, and the most an export may hold. */
export const EXPORT_BATCH_SIZE = 1_000
export const EXPORT_MAX_ROWS = 100_000

/**
 * Every row matching `filters`, read in batches of EXPORT_BATCH_SIZE (never one unbounded
 * query), for a CSV export. An export larger than EXPORT_MAX_ROWS is refused before it is
 * read, with a 400 asking for narrower filters, rather than cut short silently.
 */
export async function readAllForExport(
  query: Omit<RemoteQueryFunction, symbol>,
  config: { entity: string; fields: string[]; filters: Record<string, unknown>; order: Record<string, "ASC" | "DESC"> },
  limits = { batch: EXPORT_BATCH_SIZE, max: EXPORT_MAX_ROWS }
): Promise<any[]> {
  const page = (skip: number) =>
    query.graph({
      entity: config.entity,
      fields: config.fields,
      filters: config.filters,
      pagination: { skip, take: limits.batch, order: config.order },
    } as any)
  const first = await page(0)
  const count = first.metadata?.count ?? first.data.length
  if (count > limits.max) {
    throw new MedusaError(
      MedusaError.Types.INVALID_DATA,
      `format: the export would hold ${count} rows, more than ${limits.max}; narrow it with filters such as created_at`
    )
  }
  const rows: any[] = [...first.data]
  while (rows.length < count) {
    const { data } = await page(rows.length)
    if (!data.length) {
      break
    }
    rows.push(...data)
  }
  return rows
}
