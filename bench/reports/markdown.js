"use strict"
// Renders the "reports" part (bench/results/reports.json) as a BENCHMARKS.md section:
//   const { renderReports, reportsSummary } = require("./reports/markdown")
// renderReports(result) -> markdown section; reportsSummary(result) -> rows for the summary table
// in bench/lib/report.js's shape ({ name, figure, baseline, ratio, ok }).

const f1 = (n) => (n == null || Number.isNaN(n) ? "n/a" : n.toFixed(1))
const f0 = (n) => (n == null || Number.isNaN(n) ? "n/a" : Math.round(n).toLocaleString("en-US"))
const s1 = (ms) => `${(ms / 1000).toFixed(1)} s`
const verdict = (ok) => (ok ? "**pass**" : "**miss**")
const STATEMENTS = ["buckets", "clicks", "orders", "money", "top"]

const byKey = (pass, key) => pass?.scenarios.find((s) => s.key === key)
const realOf = (pass, s) => byKey(pass, `${s.key}|real`)
const proposedOf = (pass, s) => byKey(pass, `${s.key}|proposed`)

function shortLabel(s) {
  return s.label.replace(/ \(extra, not in the issue\)/, " *(extra)*")
}

function reportsSummary(r) {
  const d = r.data
  const target = d.target_p95_ms
  return d.scenarios
    .filter((s) => s.required)
    .map((s) => {
      const m = realOf(d.passes.vacuumed, s)
      return {
        name: `Activity report: ${s.label}`,
        figure: `p95 ${f1(m.p95)} ms`,
        baseline: "-",
        ratio: `target p95 < ${target} ms`,
        ok: m.p95 < target,
      }
    })
}

function machineLines(r) {
  const m = r.machine
  const d = r.data
  const settings = Object.entries(d.postgres_settings || m.postgres_settings || {})
    .map(([k, v]) => `${k}=${v}`)
    .join(", ")
  return [
    `- Run: ${m.date}, \`${r.command}\`, ${s1(r.duration_ms)} in all (fill ${s1(d.timings_ms.stage + d.timings_ms.insert_and_vacuum)}).`,
    `- Machine: ${m.nproc} CPUs (${m.cpu_model}), ${m.memory_gib} GiB RAM, Node ${m.node}, ${m.postgres}; ${settings}.`,
    `- Load average (1/5/15 min) before ${r.loadavg_before.join(" / ")}, after ${r.loadavg_after.join(" / ")}` +
      ` (Node, PostgreSQL and anything else running share these ${m.nproc} CPUs).`,
  ]
}

function figuresTable(d, pass, title) {
  const target = d.target_p95_ms
  const lines = [title, "", "| Scenario | In range: clicks / credited orders / entries | p50 | p95 | p99 | max | n | p95 < " + target + " ms |", "|---|---:|---:|---:|---:|---:|---:|---|"]
  for (const s of d.scenarios) {
    const m = realOf(pass, s)
    const rr = s.rows_in_range
    const ok = m.p95 < target
    lines.push(
      `| ${shortLabel(s)} | ${f0(rr.clicks)} / ${f0(rr.credited_orders)} / ${f0(rr.entries)} | ${f1(m.p50)} ms | ${f1(m.p95)} ms | ${f1(m.p99)} ms | ${f1(m.max)} ms | ${m.n} | ${s.required ? verdict(ok) : ok ? "under" : "over"} |`
    )
  }
  return lines
}

function statementTable(d, pass, variant) {
  const lines = [
    "| Scenario | " + STATEMENTS.join(" | ") + " |",
    "|---|" + STATEMENTS.map(() => "---:").join("|") + "|",
  ]
  for (const s of d.scenarios) {
    const m = byKey(pass, `${s.key}|${variant}`)
    lines.push(`| ${shortLabel(s)} | ` + STATEMENTS.map((st) => (m.statements[st] ? `${f1(m.statements[st].p50)}` : "-")).join(" | ") + " |")
  }
  return lines
}

function planTable(d, pass, variant) {
  const lines = [
    "| Scenario | Statement | Scans (index used) | Heap fetches of Index Only Scans | Buffers hit / read | EXPLAIN ANALYZE time | Seq Scan on a big table |",
    "|---|---|---|---:|---:|---:|---|",
  ]
  for (const s of d.scenarios) {
    for (const p of pass.plans[`${s.key}|${variant}`] || []) {
      const scans = p.scans.length ? p.scans.map((x) => `\`${x}\``).join(", ") : "(no table: generate_series)"
      const seq = p.seq_scan_on_big_table.length ? `**yes: ${p.seq_scan_on_big_table.join(", ")}**` : "no"
      const jit = p.jit_ms != null ? ` (JIT ${f1(p.jit_ms)} ms)` : ""
      lines.push(
        `| ${shortLabel(s)} | ${p.statement} | ${scans} | ${f0(p.heap_fetches)} | ${f0(p.shared_hit)} / ${f0(p.shared_read)} | ${p.execution_ms} ms${jit} | ${seq} |`
      )
    }
  }
  return lines
}

