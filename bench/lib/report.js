"use strict"
// Renders bench/results/<part>.json (whichever parts have results) as tables in
// bench/results/RESULTS.md, next to them and as gitignored as they are. BENCHMARKS.md is the
// hand-written summary of these figures.

const fs = require("fs")
const path = require("path")

const TARGETS = {
  release: 1.5, // service time / raw UPDATE time, at most
  clicks: 0.7, // click req/s / no-op req/s, at least
  attributionP95: 25, // ms, below
  reconcileMs: 10_000, // ms for one run after the changes, below
}

const num = (digits) => (n) => (n == null || Number.isNaN(n) ? "n/a" : n.toLocaleString("en-US", { maximumFractionDigits: digits, minimumFractionDigits: digits }))
const [f0, f1, f2] = [num(0), num(1), num(2)]
const s1 = (ms) => `${f1(ms / 1000)} s`
const pct = (r) => `${f0(r * 100)} %`
const verdict = (ok) => (ok ? "**pass**" : "**miss**")
const table = (head, rows) => [`| ${head.join(" | ")} |`, `|${head.map(() => "---").join("|")}|`, ...rows.map((r) => `| ${r.join(" | ")} |`)]
const codeBlock = (text) => ["```", text, "```"]

function runLine(r) {
  const m = r.machine
  const settings = Object.entries(m.postgres_settings).map(([k, v]) => `${k}=${v}`).join(", ")
  return [
    `Run: ${m.date}, \`${r.command}\`, ${s1(r.duration_ms)}. Machine: ${m.nproc} CPUs (${m.cpu_model}), ${m.memory_gib} GiB, ` +
      `Node ${m.node}, ${m.postgres} (${settings}). Load average (1/5/15 min) before ${r.loadavg_before.join(" / ")}, ` +
      `after ${r.loadavg_after.join(" / ")}.`,
    "",
  ]
}

// ---------------------------------------------------------------------------------------

function release(r) {
  const d = r.data
  const baselines = d.runs.filter((x) => x.kind === "baseline")
  const base = baselines.reduce((a, x) => a + x.ms, 0) / baselines.length
  const summary = d.runs
    .filter((x) => x.kind === "service")
    .map((x) => [`Release of ${f0(d.rows)} due entries, batch ${f0(x.batch_size)}`, `${f2(x.ms / base)}x the raw UPDATE (${s1(x.ms)} / ${s1(base)})`, `<= ${TARGETS.release}x`, x.ms / base <= TARGETS.release])
  const lines = [`## release: ${f0(d.rows)} due ledger entries`, "", ...runLine(r)]
  lines.push(
    `Data: ${f0(d.rows)} pending sale entries for ${d.affiliates} affiliates, inserted in ${s1(d.dataset.seed_ms)}; ledger ${f0(d.dataset.table_mb)} MB ` +
      `with ${d.dataset.indexes} indexes. Each run on its own copy of the template. Baseline: \`${d.baseline_sql}\`, first and last; reference = their mean, ${s1(base)}.`,
    ""
  )
  lines.push(
    ...table(
      ["Run", "Time", "vs raw UPDATE", "Batches", "WAL", "RSS before -> peak (growth)", "Node CPU"],
      d.runs.map((x) => [x.name, s1(x.ms), `${f2(x.ms / base)}x`, x.batches, `${f0(x.wal_mb)} MB`, `${f1(x.memory.rss_before_mb)} -> ${f1(x.memory.rss_peak_mb)} MB (+${f1(x.memory.rss_growth_mb)})`, `${f0(x.node_cpu_ms)} ms`])
    ),
    ""
  )
  if (d.child_max_rss_mb) lines.push(`Max RSS of the whole worker (\`/usr/bin/time -v\`): ${f1(d.child_max_rss_mb)} MB.`, "")
  lines.push("EXPLAIN (ANALYZE, BUFFERS, WAL) of the first batch statement each service run sent (captured from knex), on a fresh copy, rolled back:", "")
  lines.push(...table(["Statement", "Execution", "Join", "Review filter", "Seq scan of the ledger", "Temp blocks written"], d.explains.map((e) => [e.label, `${f0(e.execution_ms)} ms`, e.join, e.review_anti_join ?? "none", e.seq_scan_of_ledger ? "yes" : "no", f0(e.temp_blocks_written)])), "")
  for (const e of d.explains) lines.push(`${e.label}:`, "", ...codeBlock(e.sql), "", ...codeBlock(e.plan), "")
  return { summary, lines }
}

