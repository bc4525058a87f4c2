// The reports benchmark's data set, filled set-based into a scratch database that already has
// the affiliate module's schema (from its migrations) and its default program.
//
//   affiliates   200 active affiliates; affiliate of rank r gets a share 1/r^1.2 of the
//                traffic (Zipf-like: rank 1 ~26 %, the top 5 ~53 %, the top 10 ~66 %).
//   clicks       1,000,000 over the 365 days before `anchor`, uniform in time, split by the
//                shares above (exact counts), inserted in created_at order (as appended live).
//   receipts     100,000 affiliate_order_attribution rows: 85 % credited (split by the shares),
//                the rest no_referral (no affiliate) or another losing outcome (with one).
//   ledger       100,000 affiliate_commission entries: 85,000 sales (one per credited receipt,
//                same time and currency), 9,000 partial reversals and 5,000 clawbacks of
//                random sales (later than their sale), 1,000 manual adjustments; 2 currencies
//                (eur 60 %, usd 40 %); pending for 30 days, then available, sales older than
//                60 days paid through one payout per affiliate, currency and month.
//
// insertRange moves the staged rows of a time range into the module's tables, so the benchmark
// can vacuum the older rows before inserting the newest: the state an autovacuum lag leaves.

export type FillCounts = { affiliates: number; clicks: number; receipts: number; entries: number }

export const ZIPF_S = 1.2