function proposalTable(d) {
  const P = d.passes
  const target = d.target_p95_ms
  const cell = (m) => (m ? `${f1(m.p50)} / ${f1(m.p95)}` : "-")
  const lines = [
    `p50 / p95 in ms, real and proposed alternating per scenario in the same rounds (target p95 < ${target} ms):`,
    "",
    "| Scenario | service SQL, model indexes | proposed SQL, model indexes | service SQL, proposed indexes | proposed SQL, proposed indexes | lag 20 %: service SQL, model indexes | lag 20 %: proposed SQL, model indexes | tail 1 %: service SQL, proposed indexes | tail 1 %: proposed SQL, proposed indexes |",
    "|---|---:|---:|---:|---:|---:|---:|---:|---:|",
  ]
  for (const s of d.scenarios) {
    const mark = (m) => (m && s.required && m.p95 >= target ? " **(miss)**" : "")
    const best = proposedOf(P.indexed, s)
    const tail = proposedOf(P.tail, s)
    lines.push(
      `| ${shortLabel(s)} | ${cell(realOf(P.vacuumed, s))} | ${cell(proposedOf(P.vacuumed, s))} | ${cell(realOf(P.indexed, s))} | ${cell(best)}${mark(best)} | ` +
        `${cell(realOf(P.lag, s))} | ${cell(proposedOf(P.lag, s))} | ${cell(realOf(P.tail, s))} | ${cell(tail)}${mark(tail)} |`
    )
  }
  const same = ["lag", "vacuumed", "indexed", "tail"].every((k) => !P[k]?.same_answer || Object.values(P[k].same_answer).every(Boolean))
  lines.push("")
  lines.push(
    same
      ? "The proposed SQL returned exactly the service's report (series, totals and top affiliates, compared as JSON) in every scenario of every pass."
      : "**The proposed SQL's answers differed from the service's in: " +
          ["lag", "vacuumed", "indexed", "tail"].flatMap((k) => Object.entries(P[k]?.same_answer || {}).filter(([, v]) => !v).map(([s]) => `${k}/${s}`)).join(", ") +
          "**"
  )
  return lines
}

