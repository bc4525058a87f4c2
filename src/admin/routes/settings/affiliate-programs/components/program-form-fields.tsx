import { XMark } from "@medusajs/icons"
import { IconButton, Input, Text } from "@medusajs/ui"
import { Controller, type UseFormReturn } from "react-hook-form"
import { ChoiceSelect } from "../../../../components/form/choice-select"
import { FormField } from "../../../../components/form/form-field"
import { SwitchField } from "../../../../components/form/switch-field"
import { PromotionSelect } from "../../../../components/pickers/promotion-select"
import { usePromotionCode } from "../../../../lib/hooks/core-lookups"
import type { ProgramFormField, ProgramFormValues } from "./program-form"

type ProgramForm = UseFormReturn<ProgramFormValues>

const COMMISSION_TYPE_CHOICES = [
  { value: "percentage", label: "Percentage of the order" },
  { value: "flat", label: "Flat amount per order" },
] as const
const KIND_CHOICES = [
  { value: "affiliate", label: "Affiliates (they apply)" },
  { value: "customer", label: "Customers referring friends" },
] as const
const PAYOUT_METHOD_CHOICES = [
  { value: "manual", label: "Paid by you (bank, PayPal)" },
  { value: "store_credit", label: "Store credit (loyalty plugin)" },
] as const

type NumberFieldProps = {
  id: string
  field: Exclude<ProgramFormField, "name" | "commission_type" | "first_order_only" | "auto_approve" | "kind" | "payout_method" | "link_promotion_id">
  label: string
  hint: string
  optional?: boolean
  step?: string
  form: ProgramForm
}

const NumberField = ({ id, field, label, hint, optional, step = "1", form }: NumberFieldProps) => {
  const error = form.formState.errors[field]?.message
  return (
    <FormField id={id} label={label} hint={hint} optional={optional} error={error}>
      <Input
        id={id}
        type="number"
        inputMode={step === "1" ? "numeric" : "decimal"}
        min={0}
        step={step}
        size="small"
        {...form.register(field)}
        aria-invalid={Boolean(error) || undefined}
      />
    </FormField>
  )
}

/** The discount every referral of the program applies to the visitor's cart: a code of no affiliate. */
const VisitorDiscountField = ({ value, onChange, error }: { value: string | null; onChange: (id: string | null) => void; error?: string }) => {
  const { code } = usePromotionCode(value)
  return (
    <FormField
      id="program-link-promotion"
      label="Visitor discount"
      hint="Applied by itself to the cart of anyone who arrives through a referral of this program (an affiliate's own link discount goes first)."
      optional
      error={error}
    >
      {value ? (
        <div className="flex items-center justify-between gap-x-2 rounded-md border px-3 py-1.5">
          <Text size="small" className="font-mono">
            {code ?? value}
          </Text>
          <IconButton size="small" variant="transparent" type="button" aria-label="Remove the visitor discount" onClick={() => onChange(null)}>
            <XMark />
          </IconButton>
        </div>
      ) : (
        <PromotionSelect id="program-link-promotion" affiliateId="" selectedIds={[]} onSelect={(option) => onChange(option.id)} invalid={Boolean(error)} />
      )}
    </FormField>
  )
}

/** The terms of a program, shared by the create and edit forms. */
export const ProgramFormFields = ({ form }: { form: ProgramForm }) => {
  const errors = form.formState.errors
  const commissionType = form.watch("commission_type")
  return (
    <div className="flex flex-col gap-y-6">
      <FormField id="program-name" label="Name" error={errors.name?.message}>
        <Input
          id="program-name"
          size="small"
          {...form.register("name")}
          aria-invalid={Boolean(errors.name) || undefined}
        />
      </FormField>
      <div className="grid grid-cols-1 gap-4 md:grid-cols-2">
        <FormField id="program-type" label="Commission type" error={errors.commission_type?.message}>
          <Controller
            control={form.control}
            name="commission_type"
            render={({ field }) => (
              <ChoiceSelect id="program-type" value={field.value} onChange={field.onChange} triggerRef={field.ref} options={COMMISSION_TYPE_CHOICES} />
            )}
          />
        </FormField>
        <NumberField
          id="program-value"
          field="commission_value"
          label={commissionType === "percentage" ? "Rate (%)" : "Amount per order"}
          hint={
            commissionType === "percentage"
              ? "Of the item totals after discounts (10 = 10 %)."
              : "In the order's currency, main unit (5 = 5.00)."
          }
          step="0.01"
          form={form}
        />
        <NumberField
          id="program-hold"
          field="hold_days"
          label="Hold period (days)"
          hint="Commission stays pending this long, covering returns."
          form={form}
        />
        <NumberField
          id="program-cookie"
          field="cookie_days"
          label="Click window (days)"
          hint="How long after a click an order still counts."
          form={form}
        />
        <NumberField
          id="program-trailing"
          field="trailing_months"
          label="Customer attribution (months)"
          hint="How long a referred customer stays with the affiliate. Empty = forever."
          optional
          form={form}
        />
        <NumberField
          id="program-min-payout"
          field="min_payout_amount"
          label="Minimum payout"
          hint="Available balance needed before a payout, in the payout's currency."
          step="0.01"
          form={form}
        />
      </div>
      <div className="grid grid-cols-1 gap-4 md:grid-cols-2">
        <FormField id="program-kind" label="Program for" error={errors.kind?.message}>
          <Controller
            control={form.control}
            name="kind"
            render={({ field }) => (
              <ChoiceSelect id="program-kind" value={field.value} onChange={field.onChange} triggerRef={field.ref} options={KIND_CHOICES} />
            )}
          />
        </FormField>
        <FormField id="program-payout-method" label="Payouts" error={errors.payout_method?.message}>
          <Controller
            control={form.control}
            name="payout_method"
            render={({ field }) => (
              <ChoiceSelect id="program-payout-method" value={field.value} onChange={field.onChange} triggerRef={field.ref} options={PAYOUT_METHOD_CHOICES} />
            )}
          />
        </FormField>
      </div>
      <Controller
        control={form.control}
        name="link_promotion_id"
        render={({ field, fieldState }) => <VisitorDiscountField value={field.value} onChange={field.onChange} error={fieldState.error?.message} />}
      />
      <div className="flex flex-col gap-y-3">
        <Controller
          control={form.control}
          name="first_order_only"
          render={({ field, fieldState }) => (
            <SwitchField
              id="program-first-order"
              label="First order only"
              description="Credit only a referred customer's first order."
              checked={field.value}
              onCheckedChange={field.onChange}
              error={fieldState.error?.message}
            />
          )}
        />
        <Controller
          control={form.control}
          name="auto_approve"
          render={({ field, fieldState }) => (
            <SwitchField
              id="program-auto-approve"
              label="Auto-approve sign-ups"
              description="Customers who apply from the storefront start active instead of pending."
              checked={field.value}
              onCheckedChange={field.onChange}
              error={fieldState.error?.message}
            />
          )}
        />
      </div>
    </div>
  )
}
