import { Badge, Label, RadioGroup, Text, toast } from "@medusajs/ui"
import { useEffect, useState } from "react"
import { DrawerForm } from "../../../components/form/drawer-form"
import { FormField } from "../../../components/form/form-field"
import { AffiliateSelect } from "../../../components/pickers/affiliate-select"
import { CurrencySelect } from "../../../components/pickers/currency-select"
import { formErrorsFromApi } from "../../../lib/api-errors"
import { formatMoney } from "../../../lib/format"
import type { LookupOption } from "../../../lib/hooks/core-lookups"
import { useCreatePayoutBatch } from "../../../lib/hooks/payouts"

type Scope = "all" | "chosen"
type Field = "currency_code" | "affiliate_ids"
const FIELDS: readonly Field[] = ["currency_code", "affiliate_ids"]

type CreatePayoutBatchDrawerProps = { open: boolean; onOpenChange: (open: boolean) => void }

/**
 * Requests payouts in one currency for many affiliates at once: one payout per affiliate
 * whose available balance reaches their program's minimum.
 */
export const CreatePayoutBatchDrawer = ({ open, onOpenChange }: CreatePayoutBatchDrawerProps) => {
  const [currency, setCurrency] = useState("")
  const [scope, setScope] = useState<Scope>("all")
  const [chosen, setChosen] = useState<LookupOption[]>([])
  const [errors, setErrors] = useState<{ fields: Partial<Record<Field, string>>; form?: string }>({ fields: {} })
  const { mutateAsync, isPending } = useCreatePayoutBatch()

  useEffect(() => {
    if (open) {
      setCurrency("")
      setScope("all")
      setChosen([])
      setErrors({ fields: {} })
    }
  }, [open])

  const toggle = (option: LookupOption) => {
    setErrors({ fields: {} })
    setChosen((prev) => (prev.some((o) => o.id === option.id) ? prev.filter((o) => o.id !== option.id) : [...prev, option]))
  }

  const submit = async () => {
    const invalid: Partial<Record<Field, string>> = {}
    if (!/^[a-z]{3}$/i.test(currency)) invalid.currency_code = "Choose the currency to pay out"
    if (scope === "chosen" && !chosen.length) invalid.affiliate_ids = "Choose at least one affiliate"
    if (Object.keys(invalid).length) {
      setErrors({ fields: invalid })
      return
    }
    try {
      const { affiliate_payouts: payouts } = await mutateAsync({
        currency_code: currency.toLowerCase(),
        ...(scope === "chosen" ? { affiliate_ids: chosen.map((o) => o.id) } : {}),
      })
      if (!payouts.length) {
        toast.info("No payout requested", {
          description: `No affiliate has an available ${currency.toUpperCase()} balance at or over their program's minimum.`,
        })
      } else {
        const total = payouts.reduce((sum, p) => sum + Number(p.amount), 0)
        toast.success(`${payouts.length} payout${payouts.length === 1 ? "" : "s"} requested`, {
          description: `${formatMoney(total, currency)} in total, ready to pay.`,
        })
      }
      onOpenChange(false)
    } catch (error) {
      setErrors(formErrorsFromApi(error, FIELDS))
    }
  }

  return (
    <DrawerForm
      open={open}
      onOpenChange={onOpenChange}
      title="Create payout batch"
      description="Moves each affiliate's available commission in this currency into a requested payout."
      submitLabel="Request payouts"
      isSubmitting={isPending}
      formError={errors.form}
      onSubmit={submit}
    >
      <FormField id="batch-currency" label="Currency" error={errors.fields.currency_code}>
        <CurrencySelect
          id="batch-currency"
          value={currency}
          onChange={(c) => {
            setCurrency(c)
            setErrors({ fields: {} })
          }}
          invalid={Boolean(errors.fields.currency_code)}
        />
      </FormField>
      <div className="flex flex-col gap-y-3">
        <Label size="small" weight="plus" id="batch-scope-label">
          Affiliates
        </Label>
        <RadioGroup value={scope} onValueChange={(v) => setScope(v as Scope)} aria-labelledby="batch-scope-label">
          <div className="flex items-start gap-x-2">
            <RadioGroup.Item value="all" id="batch-scope-all" />
            <Label htmlFor="batch-scope-all" size="small" className="flex flex-col">
              Everyone who qualifies
              <Text size="xsmall" className="text-ui-fg-subtle">
                Affiliates whose available balance reaches their program's minimum payout.
              </Text>
            </Label>
          </div>
          <div className="flex items-start gap-x-2">
            <RadioGroup.Item value="chosen" id="batch-scope-chosen" />
            <Label htmlFor="batch-scope-chosen" size="small">
              Only these affiliates
            </Label>
          </div>
        </RadioGroup>
      </div>
      {scope === "chosen" && (
        <FormField id="batch-affiliates" label="Affiliates to pay" error={errors.fields.affiliate_ids}>
          {chosen.length > 0 && (
            <div className="flex flex-wrap gap-1" aria-label="Chosen affiliates">
              {chosen.map((o) => (
                <Badge key={o.id} size="2xsmall">
                  {o.label}
                </Badge>
              ))}
            </div>
          )}
          <AffiliateSelect
            id="batch-affiliates"
            selectedIds={chosen.map((o) => o.id)}
            onSelect={toggle}
            invalid={Boolean(errors.fields.affiliate_ids)}
          />
        </FormField>
      )}
    </DrawerForm>
  )
}