function notes(d) {
  const P = d.passes
  const target = d.target_p95_ms
  const out = ["Reading these figures:", ""]
  const misses = d.scenarios.filter((s) => s.required && realOf(P.vacuumed, s).p95 >= target)
  const lagMisses = d.scenarios.filter((s) => s.required && realOf(P.lag, s).p95 >= target)
  const list = (ss, pass) => ss.map((s) => `${s.label} (p95 ${f1(realOf(pass, s).p95)} ms)`).join("; ")
  out.push(
    misses.length
      ? `- **Misses, vacuumed tables:** ${list(misses, P.vacuumed)}.`
      : `- Every scenario of the issue is under p95 ${target} ms on vacuumed tables.`
  )
  out.push(
    lagMisses.length
      ? `- **Misses with the newest ${Math.round(d.lag_share * 100)} % of rows unvacuumed:** ${list(lagMisses, P.lag)}.`
      : `- With the newest ${Math.round(d.lag_share * 100)} % of rows unvacuumed every scenario of the issue is still under p95 ${target} ms.`
  )
  const vac = P.vacuumed
  const seqs = []
  for (const [key, plans] of Object.entries(vac.plans)) {
    if (!key.endsWith("|real")) continue
    for (const p of plans) if (p.seq_scan_on_big_table.length) seqs.push(`${key.replace("|real", "")} ${p.statement} (${p.seq_scan_on_big_table.join(", ")})`)
  }
  out.push(
    "- The misses are not missing indexes: every statement of every scenario of the issue runs on an index (tables above). They are the number of rows " +
      "aggregated per request. The clicks statement buckets every click with `date_trunc(?, created_at AT TIME ZONE 'UTC') AT TIME ZONE 'UTC'` " +
      "(two time zone conversions per row) and a HashAggregate; the busy affiliate's year is " +
      `${f0(d.scenarios.find((s) => s.key === "portal-busy-365d-month").rows_in_range.clicks)} clicks, the program's 90 days ` +
      `${f0(d.scenarios.find((s) => s.key === "admin-90d-week").rows_in_range.clicks)}. The orders and money statements read the heap for \`outcome\`, ` +
      "`type`, `currency_code` and the amounts. The program-wide top affiliates run after the other three (not with them), join every ledger row " +
      "to `affiliate` before aggregating and sort for `COUNT(DISTINCT order_id)`."
  )
  out.push(
    seqs.length
      ? `- Seq Scans on a big table (service SQL, vacuumed): ${seqs.join("; ")}. They appear only where the range is the whole year program-wide ` +
          "(the extra scenario): nearly every row qualifies, so the planner rightly reads the table instead of the index. " +
          "`Seq Scan on affiliate` in the top-affiliates statement is the 200-row affiliate table hashed for the join."
      : "- No Seq Scan on a big table in any statement (the Seq Scan on `affiliate` in the top-affiliates statement is the 200-row table hashed for the join)."
  )
  const lagVis = P.lag.visibility.find((v) => v.table === "affiliate_click")
  out.push(
    `- Autovacuum lag: after a bulk of inserts, PostgreSQL's insert-triggered autovacuum waits for 20 % of the table ` +
      `(autovacuum_vacuum_insert_scale_factor 0.2), so up to the newest ${Math.round(d.lag_share * 100)} % of clicks ` +
      `(${f0(d.lag_share * 365)} days here) sit on pages not marked all-visible (${lagVis.all_visible_pct} % of affiliate_click's pages were). ` +
      "Index Only Scans then fetch those rows from the heap, and for the busy affiliate the planner switches to a Bitmap Heap Scan " +
      "(or to the created_at index with a filter on affiliate_id), which reads the whole table. This is the worst point of a saw-tooth; " +
      "the vacuumed figures are its best."
  )
  const lagBusy = (P.lag.plans["portal-busy-365d-month|proposed"] || []).find((p) => p.statement === "clicks")
  if (lagBusy) {
    out.push(
      `- The proposed clicks statement does not cure the lag state: for the busy affiliate's year the planner takes ${lagBusy.scans.map((x) => `\`${x}\``).join(", ")} ` +
        `(${lagBusy.scans.some((x) => x.startsWith("Index Only")) ? `${f0(lagBusy.heap_fetches)} heap fetches, ` : "every row of the range read from the heap and filtered, "}` +
        `${lagBusy.execution_ms} ms under EXPLAIN ANALYZE; ${f0(lagBusy.shared_hit)} buffers hit, ${f0(lagBusy.shared_read)} read), ` +
        "because with a fifth of the pages not all-visible an Index Only Scan is costed with heap visits. Proposal 4 (autovacuum settings) bounds that state; " +
        "its worst point is the \"tail 1 %\" columns of the proposals table."
    )
  }
  const jits = []
  for (const [name, pass] of Object.entries(P)) {
    for (const [key, plans] of Object.entries(pass.plans || {})) for (const p of plans) if (p.jit_ms != null) jits.push(`${name} ${key} ${p.statement} (${f1(p.jit_ms)} ms)`)
  }
  if (jits.length) out.push(`- JIT compiled in: ${jits.join("; ")}: statements whose cost estimate passed jit_above_cost.`)
  out.push(
    "- Per-statement times are measured inside the app (knex query to query-response) while the four statements run together on " +
      "the pool, so they include waiting for a CPU and a connection: on 2 CPUs four concurrent statements queue. The trivial " +
      "generate_series statement's time is mostly that wait."
  )
  return out
}

function proposalText(d) {
  const P = d.passes
  const out = []
  out.push("#### Proposed changes (measured above; not applied to src/)")
  out.push("")
  out.push(
    "1. **Clicks per bucket by index range** (service.ts, `getActivityReport`): compute the bucket starts in the app " +
      "(UTC; days, Monday weeks, months, as `date_trunc` buckets them) and replace the generate_series statement and the clicks " +
      "statement by one statement that counts each bucket's clicks with an Index Only Scan range, no per-row `date_trunc`, no hash " +
      "aggregate. Binding the buckets as an array (instead of generate_series) gives the planner the real number of buckets, which " +
      "keeps the cost estimate under jit_above_cost (generate_series is estimated at 1000 rows and the statement got JIT-compiled, " +
      "about 5 ms per call, in a first version of this change). Portal (with `AND c.affiliate_id = ?`) and program-wide:"
  )
  out.push("")
  out.push("```sql")
  out.push(d.proposed_sql.clicks_affiliate)
  out.push("```")
  out.push("")
  out.push(
    "2. **Top affiliates aggregated first, in parallel**: aggregate the ledger per (affiliate, currency), take the top rows, then join " +
      "`affiliate`; `count(*) FILTER (WHERE type = 'sale')` instead of `COUNT(DISTINCT order_id) FILTER (...)` (equal: one live sale " +
      "entry per order, unique idempotency key `sale:<order_id>`; corrections are reversals and clawbacks); and run it inside the same " +
      "`Promise.all` as the other statements instead of after them:"
  )
  out.push("")
  out.push("```sql")
  out.push(d.proposed_sql.top)
  out.push("```")
  out.push("")
  const sizes = (pass) => Object.fromEntries((pass?.index_sizes || []).map((i) => [i.name, i.mb]))
  const before = sizes(P.vacuumed)
  const after = sizes(P.indexed)
  out.push(
    "3. **Covering / partial indexes** for the orders, money and top statements (Index Only Scans instead of heap reads). The two ledger " +
      "indexes replace `IDX_affiliate_commission_affiliate_created` and `IDX_affiliate_commission_created_at` (same keys), so an append still " +
      "maintains the same number of ledger indexes; DML `indexes()` has no INCLUDE, so these go in a hand-written migration " +
      "(and the two replaced entries leave the model). Sizes here: " +
      Object.entries(after)
        .filter(([n]) => !(n in before))
        .map(([n, mb]) => `${n} ${mb} MB`)
        .join(", ") +
      "; replaced: " +
      ["IDX_affiliate_commission_affiliate_created", "IDX_affiliate_commission_created_at"].map((n) => `${n} ${before[n]} MB`).join(", ") +
      "."
  )
  out.push("")
  out.push("```sql")
  for (const s of [...d.proposed_indexes.create, ...d.proposed_indexes.drop]) out.push(s + ";")
  out.push("```")
  out.push("")
  const t = P.tail
  out.push(
    "4. **Autovacuum of the append-only tables**: a migration " +
      "`ALTER TABLE affiliate_click SET (autovacuum_vacuum_insert_scale_factor = 0, autovacuum_vacuum_insert_threshold = 10000)` (and the " +
      "same for affiliate_order_attribution and affiliate_commission) bounds the not-yet-all-visible tail to about 10,000 inserted rows " +
      "instead of 20 % of the table (insert-only vacuums visit only the new pages). Measured at its worst point: " +
      (t
        ? `${f0(t.added.clicks)} clicks, ${f0(t.added.receipts)} credited receipts and ${f0(t.added.entries)} sales appended in the last ` +
          `${f1(t.share * 365)} days and only ANALYZEd, on the proposed indexes (the \"tail 1 %\" columns; ` +
          `${t.visibility.find((v) => v.table === "affiliate_click").all_visible_pct} % of affiliate_click's pages all-visible). `
        : "(not measured in this run). ") +
      "Where the server's autovacuum is off (as on the machine above), the tables are only vacuumed by hand."
  )
  return out
}