/** Staging tables (unlogged, dropped at the end) with every row and its created_at. */
export async function stage(knex: any, counts: FillCounts, anchor: Date) {
  const credited = Math.round(counts.receipts * 0.85)
  const sales = Math.min(credited, Math.round(counts.entries * 0.85))
  const reversals = Math.round(counts.entries * 0.09)
  const clawbacks = Math.round(counts.entries * 0.05)
  const adjustments = counts.entries - sales - reversals - clawbacks

  await knex.raw(`DROP TABLE IF EXISTS bench_w, bench_click, bench_receipt, bench_entry`)
  // Shares: exact integer counts per rank, the rounding remainder going to rank 1.
  await knex.raw(
    `CREATE UNLOGGED TABLE bench_w AS
     WITH w AS (SELECT r, 1.0 / power(r, ?::float8) AS w FROM generate_series(1, ?::int) r),
          s AS (SELECT r, w / sum(w) OVER () AS share FROM w)
     SELECT r, 'aff_bench_' || lpad(r::text, 3, '0') AS affiliate_id, share,
            floor(share * ?::int)::int AS clicks, floor(share * ?::int)::int AS receipts
     FROM s`,
    [ZIPF_S, counts.affiliates, counts.clicks, credited]
  )
  await knex.raw(
    `UPDATE bench_w SET clicks = clicks + (?::int - (SELECT sum(clicks) FROM bench_w)),
                        receipts = receipts + (?::int - (SELECT sum(receipts) FROM bench_w))
     WHERE r = 1`,
    [counts.clicks, credited]
  )
  await knex.raw(
    `INSERT INTO affiliate (id, code, name, email, status, customer_id, program_id, created_at, updated_at)
     SELECT affiliate_id, 'BENCH' || lpad(r::text, 3, '0'), 'Bench affiliate ' || r, 'affiliate' || r || '@bench.test', 'active',
            'cus_bench_aff_' || r, (SELECT id FROM affiliate_program WHERE is_default AND deleted_at IS NULL),
            ?::timestamptz - interval '400 days', ?::timestamptz - interval '400 days'
     FROM bench_w`,
    [anchor, anchor]
  )

  await knex.raw(
    `CREATE UNLOGGED TABLE bench_click AS
     SELECT row_number() OVER (ORDER BY t) AS n, affiliate_id, t
     FROM (SELECT w.affiliate_id, ?::timestamptz - random() * interval '365 days' AS t
           FROM bench_w w, generate_series(1, w.clicks)) c`,
    [anchor]
  )

  // Receipts: credited ones per affiliate share, then the others.
  await knex.raw(
    `CREATE UNLOGGED TABLE bench_receipt AS
     SELECT row_number() OVER (ORDER BY t) AS n, affiliate_id, outcome, currency_code, t
     FROM (
       SELECT w.affiliate_id, 'credited' AS outcome, CASE WHEN random() < 0.6 THEN 'eur' ELSE 'usd' END AS currency_code,
              ?::timestamptz - random() * interval '365 days' AS t
       FROM bench_w w, generate_series(1, w.receipts)
       UNION ALL
       SELECT CASE WHEN g % 3 = 0 THEN 'aff_bench_' || lpad((1 + g % ?::int)::text, 3, '0') END,
              CASE WHEN g % 3 = 0 THEN (ARRAY['self_referral','affiliate_inactive','referral_expired','not_first_order'])[1 + (g / 3) % 4]
                   ELSE 'no_referral' END,
              CASE WHEN random() < 0.6 THEN 'eur' ELSE 'usd' END,
              ?::timestamptz - random() * interval '365 days'
       FROM generate_series(1, ?::int) g
     ) r`,
    [anchor, counts.affiliates, anchor, counts.receipts - credited]
  )

  // Ledger: one sale per credited receipt (the first `sales` of them), at the receipt's time.
  await knex.raw(
    `CREATE UNLOGGED TABLE bench_entry (
       kind text, affiliate_id text, currency_code text, order_id text, key text,
       base numeric, amount numeric, t timestamptz)`
  )
  await knex.raw(
    `INSERT INTO bench_entry
     SELECT 'sale', affiliate_id, currency_code, 'order_bench_' || n, 'sale:order_bench_' || n,
            b, round(b * 0.10, 2), t
     FROM (SELECT n, affiliate_id, currency_code, t, round((20 + random() * 280)::numeric, 2) AS b
           FROM bench_receipt WHERE outcome = 'credited' ORDER BY n LIMIT ?::int) s`,
    [sales]
  )
  // Reversals (10-100 % of the sale) and clawbacks (all of it), later than their sale.
  for (const [kind, count, fraction] of [
    ["reversal", reversals, "(0.1 + random() * 0.9)"],
    ["clawback", clawbacks, "1"],
  ] as const) {
    await knex.raw(
      `INSERT INTO bench_entry
       SELECT ?::text, affiliate_id, currency_code, order_id, ?::text || ':' || order_id || ':' || row_number() OVER (),
              -round(base * f, 2), -round(amount * f, 2), t + random() * (?::timestamptz - t)
       FROM (SELECT *, ${fraction}::numeric AS f FROM bench_entry WHERE kind = 'sale' ORDER BY random() LIMIT ?::int) s`,
      [kind, kind, anchor, count]
    )
  }
  await knex.raw(
    `INSERT INTO bench_entry
     SELECT 'adjustment', 'aff_bench_' || lpad((1 + g % ?::int)::text, 3, '0'), CASE WHEN g % 5 < 3 THEN 'eur' ELSE 'usd' END,
            NULL, 'adjustment:bench_' || g, NULL, round((random() * 100 - 50)::numeric, 2),
            ?::timestamptz - random() * interval '365 days'
     FROM generate_series(1, ?::int) g`,
    [counts.affiliates, anchor, adjustments]
  )
  await knex.raw(`ANALYZE bench_w, bench_click, bench_receipt, bench_entry`)
  return { sales, reversals, clawbacks, adjustments, credited }
}

