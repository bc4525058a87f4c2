import { useCallback, useState } from "react"
import type { FormErrors } from "./api-errors"

/**
 * The values of a small form and the errors shown at its fields. Editing a field clears
 * that field's error, as the dashboard's forms do.
 */
export const useFormState = <TValues extends Record<string, unknown>>(initial: TValues) => {
  type Field = keyof TValues & string
  const [values, setValues] = useState<TValues>(initial)
  const [errors, setErrors] = useState<FormErrors<Field>>({ fields: {} })

  const setValue = useCallback(<K extends Field>(field: K, value: TValues[K]) => {
    setValues((prev) => ({ ...prev, [field]: value }))
    setErrors((prev) => (prev.fields[field] ? { ...prev, fields: { ...prev.fields, [field]: undefined } } : prev))
  }, [])

  const reset = useCallback((next: TValues) => {
    setValues(next)
    setErrors({ fields: {} })
  }, [])

  return { values, setValue, errors, setErrors, reset }
}
