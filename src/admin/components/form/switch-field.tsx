import { Label, Switch, Text } from "@medusajs/ui"

type SwitchFieldProps = {
  id: string
  label: string
  description: string
  checked: boolean
  onCheckedChange: (checked: boolean) => void
  disabled?: boolean
  error?: string
}

/** An on/off setting with what it means, in the dashboard's bordered switch box. */
export const SwitchField = ({ id, label, description, checked, onCheckedChange, disabled, error }: SwitchFieldProps) => (
  <div className="bg-ui-bg-component shadow-elevation-card-rest flex items-start gap-x-3 rounded-lg p-3">
    <Switch id={id} checked={checked} onCheckedChange={onCheckedChange} disabled={disabled} aria-describedby={`${id}-description`} />
    <div className="flex flex-col">
      <Label htmlFor={id} size="small" weight="plus">
        {label}
      </Label>
      <Text id={`${id}-description`} size="small" className="text-ui-fg-subtle">
        {description}
      </Text>
      {error && (
        <Text size="small" className="text-ui-fg-error">
          {error}
        </Text>
      )}
    </div>
  </div>
)