function clicks(r) {
  const d = r.data
  const cpu = (a) => `${f2(a.server_cpu_ms_per_req)} + ${f2(a.pg_cpu_ms_per_req)} ms`
  const row = (name, a, ratio) => [name, f0(a.rps), `${f1(a.p50_ms)} ms`, `${f1(a.p99_ms)} ms`, `${a.non2xx} / ${a.errors}`, cpu(a), ratio]
  const lines = [`## clicks: POST /store/affiliates/:code/clicks vs a no-op store route`, "", ...runLine(r)]
  lines.push(
    `Load: autocannon, ${d.connections} connections, ${d.warmup_s} s warm-up per route, ${d.duration_s} s per measured run, ${d.rounds} rounds, the three routes side by side in each, in rotated order. ` +
      "CPU per request: CPU time of the app process and of its PostgreSQL backends (from /proc) divided by the requests served.",
    ""
  )
  lines.push(
    ...table(["Route", "req/s", "p50", "p99", "non-2xx / errors", "CPU per request (app + PostgreSQL)", "vs no-op"], [
      row("no-op store route (baseline)", d.noop, "100 %"),
      row("click, random session (inserts)", d.click, pct(d.ratio)),
      row("click, fixed session (dedup)", d.dedup, pct(d.dedup_ratio)),
    ]),
    ""
  )
  lines.push(...table(["Run", "req/s", "p50", "p99", "CPU per request", "Load avg before"], d.runs.map((x) => [`${x.label}${x.round ? ` (round ${x.round})` : ""}`, f0(x.rps), `${x.p50_ms} ms`, `${x.p99_ms} ms`, cpu(x), x.loadavg_1m_before])), "")
  const rows = d.rows
  const consistent = rows.inserted >= rows.expected && rows.inserted <= rows.expected + rows.in_flight_allowance
  lines.push(
    `Click/no-op per round: ${d.ratio_per_round.map(pct).join(", ")}; dedup/no-op: ${(d.dedup_ratio_per_round ?? []).map(pct).join(", ")}. Rows: ${f0(rows.inserted)} clicks inserted for ${f0(rows.expected)} 201 responses ` +
      `(up to ${f0(rows.in_flight_allowance)} more expected from requests in flight when a run stops): ${consistent ? "consistent" : "**inconsistent**"}; ` +
      `the fixed session got ${f0(rows.fixed_200)} deduplicated 200s.`,
    ""
  )
  const summary = [
    ["Click route, insert path, req/s vs no-op store route", `${pct(d.ratio)} (${f0(d.click.rps)} / ${f0(d.noop.rps)} req/s)`, `>= ${pct(TARGETS.clicks)}`, d.ratio >= TARGETS.clicks],
    ["Click route, dedup path, req/s vs no-op store route", `${pct(d.dedup_ratio)} (${f0(d.dedup.rps)} / ${f0(d.noop.rps)} req/s)`, `>= ${pct(TARGETS.clicks)}`, d.dedup_ratio >= TARGETS.clicks],
  ]
  return { summary, lines }
}

