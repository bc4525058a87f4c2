// A copy of AffiliateModuleService.releaseDueCommissions with one change to its SQL, measured
// by bench/release/release.ts next to the real method. Not used by the plugin.
//
// The service joins the locked batch back to the table with `FROM due WHERE c.id = due.id`.
// The planner decides how to run that join from its row estimates: with 10,000 rows it
// picks a nested loop over the primary key, but with 50,000 it picks a hash join that
// sequentially scans the whole ledger (1M rows, plus every dead version left by earlier
// batches) and spills the hash to disk, in every batch. `c.id = ANY(ARRAY(subquery))` gives
// it no join to choose: the locked ids become one array and the update is a single primary
// key index scan over them, whatever the batch size or table size. Same rows, same locks
// (FOR UPDATE SKIP LOCKED), same per-affiliate counts.

type Knex = any

export type ProposedReleaseResult = {
  released: number
  batches: number
  by_affiliate: { affiliate_id: string; count: number }[]
  batch_ms: number[]
}

export const PROPOSED_BATCH_SQL = `WITH released AS (
   UPDATE affiliate_commission AS c
   SET status = 'available', released_at = ?, updated_at = ?
   WHERE c.id = ANY (ARRAY(
     SELECT id FROM affiliate_commission
     WHERE status = 'pending' AND available_at <= ? AND deleted_at IS NULL
     ORDER BY available_at
     LIMIT ?
     FOR UPDATE SKIP LOCKED
   ))
   RETURNING c.affiliate_id
 )
 SELECT affiliate_id, count(*)::int AS count FROM released GROUP BY affiliate_id`

/** The service's loop, verbatim apart from the SQL (and per-batch timing for the report). */
export async function releaseDueProposed(
  knex: Knex,
  data: { now?: Date; batch_size?: number } = {}
): Promise<ProposedReleaseResult> {
  const now = data.now ?? new Date()
  const batchSize = data.batch_size ?? 10_000
  const counts = new Map<string, number>()
  const batchMs: number[] = []
  let released = 0
  let batches = 0
  for (;;) {
    const started = process.hrtime.bigint()
    const result = await knex.raw(PROPOSED_BATCH_SQL, [now, now, now, batchSize])
    batchMs.push(Number(process.hrtime.bigint() - started) / 1e6)
    const rows: { affiliate_id: string; count: number }[] = result.rows
    const batchCount = rows.reduce((sum, r) => sum + r.count, 0)
    if (!batchCount) {
      break
    }
    batches++
    released += batchCount
    rows.forEach((r) => counts.set(r.affiliate_id, (counts.get(r.affiliate_id) ?? 0) + r.count))
    if (batchCount < batchSize) {
      break
    }
  }
  return {
    released,
    batches,
    by_affiliate: [...counts.entries()].map(([affiliate_id, count]) => ({ affiliate_id, count })),
    batch_ms: batchMs,
  }
}

/**
 * The service's batch statement, copied for EXPLAIN ANALYZE only (bench/release/release.ts
 * checks at run time that the service still contains it, and says so when it does not).
 */
export const SERVICE_BATCH_SQL = `WITH due AS (
           SELECT id FROM affiliate_commission
           WHERE status = 'pending' AND available_at <= ? AND deleted_at IS NULL
           ORDER BY available_at
           LIMIT ?
           FOR UPDATE SKIP LOCKED
         ), released AS (
           UPDATE affiliate_commission AS c
           SET status = 'available', released_at = ?, updated_at = ?
           FROM due WHERE c.id = due.id
           RETURNING c.affiliate_id
         )
         SELECT affiliate_id, count(*)::int AS count FROM released GROUP BY affiliate_id`