/** Inserts the staged rows with `from <= created_at < to` into the module's tables, in created_at order. */
export async function insertRange(knex: any, anchor: Date, from: Date, to: Date) {
  await knex.raw(
    `INSERT INTO affiliate_click (id, session_id, sub_id, landing_url, referrer, visitor_hash, affiliate_id, created_at, updated_at)
     SELECT 'afclk_bench' || lpad(n::text, 8, '0'), 'sess_bench_' || n, CASE WHEN n % 3 = 0 THEN 'sub-' || (n % 17) END,
            'https://shop.example.com/products/item-' || (n % 500) || '\\?aff=' || affiliate_id,
            CASE WHEN n % 4 <> 0 THEN 'https://blog.example.org/posts/' || (n % 1000) END,
            md5(n::text), affiliate_id, t, t
     FROM bench_click WHERE t >= ? AND t < ? ORDER BY t`,
    [from, to]
  )
  await knex.raw(
    `INSERT INTO affiliate_order_attribution
       (id, order_id, customer_id, outcome, source, reason, candidates, currency_code, money_fingerprint, affiliate_id, created_at, updated_at)
     SELECT 'aford_bench' || lpad(n::text, 8, '0'), 'order_bench_' || n, 'cus_bench_' || n, outcome,
            CASE WHEN outcome = 'credited' THEN (ARRAY['attribution','code','link'])[1 + n % 3] END,
            CASE WHEN outcome = 'credited' THEN 'the only live referral' ELSE 'no affiliate credited: ' || outcome END,
            CASE WHEN affiliate_id IS NULL THEN '[]'::jsonb
                 ELSE jsonb_build_array(jsonb_build_object('affiliate_id', affiliate_id, 'source', 'attribution', 'outcome', outcome)) END,
            currency_code, CASE WHEN outcome = 'credited' THEN md5('fp' || n) END, affiliate_id, t, t
     FROM bench_receipt WHERE t >= ? AND t < ? ORDER BY t`,
    [from, to]
  )
  // Payouts of the sales older than 60 days: one per affiliate, currency and month, paid at month end.
  await knex.raw(
    `INSERT INTO affiliate_payout (id, amount, raw_amount, currency_code, status, method, paid_at, affiliate_id, created_at, updated_at)
     SELECT 'afpay_bench_' || md5(affiliate_id || currency_code || m::text), total, jsonb_build_object('value', total::text, 'precision', 20),
            currency_code, 'paid', 'manual', m + interval '1 month', affiliate_id, m + interval '1 month', m + interval '1 month'
     FROM (SELECT affiliate_id, currency_code, date_trunc('month', t) AS m, sum(amount) AS total
           FROM bench_entry WHERE kind = 'sale' AND t < ?::timestamptz - interval '60 days' AND t >= ? AND t < ?
           GROUP BY 1, 2, 3) p
     ON CONFLICT DO NOTHING`,
    [anchor, from, to]
  )
  await knex.raw(
    `INSERT INTO affiliate_commission
       (id, affiliate_id, type, amount, raw_amount, currency_code, rate, raw_rate, base_amount, raw_base_amount,
        order_id, lines, status, available_at, released_at, paid_at, payout_id, idempotency_key, reference, reference_id,
        note, created_by, created_at, updated_at)
     SELECT 'afcom_bench_' || md5(key), affiliate_id, kind,
            amount, jsonb_build_object('value', amount::text, 'precision', 20), currency_code,
            CASE WHEN kind = 'sale' THEN 10 END, CASE WHEN kind = 'sale' THEN '{"value":"10","precision":20}'::jsonb END,
            base, CASE WHEN base IS NOT NULL THEN jsonb_build_object('value', base::text, 'precision', 20) END,
            order_id,
            CASE WHEN kind = 'sale' THEN jsonb_build_array(jsonb_build_object('line_id', 'ordli_' || md5(key), 'base', base::text, 'rate', '10', 'amount', amount::text)) END,
            CASE WHEN paid THEN 'paid' WHEN t < ?::timestamptz - interval '30 days' THEN 'available' ELSE 'pending' END,
            t + interval '30 days', CASE WHEN t < ?::timestamptz - interval '30 days' THEN t + interval '30 days' END,
            CASE WHEN paid THEN date_trunc('month', t) + interval '1 month' END,
            CASE WHEN paid THEN 'afpay_bench_' || md5(affiliate_id || currency_code || date_trunc('month', t)::text) END,
            key, CASE kind WHEN 'sale' THEN 'order' WHEN 'reversal' THEN 'refund' WHEN 'clawback' THEN 'cancel' ELSE 'admin' END,
            order_id, CASE WHEN kind = 'adjustment' THEN 'bench adjustment' END, CASE WHEN kind = 'adjustment' THEN 'user_bench' END,
            t, t
     FROM (SELECT *, kind = 'sale' AND t < ?::timestamptz - interval '60 days' AS paid FROM bench_entry) e
     WHERE t >= ? AND t < ? ORDER BY t`,
    [anchor, anchor, anchor, from, to]
  )
}

export async function dropStaging(knex: any) {
  await knex.raw(`DROP TABLE IF EXISTS bench_w, bench_click, bench_receipt, bench_entry`)
}

export const TABLES = ["affiliate", "affiliate_click", "affiliate_order_attribution", "affiliate_commission", "affiliate_payout"]
