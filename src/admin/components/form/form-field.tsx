import { Hint, Label, Text } from "@medusajs/ui"
import type { ReactNode } from "react"

type FormFieldProps = {
  /** The id of the control inside, so the label points at it. */
  id: string
  label: string
  optional?: boolean
  /** Help under the control, replaced by the error when there is one. */
  hint?: ReactNode
  error?: string
  children: ReactNode
}

/** A labelled form control with its help text, or the error the API reported for it. */
export const FormField = ({ id, label, optional, hint, error, children }: FormFieldProps) => (
  <div className="flex flex-col gap-y-2">
    <Label htmlFor={id} size="small" weight="plus" className="flex items-center gap-x-1">
      {label}
      {optional && (
        <Text size="small" leading="compact" className="text-ui-fg-muted">
          (Optional)
        </Text>
      )}
    </Label>
    {children}
    {error ? (
      <Hint id={`${id}-error`} variant="error">
        {error}
      </Hint>
    ) : hint ? (
      <Hint id={`${id}-hint`}>{hint}</Hint>
    ) : null}
  </div>
)
