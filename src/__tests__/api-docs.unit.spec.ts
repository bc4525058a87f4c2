import fs from "fs"
import path from "path"
import { PLUGIN_ROUTE_MATCHERS } from "../api/middlewares"
import { AffiliateEvents } from "../events"
import { affiliateOptionsSchema } from "../modules/affiliate/options"
import { servedRoutes } from "./served-routes"

// docs/API.md is the project's HTTP reference: these tests keep it equal to the code.
const ROOT = path.join(__dirname, "..", "..")
const doc = fs.readFileSync(path.join(ROOT, "docs", "API.md"), "utf8")

/** The text of the doc's section headed `title`, up to the next heading of that level. */
function section(title: string): string {
  const level = title.match(/^#+/)![0]
  const start = doc.indexOf(`${title}\n`)
  expect(start).toBeGreaterThanOrEqual(0)
  const rest = doc.slice(start + title.length + 1)
  const next = rest.search(new RegExp(`^${level} `, "m"))
  return next === -1 ? rest : rest.slice(0, next)
}

/** The first cells of a section's table rows, without their backticks. */
const firstCells = (text: string) =>
  [...text.matchAll(/^\| `([^`]+)` \|/gm)].map((m) => m[1])

describe("docs/API.md", () => {
  it("lists every route the plugin serves, and no other", () => {
    const documented = [section("## Store routes"), section("## Admin routes")].flatMap(firstCells)
    expect(new Set(documented).size).toBe(documented.length)
    expect([...documented].sort()).toEqual(servedRoutes().sort())
  })

  it("every route with a path parameter has its own matcher for the checks all routes share", () => {
    const documented = [section("## Store routes"), section("## Admin routes")].flatMap(firstCells)
    const withParams = [...new Set(documented.map((r) => r.split(" ")[1]).filter((p) => p.includes(":")))]
    expect(withParams.filter((p) => !PLUGIN_ROUTE_MATCHERS.includes(p))).toEqual([])
  })

  it("lists every plugin option, and no other", () => {
    const shape = affiliateOptionsSchema.shape
    const program = (shape.defaultProgram as any)._zod.def.innerType.shape as Record<string, unknown>
    const options = [
      ...Object.keys(program).map((key) => `defaultProgram.${key}`),
      ...Object.keys(shape).filter((key) => key !== "defaultProgram"),
    ]
    expect(firstCells(section("## Options")).sort()).toEqual(options.sort())
  })

  it("lists every event the plugin emits, and no other", () => {
    expect(firstCells(section("## Events")).sort()).toEqual(Object.values(AffiliateEvents).sort())
  })

  it("is what the source refers to: no comment cites a document outside the repository", () => {
    const sources = listSources(path.join(ROOT, "src"))
    const citing = sources.filter((file) => /SPEC §|shared\/API\.md|\bSPEC\.md|(?<!docs\/)API\.md/.test(fs.readFileSync(file, "utf8")))
    expect(citing.map((file) => path.relative(ROOT, file))).toEqual([])
  })
})

function listSources(dir: string): string[] {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const full = path.join(dir, entry.name)
    if (entry.isDirectory()) {
      return listSources(full)
    }
    return /\.(ts|tsx)$/.test(entry.name) && full !== __filename ? [full] : []
  })
}
