import { Input, Textarea, toast } from "@medusajs/ui"
import { useEffect, useState } from "react"
import { DrawerForm } from "../../../../components/form/drawer-form"
import { FormField } from "../../../../components/form/form-field"
import { CurrencySelect } from "../../../../components/pickers/currency-select"
import { formErrorsFromApi } from "../../../../lib/api-errors"
import { formatMoney } from "../../../../lib/format"
import { useCreateAdjustment } from "../../../../lib/hooks/commissions"
import { useStoreCurrencies } from "../../../../lib/hooks/core-lookups"

type Field = "amount" | "currency_code" | "note"
const FIELDS: readonly Field[] = ["amount", "currency_code", "note"]

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
  const [amount, setAmount] = useState("")
  const [currency, setCurrency] = useState("")
  const [note, setNote] = useState("")
  const [idempotencyKey, setIdempotencyKey] = useState(newKey)
  const [errors, setErrors] = useState<{ fields: Partial<Record<Field, string>>; form?: string }>({ fields: {} })
  const { mutateAsync, isPending } = useCreateAdjustment()

  const store = useStoreCurrencies()
  const firstCurrency = currencies[0] ?? store.currencies[0] ?? ""

  useEffect(() => {
    if (open) {
      setAmount("")
      setCurrency(firstCurrency)
      setNote("")
      setIdempotencyKey(newKey())
      setErrors({ fields: {} })
    }
  }, [open, firstCurrency])

  const submit = async () => {
    const value = Number(amount)
    const invalid: Partial<Record<Field, string>> = {}
    if (!amount.trim() || !Number.isFinite(value) || value === 0) invalid.amount = "Enter a non-zero amount (negative to deduct)"
    if (!/^[a-z]{3}$/i.test(currency)) invalid.currency_code = "Choose a currency"
    if (!note.trim()) invalid.note = "Say why: it shows on the affiliate's statement"
    if (Object.keys(invalid).length) {
      setErrors({ fields: invalid })
      return
    }
    try {
      await mutateAsync({ affiliate_id: affiliateId, amount: value, currency_code: currency, note: note.trim(), idempotencyKey })
      toast.success(`Adjustment of ${formatMoney(value, currency)} booked`)
      onOpenChange(false)
    } catch (error) {
      setErrors(formErrorsFromApi(error, FIELDS))
    }
  }

  return (
    <DrawerForm
      open={open}
      onOpenChange={onOpenChange}
      title="Add adjustment"
      description="A manual ledger entry. Entries are never edited: to undo one, book the opposite amount."
      submitLabel="Book adjustment"
      isSubmitting={isPending}
      formError={errors.form}
      onSubmit={submit}
    >
      <FormField id="adjustment-amount" label="Amount" error={errors.fields.amount} hint="Negative to deduct.">
        <Input
          id="adjustment-amount"
          type="number"
          inputMode="decimal"
          step="0.01"
          size="small"
          value={amount}
          onChange={(e) => setAmount(e.target.value)}
          aria-invalid={Boolean(errors.fields.amount) || undefined}
        />
      </FormField>
      <FormField id="adjustment-currency" label="Currency" error={errors.fields.currency_code}>
        <CurrencySelect
          id="adjustment-currency"
          value={currency}
          onChange={setCurrency}
          invalid={Boolean(errors.fields.currency_code)}
        />
      </FormField>
      <FormField id="adjustment-note" label="Reason" error={errors.fields.note}>
        <Textarea
          id="adjustment-note"
          value={note}
          onChange={(e) => setNote(e.target.value)}
          aria-invalid={Boolean(errors.fields.note) || undefined}
        />
      </FormField>
    </DrawerForm>
  )
}
