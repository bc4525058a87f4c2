import { Select } from "@medusajs/ui"
import type { Ref } from "react"

type ChoiceSelectProps<T extends string> = {
  id: string
  value: T
  onChange: (value: T) => void
  /** The choices in the order shown, each with its words. */
  options: readonly { value: T; label: string }[]
  /** react-hook-form's field ref, so a refused field gets the focus. */
  triggerRef?: Ref<HTMLButtonElement>
}

/** One of a few fixed choices, as the dashboard's small select. */
export const ChoiceSelect = <T extends string>({ id, value, onChange, options, triggerRef }: ChoiceSelectProps<T>) => (
  <Select size="small" value={value} onValueChange={(next) => onChange(next as T)}>
    <Select.Trigger id={id} ref={triggerRef}>
      <Select.Value />
    </Select.Trigger>
    <Select.Content>
      {options.map((option) => (
        <Select.Item key={option.value} value={option.value}>
          {option.label}
        </Select.Item>
      ))}
    </Select.Content>
  </Select>
)
