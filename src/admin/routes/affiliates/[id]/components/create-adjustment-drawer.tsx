import { Input, Textarea, toast } from "@medusajs/ui"
import { useEffect, useState } from "react"
import { Controller } from "react-hook-form"
import { z } from "zod"
import { DrawerForm } from "../../../../components/form/drawer-form"
import { FormField } from "../../../../components/form/form-field"
import { CurrencySelect } from "../../../../components/pickers/currency-select"
import { formErrorOf, setApiErrors } from "../../../../lib/form-errors"
import { formatMoney } from "../../../../lib/format"
import { useCreateAdjustment } from "../../../../lib/hooks/commissions"
import { useStoreCurrencies } from "../../../../lib/hooks/core-lookups"
import { useZodForm } from "../../../../lib/use-zod-form"

const adjustmentSchema = z.object({
  amount: z.string().refine((v) => v.trim() !== "" && Number.isFinite(Number(v)) && Number(v) !== 0, "Enter a non-zero amount (negative to deduct)"),
  currency_code: z.string().regex(/^[a-z]{3}$/i, "Choose a currency"),
  note: z.string().refine((v) => v.trim() !== "", "Say why: it shows on the affiliate's statement"),
})
type AdjustmentValues = z.infer<typeof adjustmentSchema>

type CreateAdjustmentDrawerProps = {
  affiliateId: string
  currencies: string[]
  open: boolean
  onOpenChange: (open: boolean) => void
}

const newKey = () =>
  typeof crypto !== "undefined" && "randomUUID" in crypto ? crypto.randomUUID() : `${Date.now()}-${Math.random()}`

/** Books a manual ledger entry: a bonus (positive) or a correction (negative), with its reason. */
export const CreateAdjustmentDrawer = ({ affiliateId, currencies, open, onOpenChange }: CreateAdjustmentDrawerProps) => {
  // One key per opening of the drawer: a retried submit books the entry once.
  const [idempotencyKey, setIdempotencyKey] = useState(newKey)
  const { mutateAsync, isPending } = useCreateAdjustment()
  const store = useStoreCurrencies()
  const firstCurrency = currencies[0] ?? store.currencies[0] ?? ""
  const form = useZodForm(adjustmentSchema, { amount: "", currency_code: firstCurrency, note: "" })
  const { reset } = form

  useEffect(() => {
    if (open) {
      reset({ amount: "", currency_code: firstCurrency, note: "" })
      setIdempotencyKey(newKey())
    }
  }, [open, firstCurrency, reset])

  const submit = async ({ amount, currency_code, note }: AdjustmentValues) => {
    const value = Number(amount)
    try {
      await mutateAsync({ affiliate_id: affiliateId, amount: value, currency_code, note: note.trim(), idempotencyKey })
      toast.success(`Adjustment of ${formatMoney(value, currency_code)} booked`)
      onOpenChange(false)
    } catch (error) {
      setApiErrors(form, error, ["amount", "currency_code", "note"])
    }
  }

  const errors = form.formState.errors
  return (
    <DrawerForm
      open={open}
      onOpenChange={onOpenChange}
      title="Add adjustment"
      description="A manual ledger entry. Entries are never edited: to undo one, book the opposite amount."
      submitLabel="Book adjustment"
      isSubmitting={isPending}
      formError={formErrorOf(form)}
      onSubmit={form.handleSubmit(submit)}
    >
      <FormField id="adjustment-amount" label="Amount" error={errors.amount?.message} hint="Negative to deduct.">
        <Input
          id="adjustment-amount"
          type="number"
          inputMode="decimal"
          step="0.01"
          size="small"
          {...form.register("amount")}
          aria-invalid={Boolean(errors.amount) || undefined}
        />
      </FormField>
      <FormField id="adjustment-currency" label="Currency" error={errors.currency_code?.message}>
        <Controller
          control={form.control}
          name="currency_code"
          render={({ field }) => (
            <CurrencySelect id="adjustment-currency" value={field.value} onChange={field.onChange} invalid={Boolean(errors.currency_code)} />
          )}
        />
      </FormField>
      <FormField id="adjustment-note" label="Reason" error={errors.note?.message}>
        <Textarea id="adjustment-note" {...form.register("note")} aria-invalid={Boolean(errors.note) || undefined} />
      </FormField>
    </DrawerForm>
  )
}
