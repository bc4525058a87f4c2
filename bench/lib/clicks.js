/* eslint-disable no-console */
// Part "clicks": POST /store/affiliates/:code/clicks against a no-op store route in the same
// app, under the same autocannon load, in alternating order; CPU per request from /proc.
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
  for (const pid of await backendPids()) backends[pid] = processCpuMs(pid) ?? 0
  return { server: processCpuMs(serverPid), backends }
}

/** One autocannon run. `session`: "random" (every click inserts) or "fixed" (dedup). */
async function load({ baseUrl, key, path, session, connections, duration, serverPid, backendPids }) {
  const loadBefore = os.loadavg()[0]
  const before = await cpuSnapshot(serverPid, backendPids)
  const result = await autocannon({
    url: baseUrl,
    connections,
    duration,
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
  const after = await cpuSnapshot(serverPid, backendPids)
  // Backends that started during the run count from zero; ones that ended are missed.
  const pg = Object.entries(after.backends).reduce((a, [pid, ms]) => a + ms - (before.backends[pid] ?? 0), 0)
  const server = before.server != null && after.server != null ? after.server - before.server : null
  const requests = result.requests.total
  const status = (code) => result.statusCodeStats?.[code]?.count ?? 0
  return {
    path,
    session,
    duration_s: result.duration,
    requests,
    rps: requests / result.duration,
    p50_ms: result.latency.p50,
    p99_ms: result.latency.p99,
    non2xx: result.non2xx,
    errors: result.errors,
    created: status("201"),
    deduplicated: status("200"),
    loadavg_1m_before: Math.round(loadBefore * 100) / 100,
    server_cpu_ms: server,
    pg_cpu_ms: pg,
    server_cpu_ms_per_req: server != null ? server / requests : null,
    pg_cpu_ms_per_req: pg / requests,
  }
}

/** Rounds together: requests over seconds; latency the mean of the rounds. */
function aggregate(runs) {
  const sum = (key) => runs.reduce((a, r) => a + r[key], 0)
  const requests = sum("requests")
  return {
    runs: runs.length,
    requests,
    rps: requests / sum("duration_s"),
    p50_ms: sum("p50_ms") / runs.length,
    p99_ms: sum("p99_ms") / runs.length,
    non2xx: sum("non2xx"),
    errors: sum("errors"),
    server_cpu_ms_per_req: runs.every((r) => r.server_cpu_ms != null) ? sum("server_cpu_ms") / requests : null,
    pg_cpu_ms_per_req: sum("pg_cpu_ms") / requests,
  }
}

async function clicksBench({ baseUrl, key, code, connections, duration, warmup, rounds, log, countClicks, serverPid, backendPids }) {
  const common = { baseUrl, key, connections, serverPid, backendPids }
  const specs = {
    noop: { ...common, path: "/store/bench-noop", session: "random" },
    click: { ...common, path: `/store/affiliates/${code}/clicks`, session: "random" },
    dedup: { ...common, path: `/store/affiliates/${code}/clicks`, session: "fixed" },
  }
  const all = []
  const measure = async (label, spec, seconds, round) => {
    const r = { label, round, ...(await load({ ...spec, duration: seconds })) }
    all.push(r)
    const cpu = `${r.server_cpu_ms_per_req?.toFixed(2) ?? "n/a"} + ${r.pg_cpu_ms_per_req.toFixed(2)} ms`
    log(`${label}${round ? ` (round ${round})` : ""}: ${r.rps.toFixed(0)} req/s, p50 ${r.p50_ms} ms, p99 ${r.p99_ms} ms, ${r.non2xx} non-2xx, CPU/req ${cpu}, load ${r.loadavg_1m_before}`)
    return r
  }

  const clicksBefore = await countClicks()
  await measure("warm-up no-op", specs.noop, warmup)
  await measure("warm-up click", specs.click, warmup)
  await measure("warm-up click, fixed session", specs.dedup, Math.min(warmup, 3))
  // The three side by side in every round, each round in another order (no-op, insert,
  // dedup; then rotated), so each path meets the same machine state as the no-op route.
  const order = ["noop", "click", "dedup"]
  const labels = { noop: "no-op route", click: "click route, random session", dedup: "click route, fixed session (dedup)" }
  const measured = { noop: [], click: [], dedup: [] }
  for (let round = 1; round <= rounds; round++) {
    const shift = (round - 1) % order.length
    for (const which of [...order.slice(shift), ...order.slice(0, shift)]) {
      measured[which].push(await measure(labels[which], specs[which], duration, round))
    }
  }
  const inserted = (await countClicks()) - clicksBefore

  const clickRuns = all.filter((r) => r.path !== specs.noop.path)
  const [noop, click, dedup] = [aggregate(measured.noop), aggregate(measured.click), aggregate(measured.dedup)]
  return {
    rounds,
    connections,
    duration_s: duration,
    warmup_s: warmup,
    noop,
    click,
    dedup,
    ratio: click.rps / noop.rps,
    ratio_per_round: measured.click.map((c, i) => c.rps / measured.noop[i].rps),
    dedup_ratio: dedup.rps / noop.rps,
    dedup_ratio_per_round: measured.dedup.map((d, i) => d.rps / measured.noop[i].rps),
    rows: {
      inserted,
      expected: clickRuns.reduce((a, r) => a + r.created, 0),
      fixed_200: all.filter((r) => r.session === "fixed").reduce((a, r) => a + r.deduplicated, 0),
      // autocannon stops with up to `connections` requests in flight per run: the server still
      // completes them, so up to that many rows more than the 201s counted are expected.
      in_flight_allowance: clickRuns.length * connections,
    },
    runs: all,
  }
}

module.exports = { clicksBench }
