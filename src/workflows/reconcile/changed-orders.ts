import type { RemoteQueryFunction } from "@medusajs/framework/types"

/** Rows read per query while collecting changed orders. */
const CHANGE_PAGE = 1000

type ChangeSource = {
  /** What this source catches when its event was lost. */
  catches: string
  entity: string
  /** The row's time that moves when the change happens. */
  stamp: "updated_at" | "created_at"
  fields: string[]
  orderIdOf: (row: any) => string | undefined
}

/**
 * Where a change of an order's money leaves a trace with a time. A lost event's change is
 * found here; nothing else of the order is read.
 */
export const ORDER_CHANGE_SOURCES: ChangeSource[] = [
  {
    catches: "cancels, and every confirmed change that bumps the order's version",
    entity: "order",
    stamp: "updated_at",
    fields: ["id"],
    orderIdOf: (row) => row.id,
  },
  {
    catches: "returns, claims, exchanges, edits and refund credit lines",
    entity: "order_change",
    stamp: "updated_at",
    fields: ["order_id"],
    orderIdOf: (row) => row.order_id,
  },
  {
    catches: "captures and refunds recorded on the order",
    entity: "order_transaction",
    stamp: "created_at",
    fields: ["order_id"],
    orderIdOf: (row) => row.order_id,
  },
  // A refund whose order steps failed (racing refunds) leaves only the payment's refund.
  {
    catches: "refunds of the order's payments",
    entity: "refund",
    stamp: "created_at",
    fields: ["payment.payment_collection.order.id"],
    orderIdOf: (row) => row.payment?.payment_collection?.order?.id,
  },
  {
    catches: "captures of the order's payments",
    entity: "capture",
    stamp: "created_at",
    fields: ["payment.payment_collection.order.id"],
    orderIdOf: (row) => row.payment?.payment_collection?.order?.id,
  },
]

/**
 * The ids of orders with a money-relevant change stamped in [since, until), each once, in
 * pages: a run's cost follows how many orders changed, not how many exist.
 */
export async function* changedOrderIds(
  query: Omit<RemoteQueryFunction, symbol>,
  since: Date,
  until: Date
): AsyncGenerator<string[]> {
  const seen = new Set<string>()
  for (const source of ORDER_CHANGE_SOURCES) {
    // Keyset pages by row id: a row whose stamp moves out of the window mid-scan (changed
    // again, so the next run sees it) must not shift the rows after it out of the scan.
    for (let after: string | null = null; ; ) {
      const { data: rows } = await query.graph({
        entity: source.entity,
        fields: ["id", ...source.fields],
        filters: { [source.stamp]: { $gte: since, $lt: until }, ...(after ? { id: { $gt: after } } : {}) } as any,
        pagination: { take: CHANGE_PAGE, order: { id: "ASC" } },
      })
      const fresh: string[] = []
      for (const id of rows.map(source.orderIdOf)) {
        if (id && !seen.has(id)) {
          seen.add(id)
          fresh.push(id)
        }
      }
      if (fresh.length) {
        yield fresh
      }
      if (rows.length < CHANGE_PAGE) {
        break
      }
      after = rows[rows.length - 1].id
    }
  }
}