function renderReports(r) {
  const d = r.data
  const P = d.passes
  const c = d.counts
  const lines = []
  lines.push(`## Portal stats and admin activity report over ${f0(c.clicks)} clicks`)
  lines.push("")
  lines.push(...machineLines(r))
  lines.push(
    `- Data (scratch database, the module's schema from its migration files, set-based fill): ${c.affiliates} active affiliates; ` +
      `${f0(c.clicks)} clicks over the 365 days before ${d.anchor}, uniform in time, split Zipf-like (share 1/rank^${d.zipf_s}: ` +
      `the top affiliate ${d.click_shares.top1_pct} %, the top 5 ${d.click_shares.top5_pct} %, the top 10 ${d.click_shares.top10_pct} %); ` +
      `${f0(c.receipts)} receipts (${f0(c.credited_receipts)} credited, the rest no_referral or another losing outcome); ` +
      `${f0(c.entries)} ledger entries (${Object.entries(c.entry_types).map(([k, v]) => `${f0(v)} ${k}`).join(", ")}; ` +
      `${Object.entries(c.entry_currencies).map(([k, v]) => `${f0(v)} ${k}`).join(", ")}; ` +
      `${Object.entries(c.entry_statuses).map(([k, v]) => `${f0(v)} ${k}`).join(", ")}; ${f0(c.payouts)} payouts). Rows inserted in created_at order, as appended live.`
  )
  lines.push(
    `- Busy affiliate: ${d.busy.code} (rank 1, ${f0(d.busy.clicks_365d)} clicks, ${f0(d.busy.credited_365d)} credited orders, ${f0(d.busy.entries_365d)} entries in the year); ` +
      `typical: ${d.typical.code} (rank ${d.typical.rank} of ${c.affiliates}, the median: ${f0(d.typical.clicks_365d)} clicks, ${f0(d.typical.credited_365d)} credited orders, ${f0(d.typical.entries_365d)} entries).`
  )
  lines.push(
    `- Measured: \`AffiliateModuleService.getActivityReport({ affiliate_id, from, to, interval })\` (the module booted alone with MedusaApp, ` +
      `as Medusa's module test runner does; pool min ${d.pool.min} / max ${d.pool.max} as an app's), the method behind ` +
      "`GET /store/customers/me/affiliate/stats` and `GET /admin/affiliate-reports` (HTTP, auth and JSON not included). " +
      `\`to\` = the start of tomorrow (UTC), \`from\` = \`to\` minus 30 / 90 / 365 days. Each scenario warmed up ${P.vacuumed.warmup} times, then ` +
      `${P.vacuumed.runs} calls (the extra scenario ${P.vacuumed.extra_runs}), round-robin over the scenarios with the order rotated each round, ` +
      "alternating with the proposed SQL (below) per scenario. Percentiles are nearest-rank."
  )
  lines.push(
    `- Two table states: **vacuumed** (VACUUM ANALYZE after the fill: every page all-visible) and **autovacuum lag** (rows older than ` +
      `${Math.round(d.lag_share * 365)} days vacuumed, the newest ${Math.round(d.lag_share * 100)} % inserted afterwards and only ANALYZEd: the most ` +
      "autovacuum's default insert threshold leaves). Autovacuum is off for these tables during the run."
  )
  lines.push("")
  lines.push(...figuresTable(d, P.vacuumed, "**Vacuumed tables** (the headline figures):"))
  lines.push("")
  lines.push(...figuresTable(d, P.lag, "**Autovacuum lag** (newest 20 % of rows not yet vacuumed):"))
  lines.push("")
  lines.push("Where the time goes, vacuumed, service SQL: p50 per statement in ms, in the app (the first four run together, `top` after them, program-wide only):")
  lines.push("")
  lines.push(...statementTable(d, P.vacuumed, "real"))
  lines.push("")
  lines.push("#### Query plans")
  lines.push("")
  lines.push(
    "EXPLAIN (ANALYZE, BUFFERS) of each statement the method ran, with the SQL text and bindings captured from knex during a call and run " +
      "again on their own. Vacuumed tables, service SQL:"
  )
  lines.push("")
  lines.push(...planTable(d, P.vacuumed, "real"))
  lines.push("")
  lines.push("Autovacuum lag, service SQL:")
  lines.push("")
  lines.push(...planTable(d, P.lag, "real"))
  lines.push("")
  lines.push(...notes(d))
  lines.push("")
  lines.push("#### Proposals, measured")
  lines.push("")
  lines.push(...proposalTable(d))
  lines.push("")
  lines.push("Plans of the proposed SQL on the proposed indexes (vacuumed):")
  lines.push("")
  lines.push(...planTable(d, P.indexed, "proposed"))
  lines.push("")
  lines.push(...proposalText(d))
  lines.push("")
  lines.push("<details><summary>Full plans (vacuumed, service SQL)</summary>")
  lines.push("")
  for (const s of d.scenarios) {
    for (const p of P.vacuumed.plans[`${s.key}|real`]) {
      lines.push(`**${s.label}: ${p.statement}** (bindings: ${p.bindings.join(", ")})`)
      lines.push("")
      lines.push("```")
      lines.push(p.plan)
      lines.push("```")
      lines.push("")
    }
  }
  lines.push("</details>")
  lines.push("")
  lines.push(
    "Run: `node bench/reports/run.js` (to be `npm run bench -- reports`); knobs `BENCH_REPORT_RUNS` (60), `BENCH_REPORT_WARMUP` (10), " +
      "`BENCH_REPORT_EXTRA_RUNS` (20), `BENCH_REPORT_PROPOSALS=0` (service only, about half the time). Files: bench/reports/ (run.js driver, " +
      "reports.ts worker, fill.ts data set, proposals.ts proposed SQL and indexes, markdown.js this section); figures in bench/results/reports.json " +
      "(every plan in full, per-statement percentiles)."
  )
  return lines.join("\n")
}

module.exports = { renderReports, reportsSummary }