function attribution(r) {
  const d = r.data
  const c = d.checks.final
  const clean = c.sale_entries === d.orders && c.duplicate_sale_orders + c.duplicate_idempotency_keys + c.duplicate_receipts === 0 && d.rerun.entries_created === 0
  const lines = [`## attribution: ${f0(d.orders)} placed orders`, "", ...runLine(r)]
  lines.push(`Orders: ${f0(d.orders)} made with createOrderWorkflow in ${s1(d.create_orders_wall_ms)} (not measured), referral code in metadata, 20 affiliates.`, "")
  const row = (name, s) => [name, `${f1(s.p50)} ms`, `${f1(s.p95)} ms`, `${f1(s.p99)} ms`, `${f1(s.max)} ms`, f1(s.orders_per_s ?? d.orders / (s.wall_ms / 1000)), `${f1(s.node_cpu_ms_per_order)} ms`, s.created ?? "-", s.entries_created ?? "-"]
  lines.push(
    ...table(["Pass", "p50", "p95", "p99", "max", "orders/s", "Node CPU per order", "Receipts created", "Entries created"], [
      row("baseline: Medusa's order read (getOrderDetailWorkflow, store fields), sequential", d.order_read),
      row("attributeOrderWorkflow, sequential, first time", d.sequential),
      row("attributeOrderWorkflow, concurrency 4, first time", d.concurrent),
      row("attributeOrderWorkflow, concurrency 4, re-run", d.rerun),
    ]),
    ""
  )
  lines.push("Mean / p95 per workflow step (from the steps' start stamps, ms resolution):", "")
  const cell = (s, n) => (s.steps[n] ? `${f1(s.steps[n].mean)} / ${f0(s.steps[n].p95)} ms` : "-")
  lines.push(...table(["Step", "sequential", "concurrency 4", "re-run"], Object.keys(d.sequential.steps).map((n) => [n, cell(d.sequential, n), cell(d.concurrent, n), cell(d.rerun, n)])), "")
  lines.push(
    `Checks after all passes: ${f0(c.sale_entries)} sale entries (expected ${f0(d.orders)}), ${f0(c.receipts)} receipts (${f0(c.credited_receipts)} credited); ` +
      `duplicate sale entries per order ${c.duplicate_sale_orders}, duplicate idempotency keys ${c.duplicate_idempotency_keys}, duplicate receipts ${c.duplicate_receipts}.`,
    ""
  )
  return {
    summary: [
      [`Attribution of ${f0(d.orders)} orders, p95 per order (sequential)`, `${f1(d.sequential.p95)} ms (Medusa's order read alone: ${f1(d.order_read.p95)} ms)`, `< ${TARGETS.attributionP95} ms`, d.sequential.p95 < TARGETS.attributionP95],
      ["Attribution: duplicates after a concurrent re-run of every order", `${f0(c.sale_entries)} sale entries, ${c.duplicate_sale_orders + c.duplicate_idempotency_keys + c.duplicate_receipts} duplicates`, `${f0(d.orders)} entries, 0 duplicates`, clean],
    ],
    lines,
  }
}

