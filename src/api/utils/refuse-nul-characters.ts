import { MedusaNextFunction, MedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { MedusaError } from "@medusajs/framework/utils"

/** The path of the first string holding a NUL character (PostgreSQL cannot store one in text), or null. */
export function pathOfNulCharacter(value: unknown, path: string[] = []): string | null {
  if (typeof value === "string") {
    return value.includes("\u0000") ? path.join(".") || "value" : null
  }
  if (value && typeof value === "object") {
    for (const [key, item] of Object.entries(value)) {
      const found = key.includes("\u0000") ? [...path, key].join(".") : pathOfNulCharacter(item, [...path, key])
      if (found) {
        return found
      }
    }
  }
  return null
}

/**
 * Refuses a request whose path parameters, query or body carry a NUL character with a 400
 * naming the field, before any validator or query sees it (PostgreSQL would fail with a 500).
 */
export function refuseNulCharacters(req: MedusaRequest, _res: MedusaResponse, next: MedusaNextFunction) {
  // Wildcard matchers capture positional params ("0"): only named ones are fields.
  const params = Object.fromEntries(Object.entries(req.params ?? {}).filter(([name]) => !/^\d+$/.test(name)))
  const field = pathOfNulCharacter(params) ?? pathOfNulCharacter(req.query) ?? pathOfNulCharacter(req.body)
  if (field) {
    return next(new MedusaError(MedusaError.Types.INVALID_DATA, `${field}: must not contain a NUL character`))
  }
  next()
}
