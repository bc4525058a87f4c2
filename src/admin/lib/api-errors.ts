import { FetchError } from "@medusajs/js-sdk"

/** The message of a failed request (the API's `{ type, message }`), or of any other error. */
export const errorMessage = (error: unknown): string => {
  if (error instanceof FetchError || error instanceof Error) {
    return error.message || "Something went wrong"
  }
  return "Something went wrong"
}

export const isNotFound = (error: unknown): boolean =>
  error instanceof FetchError && error.status === 404

/** react-query `retry` for a record's page: once for a flaky request, never for a missing record. */
export const retryUnlessNotFound = (failureCount: number, error: unknown) => !isNotFound(error) && failureCount < 1

export type FormErrors<TField extends string> = {
  fields: Partial<Record<TField, string>>
  /** What could not be tied to a field of the form. */
  form?: string
}

const capitalize = (text: string) => text.charAt(0).toUpperCase() + text.slice(1)

/**
 * Places an API validation message at the field it names. The API names the field at the
 * start ("code: must be 3-32 characters") or inside Medusa's own wording ("Field 'email'
 * is required", "Value for field 'commission_rate' too big"); several issues come joined by
 * "; ". Anything that names none of the form's fields stays a message for the whole form.
 */
export const formErrorsFromApi = <TField extends string>(
  error: unknown,
  fields: readonly TField[]
): FormErrors<TField> => {
  const result: FormErrors<TField> = { fields: {} }
  const unplaced: string[] = []
  const message = errorMessage(error).replace(/^Invalid request:\s*/i, "")
  const known = new Set<string>(fields)

  for (const part of message.split(/;\s+/).map((p) => p.trim()).filter(Boolean)) {
    const leading = part.match(/^([a-z][a-z0-9_]*)(?:\.[a-z0-9_.]+)?:\s*(.+)$/i)
    const quoted = part.match(/field '([a-z][a-z0-9_]*)/i)
    const mentioned = fields.find((f) => new RegExp(`(^|[^a-z0-9_])${f}([^a-z0-9_]|$)`, "i").test(part))

    const field = leading && known.has(leading[1]) ? leading[1] : quoted && known.has(quoted[1]) ? quoted[1] : mentioned
    if (field && known.has(field) && !result.fields[field as TField]) {
      const text = leading && leading[1] === field ? leading[2] : part
      result.fields[field as TField] = capitalize(text)
    } else {
      unplaced.push(part)
    }
  }
  if (unplaced.length) {
    result.form = capitalize(unplaced.join("; "))
  }
  return result
}