function reportsLevel(r, d) {
  const P = d.passes
  const target = r.data.target_p95_ms
  const of = (pass, s) => pass.scenarios.find((x) => x.key === s.key)
  const lines = [`### ${f0(d.counts.clicks)} clicks`, ""]
  lines.push(
    `Data (filled in ${s1(d.fill_ms)}): ${JSON.stringify(d.counts)}; clicks split Zipf-like (1/rank^${r.data.zipf_s}); busy affiliate ${d.busy.code} ` +
      `(${f0(d.busy.clicks)} clicks), typical ${d.typical.code} (rank ${d.typical.rank}, ${f0(d.typical.clicks)} clicks). ` +
      `${P.vacuumed.warmup} warm-up calls, then ${P.vacuumed.runs} per scenario, round-robin. "Lag": the newest ${f0(r.data.lag_share * 100)} % of rows not vacuumed. ` +
      `Daily rollup: built from the rows in ${s1(d.rollup.build_ms)} (${f0(d.rollup.activity_rows)} activity and ${f0(d.rollup.commission_rows)} commission rows); the next day's hourly run took ${f0(d.rollup.next_day_ms)} ms.`,
    ""
  )
  const STATEMENTS = ["mark", "buckets", "clicks", "orders", "money", "top"]
  lines.push(
    ...table(["Scenario", "In range: clicks / credited orders / entries", "vacuumed p50 / p95 / max", "lag p50 / p95 / max", `p95 < ${target} ms (vacuumed)`, ...STATEMENTS.map((s) => `${s} p50`)], d.scenarios.map((s) => {
      const [v, l] = [of(P.vacuumed, s), of(P.lag, s)]
      const rr = s.rows_in_range
      return [s.label, `${f0(rr.clicks)} / ${f0(rr.credited_orders)} / ${f0(rr.entries)}`, `${f1(v.p50)} / ${f1(v.p95)} / ${f1(v.max)} ms`, `${f1(l.p50)} / ${f1(l.p95)} / ${f1(l.max)} ms`, verdict(v.p95 < target), ...STATEMENTS.map((st) => (v.statements[st] ? f1(v.statements[st].p50) : "-"))]
    })),
    ""
  )
  lines.push("EXPLAIN (ANALYZE, BUFFERS) of each statement getActivityReport ran, as captured from knex:", "")
  const planRows = []
  for (const [name, pass] of [["vacuumed", P.vacuumed], ["lag", P.lag]]) {
    for (const s of d.scenarios) {
      for (const p of of(pass, s).plans) {
        planRows.push([name, s.key, p.statement, p.scans.map((x) => `\`${x}\``).join(", ") || "(no table)", f0(p.heap_fetches), `${f0(p.shared_hit)} / ${f0(p.shared_read)}`, `${p.execution_ms} ms${p.jit_ms != null ? ` (JIT ${p.jit_ms} ms)` : ""}`, p.seq_scan_on_big_table.join(", ") || "no"])
      }
    }
  }
  lines.push(...table(["Pass", "Scenario", "Statement", "Scans", "Heap fetches", "Buffers hit / read", "Time", "Seq Scan on a big table"], planRows), "")
  lines.push("<details><summary>Full plans, vacuumed</summary>", "")
  for (const s of d.scenarios) {
    for (const p of of(P.vacuumed, s).plans) lines.push(`**${s.label}: ${p.statement}** (bindings: ${p.bindings.join(", ")})`, "", ...codeBlock(`${p.sql}\n\n${p.plan}`), "")
  }
  lines.push("</details>", "")
  const summary = d.scenarios.map((s) => [`Activity report: ${s.label}`, `p95 ${f1(of(P.vacuumed, s).p95)} ms (lag: ${f1(of(P.lag, s).p95)} ms)`, `p95 < ${target} ms`, of(P.vacuumed, s).p95 < target])
  return { summary, lines }
}

function reports(r) {
  const d = r.data
  const target = d.target_p95_ms
  const levels = d.levels
  const largest = levels[levels.length - 1]
  const p95 = (level, key) => level.passes.vacuumed.scenarios.find((x) => x.key === key).p95
  const lines = [`## reports: portal stats and admin activity report at ${levels.map((l) => f0(l.counts.clicks)).join(", ")} clicks`, "", ...runLine(r)]
  lines.push("p95 (vacuumed) per scenario as the data grows; the cost is the days asked for, not the rows they hold:", "")
  lines.push(
    ...table(["Scenario", ...levels.map((l) => `${f0(l.counts.clicks)} clicks / ${f0(l.counts.entries)} entries`), `growth ${f0(levels[0].counts.clicks)} -> ${f0(largest.counts.clicks)}`], largest.scenarios.map((s) => [
      s.label.replace(/\(BENCH\d+\)/, "").replace(/\s+,/, ","),
      ...levels.map((l) => `${f1(p95(l, s.key))} ms`),
      `${f1(p95(largest, s.key) / p95(levels[0], s.key))}x`,
    ])),
    ""
  )
  for (const level of levels) lines.push(...reportsLevel(r, level).lines)
  const summary = reportsLevel(r, largest).summary.map(([name, ...rest]) => [`${name} (${f0(largest.counts.clicks)} clicks, ${f0(largest.counts.entries)} entries)`, ...rest])
  return { summary, lines }
}

