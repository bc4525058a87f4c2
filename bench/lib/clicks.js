/* eslint-disable no-console */
// Benchmark 2: POST /store/affiliates/:code/clicks against a no-op store route in the same
// app, under the same autocannon load, in alternating order.
"use strict"

const crypto = require("crypto")
const fs = require("fs")
const os = require("os")
const { execFileSync } = require("child_process")
const autocannon = require("autocannon")

let clockTicks = 100
try {
  clockTicks = Number(execFileSync("getconf", ["CLK_TCK"]).toString().trim()) || 100
} catch {}

/** CPU time (user + system, ms) a process has used so far; null when /proc does not have it. */
function processCpuMs(pid) {
  try {
    const stat = fs.readFileSync(`/proc/${pid}/stat`, "utf8")
    const fields = stat.slice(stat.lastIndexOf(")") + 2).split(" ")
    return ((Number(fields[11]) + Number(fields[12])) * 1000) / clockTicks
  } catch {
    return null
  }
}

/** CPU used so far by the app server and by the PostgreSQL backends serving its database. */
async function cpuSnapshot(serverPid, backendPids) {
  const backends = {}
  for (const pid of await backendPids()) {
    const ms = processCpuMs(pid)
    if (ms != null) backends[pid] = ms
  }
  return { server: processCpuMs(serverPid), backends }
}

function cpuDiff(before, after) {
  const pg = Object.entries(after.backends).reduce((a, [pid, ms]) => a + ms - (before.backends[pid] ?? 0), 0)
  return {
    server_ms: before.server != null && after.server != null ? after.server - before.server : null,
    // Backends that started during the run count from zero; ones that ended are missed.
    pg_ms: Object.keys(after.backends).length ? pg : null,
  }
}

const fmt = (n) => (n == null ? "n/a" : n.toFixed(2))

const ROUTES = {
  noop: "/store/bench-noop",
  click: (code) => `/store/affiliates/${code}/clicks`,
}

/** One autocannon run. `session`: "random" (every click inserts) or "fixed" (dedup). */
async function load({ baseUrl, key, path, session, connections, duration, serverPid, backendPids }) {
  const loadBefore = os.loadavg()[0]
  const cpuBefore = await cpuSnapshot(serverPid, backendPids)
  const result = await autocannon({
    url: baseUrl,
    connections,
    duration,
    pipelining: 1,
    headers: { "x-publishable-api-key": key, "content-type": "application/json" },
    requests: [
      {
        method: "POST",
        path,
        setupRequest: (request) => ({
          ...request,
          body: JSON.stringify({
            session_id: session === "random" ? crypto.randomUUID() : "bench-fixed-session",
            landing_url: "https://shop.example/products/shirt?ref=BENCHCLICK",
          }),
        }),
      },
    ],
  })
  const cpu = cpuDiff(cpuBefore, await cpuSnapshot(serverPid, backendPids))
  const statuses = Object.fromEntries(
    Object.entries(result.statusCodeStats || {}).map(([code, stat]) => [code, stat.count])
  )
  return {
    path,
    session,
    duration_s: result.duration,
    requests: result.requests.total,
    rps: result.requests.total / result.duration,
    p50_ms: result.latency.p50,
    p90_ms: result.latency.p90,
    p99_ms: result.latency.p99,
    max_ms: result.latency.max,
    non2xx: result.non2xx,
    errors: result.errors,
    timeouts: result.timeouts,
    statuses,
    loadavg_1m_before: Math.round(loadBefore * 100) / 100,
    server_cpu_ms: cpu.server_ms,
    pg_cpu_ms: cpu.pg_ms,
    server_cpu_ms_per_req: cpu.server_ms != null ? cpu.server_ms / result.requests.total : null,
    pg_cpu_ms_per_req: cpu.pg_ms != null ? cpu.pg_ms / result.requests.total : null,
  }
}

