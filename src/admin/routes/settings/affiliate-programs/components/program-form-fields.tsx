import { Input, Select } from "@medusajs/ui"
import { FormField } from "../../../../components/form/form-field"
import { SwitchField } from "../../../../components/form/switch-field"
import type { FormErrors } from "../../../../lib/api-errors"
import type { CommissionType } from "../../../../lib/types"
import type { ProgramFormField, ProgramFormValues } from "./program-form"

type ProgramFormFieldsProps = {
  values: ProgramFormValues
  setValue: <K extends ProgramFormField>(field: K, value: ProgramFormValues[K]) => void
  errors: FormErrors<ProgramFormField>
}

type NumberFieldProps = {
  id: string
  field: ProgramFormField
  label: string
  hint: string
  optional?: boolean
  step?: string
  values: ProgramFormValues
  setValue: ProgramFormFieldsProps["setValue"]
  error?: string
}

const NumberField = ({ id, field, label, hint, optional, step = "1", values, setValue, error }: NumberFieldProps) => (
  <FormField id={id} label={label} hint={hint} optional={optional} error={error}>
    <Input
      id={id}
      type="number"
      inputMode={step === "1" ? "numeric" : "decimal"}
      min={0}
      step={step}
      size="small"
      value={values[field] as string}
      onChange={(e) => setValue(field, e.target.value as never)}
      aria-invalid={Boolean(error) || undefined}
    />
  </FormField>
)

/** The terms of a program, shared by the create and edit forms. */
export const ProgramFormFields = ({ values, setValue, errors }: ProgramFormFieldsProps) => {
  const e = errors.fields
  const shared = { values, setValue }
  return (
    <div className="flex flex-col gap-y-6">
      <FormField id="program-name" label="Name" error={e.name}>
        <Input
          id="program-name"
          size="small"
          value={values.name}
          onChange={(ev) => setValue("name", ev.target.value)}
          aria-invalid={Boolean(e.name) || undefined}
        />
      </FormField>
      <div className="grid grid-cols-1 gap-4 md:grid-cols-2">
        <FormField id="program-type" label="Commission type" error={e.commission_type}>
          <Select
            size="small"
            value={values.commission_type}
            onValueChange={(v) => setValue("commission_type", v as CommissionType)}
          >
            <Select.Trigger id="program-type">
              <Select.Value />
            </Select.Trigger>
            <Select.Content>
              <Select.Item value="percentage">Percentage of the order</Select.Item>
              <Select.Item value="flat">Flat amount per order</Select.Item>
            </Select.Content>
          </Select>
        </FormField>
        <NumberField
          id="program-value"
          field="commission_value"
          label={values.commission_type === "percentage" ? "Rate (%)" : "Amount per order"}
          hint={
            values.commission_type === "percentage"
              ? "Of the item totals after discounts (10 = 10 %)."
              : "In the order's currency, main unit (5 = 5.00)."
          }
          step="0.01"
          error={e.commission_value}
          {...shared}
        />
        <NumberField
          id="program-hold"
          field="hold_days"
          label="Hold period (days)"
          hint="Commission stays pending this long, covering returns."
          error={e.hold_days}
          {...shared}
        />
        <NumberField
          id="program-cookie"
          field="cookie_days"
          label="Click window (days)"
          hint="How long after a click an order still counts."
          error={e.cookie_days}
          {...shared}
        />
        <NumberField
          id="program-trailing"
          field="trailing_months"
          label="Customer attribution (months)"
          hint="How long a referred customer stays with the affiliate. Empty = forever."
          optional
          error={e.trailing_months}
          {...shared}
        />
        <NumberField
          id="program-min-payout"
          field="min_payout_amount"
          label="Minimum payout"
          hint="Available balance needed before a payout, in the payout's currency."
          step="0.01"
          error={e.min_payout_amount}
          {...shared}
        />
      </div>
      <div className="flex flex-col gap-y-3">
        <SwitchField
          id="program-first-order"
          label="First order only"
          description="Credit only a referred customer's first order."
          checked={values.first_order_only}
          onCheckedChange={(v) => setValue("first_order_only", v)}
          error={e.first_order_only}
        />
        <SwitchField
          id="program-auto-approve"
          label="Auto-approve sign-ups"
          description="Customers who apply from the storefront start active instead of pending."
          checked={values.auto_approve}
          onCheckedChange={(v) => setValue("auto_approve", v)}
          error={e.auto_approve}
        />
      </div>
    </div>
  )
}