function reconcile(r) {
  const d = r.data
  const st = d.store
  const ch = d.checks
  const found = d.changed_run.result.checked_orders === st.changed_orders && ch.reversed_orders === st.changed_orders && Math.abs(ch.reversed + ch.canceled_sales) < 1e-6
  const lines = [`## reconcile: the reconcile job on ${f0(st.orders)} orders (${f0(st.credited_receipts)} credited), ${f0(st.changed_orders)} changed`, "", ...runLine(r)]
  lines.push(
    `Store: ${f0(st.real_orders)} real orders (createOrderWorkflow, attributed), the rest copies of their rows with receipts and sale entries, stamped 1-90 days ago; ` +
      `beside them ${f0(st.order_transactions)} order transactions, ${f0(st.captures)} payment captures, ${f0(st.order_changes)} order changes, ${f0(st.refunds)} refunds; ` +
      `${f0(st.ledger_entries)} ledger entries. The cursors stand at a run a minute earlier; then ${f0(st.changed_orders)} real orders are canceled with cancelOrderWorkflow and no subscriber (their event lost).`,
    ""
  )
  const row = (name, x) => [name, `${f0(x.ms)} ms`, `${f0(x.node_cpu_ms)} ms`, f0(x.result.scanned_orders), f0(x.result.checked_orders), f0(x.result.recomputed), f0(x.result.corrections)]
  lines.push(
    ...table(["Run", "Time", "Node CPU", "Placed orders scanned", "Changed orders read", "Recomputed", "Entries booked"], [
      row("after the cancels", d.changed_run),
      row("right after (the changes still in the cursor overlap)", d.again_run),
      ...d.idle_runs.runs.map((x, i) => row(`nothing changed since the cursor (${i + 1}/${d.idle_runs.runs.length})`, x)),
    ]),
    "",
    `Nothing changed: p50 ${f0(d.idle_runs.p50)} ms, max ${f0(d.idle_runs.max)} ms over ${d.idle_runs.runs.length} runs. ` +
      `Checks: ${f0(ch.reversed_orders)} orders reversed (${f0(ch.reversal_entries)} entries, ${f2(ch.reversed)} against ${f2(ch.canceled_sales)} of their sales): ${found ? "every canceled order, nothing else" : "**wrong**"}.`,
    ""
  )
  return {
    summary: [
      [`Reconcile run, ${f0(st.credited_receipts)} credited orders, ${f0(st.changed_orders)} changed`, `${s1(d.changed_run.ms)}, read ${f0(d.changed_run.result.checked_orders)} orders, booked ${f0(d.changed_run.result.corrections)}`, `< ${s1(TARGETS.reconcileMs)}, ~${f0(st.changed_orders)} orders read`, found && d.changed_run.ms < TARGETS.reconcileMs],
      [`Reconcile run, nothing changed`, `p50 ${f0(d.idle_runs.p50)} ms, 0 orders read`, "(stated)", d.idle_runs.runs.every((x) => x.result.checked_orders === 0)],
    ],
    lines,
  }
}

const RENDER = { release, clicks, attribution, reports, reconcile }

/** Writes resultsDir/RESULTS.md from the part files present; returns its path. */
function writeResults(resultsDir) {
  const parts = Object.keys(RENDER)
    .filter((p) => fs.existsSync(path.join(resultsDir, `${p}.json`)))
    .map((p) => RENDER[p](JSON.parse(fs.readFileSync(path.join(resultsDir, `${p}.json`), "utf8"))))
  const out = [
    "# Benchmark results (generated)",
    "",
    "Written by `npm run bench` from bench/results/*.json, each part from its own last run (dates below). Not committed: BENCHMARKS.md is the hand-written summary.",
    "",
    ...table(["Benchmark", "Figure", "Target", "Result"], parts.flatMap((p) => p.summary).map(([name, figure, target, ok]) => [name, figure, target, verdict(ok)])),
    "",
    ...parts.flatMap((p) => p.lines),
  ]
  const file = path.join(resultsDir, "RESULTS.md")
  fs.writeFileSync(file, out.join("\n"))
  return file
}

module.exports = { writeResults }
