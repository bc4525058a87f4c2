"use strict"
// The reliability suites (the route fuzzer, the authorization matrix, the cluster chaos test)
// each record what they ran and what they found as reliability/results/<suite>.json, then
// re-render RELIABILITY.md's figures from every result present: the page always shows the
// last run of each suite, with its date and commit.

const fs = require("fs")
const os = require("os")
const path = require("path")
const { execFileSync } = require("child_process")

const ROOT = path.resolve(__dirname, "..", "..")
const RESULTS = path.join(ROOT, "reliability", "results")
const PAGE = path.join(ROOT, "RELIABILITY.md")
const START = "<!-- figures:start (written by the suites: scripts/lib/reliability.js) -->"
const END = "<!-- figures:end -->"

function commit() {
  try {
    const sha = execFileSync("git", ["rev-parse", "--short", "HEAD"], { cwd: ROOT, stdio: ["ignore", "pipe", "ignore"] })
      .toString()
      .trim()
    const dirty = execFileSync("git", ["status", "--porcelain", "--", "src"], { cwd: ROOT, stdio: ["ignore", "pipe", "ignore"] })
      .toString()
      .trim()
    return dirty ? `${sha} with uncommitted changes in src/` : sha
  } catch {
    return "unknown"
  }
}

const cell = (value) => String(value).replace(/\|/g, "\\|").replace(/\n/g, " ")

/**
 * Records one suite's run and re-renders RELIABILITY.md.
 * `result`: { title, order (position on the page), command, summary: [[what, figure]],
 *             tables?: [{ title, columns: [..], rows: [[..]] }], notes?: [".."] }
 */
function recordReliability(suite, result) {
  fs.mkdirSync(RESULTS, { recursive: true })
  const record = {
    ...result,
    suite,
    ran_at: new Date().toISOString(),
    commit: commit(),
    machine: `${os.cpus().length} CPUs, Node ${process.version}, load average ${os
      .loadavg()
      .map((n) => n.toFixed(2))
      .join(" / ")}`,
  }
  fs.writeFileSync(path.join(RESULTS, `${suite}.json`), JSON.stringify(record, null, 2) + "\n")
  renderReliability()
  return record
}

function renderSuite(r) {
  const lines = [`### ${r.title}`, "", `\`${r.command}\`, ${r.ran_at.slice(0, 16).replace("T", " ")} UTC, commit ${r.commit}; ${r.machine}.`, ""]
  lines.push("| What | Figure |", "|---|---|", ...r.summary.map(([what, figure]) => `| ${cell(what)} | ${cell(figure)} |`), "")
  for (const t of r.tables ?? []) {
    lines.push(`${t.title}:`, "", `| ${t.columns.map(cell).join(" | ")} |`, `|${t.columns.map(() => "---").join("|")}|`)
    lines.push(...t.rows.map((row) => `| ${row.map(cell).join(" | ")} |`), "")
  }
  for (const note of r.notes ?? []) lines.push(note, "")
  return lines
}

function renderReliability() {
  if (!fs.existsSync(PAGE)) return
  const records = fs
    .readdirSync(RESULTS)
    .filter((f) => f.endsWith(".json"))
    .map((f) => JSON.parse(fs.readFileSync(path.join(RESULTS, f), "utf8")))
    .sort((a, b) => (a.order ?? 99) - (b.order ?? 99))
  const page = fs.readFileSync(PAGE, "utf8")
  const from = page.indexOf(START)
  const to = page.indexOf(END)
  if (from < 0 || to < from) return
  const figures = records.flatMap(renderSuite)
  fs.writeFileSync(PAGE, `${page.slice(0, from + START.length)}\n\n${figures.join("\n")}\n${page.slice(to)}`)
}

module.exports = { recordReliability, renderReliability }
