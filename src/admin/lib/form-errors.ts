// API validation errors onto a react-hook-form form: each message at the field it names,
// the rest as the form's own error (shown above the fields).
import type { FieldValues, Path, UseFormReturn } from "react-hook-form"
import { formErrorsFromApi } from "./api-errors"

const FORM_ERROR = "root.api" as const

export const setApiErrors = <TValues extends FieldValues>(
  form: UseFormReturn<TValues>,
  error: unknown,
  fields: readonly Path<TValues>[]
) => {
  const placed = formErrorsFromApi(error, fields)
  for (const field of fields) {
    const message = placed.fields[field]
    if (message) {
      form.setError(field, { type: "server", message }, { shouldFocus: true })
    }
  }
  if (placed.form) {
    form.setError(FORM_ERROR, { type: "server", message: placed.form })
  }
}

/** The form's own error, if the API sent one no field could take. Cleared on the next submit. */
export const formErrorOf = <TValues extends FieldValues>(form: UseFormReturn<TValues>) =>
  form.formState.errors.root?.api?.message
