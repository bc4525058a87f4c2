import fs from "fs"
import path from "path"

const API_DIR = path.join(__dirname, "..", "api")

function routeFiles(dir: string): string[] {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const full = path.join(dir, entry.name)
    return entry.isDirectory() ? routeFiles(full) : entry.name === "route.ts" ? [full] : []
  })
}

/** Every `METHOD /path` the plugin serves, from the exports of src/api's route files. */
export function servedRoutes(): string[] {
  return routeFiles(API_DIR).flatMap((file) => {
    const route =
      "/" +
      path
        .relative(API_DIR, path.dirname(file))
        .split(path.sep)
        .map((part) => part.replace(/^\[(\w+)\]$/, ":$1"))
        .join("/")
    const source = fs.readFileSync(file, "utf8")
    return [...source.matchAll(/^export const (GET|POST|PUT|PATCH|DELETE)\b/gm)].map((m) => `${m[1]} ${route}`)
  })
}