function aggregate(runs) {
  const requests = runs.reduce((a, r) => a + r.requests, 0)
  const duration = runs.reduce((a, r) => a + r.duration_s, 0)
  const mean = (key) => runs.reduce((a, r) => a + r[key], 0) / runs.length
  const perReq = (key) => (runs.every((r) => r[key] != null) ? runs.reduce((a, r) => a + r[key], 0) / requests : null)
  return {
    server_cpu_ms_per_req: perReq("server_cpu_ms"),
    pg_cpu_ms_per_req: perReq("pg_cpu_ms"),
    runs: runs.length,
    requests,
    rps: requests / duration,
    p50_ms: mean("p50_ms"),
    p99_ms: mean("p99_ms"),
    non2xx: runs.reduce((a, r) => a + r.non2xx, 0),
    errors: runs.reduce((a, r) => a + r.errors, 0),
  }
}

async function clicksBench({ baseUrl, key, code, connections, duration, warmup, rounds: roundCount, log, countClicks, serverPid, backendPids }) {
  const common = { baseUrl, key, connections, serverPid, backendPids }
  const noop = { ...common, path: ROUTES.noop, session: "random" }
  const click = { ...common, path: ROUTES.click(code), session: "random" }
  const dedup = { ...common, path: ROUTES.click(code), session: "fixed" }
  const all = []
  const measure = async (label, spec, seconds, round) => {
    const r = await load({ ...spec, duration: seconds })
    all.push({ label, round, ...r })
    log(
      `${label}${round ? ` (round ${round})` : ""}: ${r.rps.toFixed(0)} req/s, p50 ${r.p50_ms} ms, p99 ${r.p99_ms} ms` +
        `${r.non2xx || r.errors ? `, ${r.non2xx} non-2xx, ${r.errors} errors` : ""}, CPU/req server ${fmt(r.server_cpu_ms_per_req)} ms + ` +
        `PostgreSQL ${fmt(r.pg_cpu_ms_per_req)} ms, load ${r.loadavg_1m_before}`
    )
    return r
  }

  const clicksBefore = await countClicks()
  await measure("warm-up no-op", noop, warmup)
  await measure("warm-up click", click, warmup)
  // Alternating order: no-op first in odd rounds, click first in even rounds.
  const rounds = Array.from({ length: roundCount }, (_, i) => (i % 2 === 0 ? ["noop", "click"] : ["click", "noop"]))
  const measured = { noop: [], click: [] }
  let round = 0
  for (const order of rounds) {
    round++
    for (const which of order) {
      measured[which].push(
        await measure(which === "noop" ? "no-op route" : "click route, random session", which === "noop" ? noop : click, duration, round)
      )
    }
  }
  await measure("warm-up click, fixed session", dedup, Math.min(warmup, 3))
  const dedupRun = await measure("click route, fixed session (dedup)", dedup, duration)
  const clicksAfter = await countClicks()

  const created = all
    .filter((r) => r.session === "random" && r.path !== ROUTES.noop)
    .reduce((a, r) => a + (r.statuses["201"] || 0), 0)
  const fixedCreated = all.filter((r) => r.session === "fixed").reduce((a, r) => a + (r.statuses["201"] || 0), 0)
  const noopAgg = aggregate(measured.noop)
  const clickAgg = aggregate(measured.click)
  const dedupAgg = aggregate([dedupRun])
  const clickRuns = all.filter((r) => r.session === "random" && r.path !== ROUTES.noop).length
  return {
    rounds: roundCount,
    connections,
    duration_s: duration,
    warmup_s: warmup,
    noop: noopAgg,
    click: clickAgg,
    dedup: dedupAgg,
    ratio: clickAgg.rps / noopAgg.rps,
    ratio_per_round: measured.click.map((c, i) => c.rps / measured.noop[i].rps),
    dedup_ratio: dedupAgg.rps / noopAgg.rps,
    rows: {
      inserted: clicksAfter - clicksBefore,
      expected: created + fixedCreated,
      random_201: created,
      fixed_201: fixedCreated,
      fixed_200: all.filter((r) => r.session === "fixed").reduce((a, r) => a + (r.statuses["200"] || 0), 0),
      // autocannon stops with up to `connections` requests in flight per run: the server still
      // completes them, so up to that many rows more than the 201s counted are expected.
      in_flight_allowance: clickRuns * connections,
    },
    runs: all,
  }
}

module.exports = { clicksBench }
