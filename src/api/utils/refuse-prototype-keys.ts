import { MedusaNextFunction, MedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { MedusaError } from "@medusajs/framework/utils"

const isPrototypeKey = (name: string) => Object.prototype.hasOwnProperty.call(Object.prototype, name)

/**
 * The path (`__proto__`, `created_at.toString`) of the first query parameter named after a
 * property of Object.prototype, read from the raw query string, or null.
 */
export function pathOfPrototypeQueryKey(rawQuery: string): string | null {
  for (const key of new URLSearchParams(rawQuery).keys()) {
    const [base] = key.split("[")
    const path = [base, ...[...key.matchAll(/\[([^\]]*)\]/g)].map((m) => m[1])]
    if (path.some(isPrototypeKey)) {
      return path.filter(Boolean).join(".")
    }
  }
  return null
}

/**
 * Refuses a query parameter such as `__proto__[x]`, `constructor` or `toString` with a 400
 * naming it. Express's query parser drops these silently, so the validators never see them
 * and the request would be answered as if they were not there, unlike any other unknown
 * parameter.
 */
export function refusePrototypeQueryKeys(req: MedusaRequest, _res: MedusaResponse, next: MedusaNextFunction) {
  const url = req.originalUrl ?? req.url ?? ""
  const at = url.indexOf("?")
  const field = at < 0 ? null : pathOfPrototypeQueryKey(url.slice(at + 1))
  if (field) {
    return next(new MedusaError(MedusaError.Types.INVALID_DATA, `${field}: is not a query parameter`))
  }
  next()
}
