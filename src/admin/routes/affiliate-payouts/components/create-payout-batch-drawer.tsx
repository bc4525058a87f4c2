import { Badge, Label, RadioGroup, Text, toast } from "@medusajs/ui"
import { useEffect } from "react"
import { Controller } from "react-hook-form"
import { z } from "zod"
import { DrawerForm } from "../../../components/form/drawer-form"
import { FormField } from "../../../components/form/form-field"
import { AffiliateSelect } from "../../../components/pickers/affiliate-select"
import { CurrencySelect } from "../../../components/pickers/currency-select"
import { formErrorOf, setApiErrors } from "../../../lib/form-errors"
import { formatMoney } from "../../../lib/format"
import type { LookupOption } from "../../../lib/hooks/core-lookups"
import { useCreatePayoutBatch } from "../../../lib/hooks/payouts"
import { useZodForm } from "../../../lib/use-zod-form"
import { PayoutBatchPreview, payoutCount, useBatchPreview } from "./payout-batch-preview"
import { toggleOption } from "../../../lib/toggle-option"

const batchSchema = z
  .object({
    currency_code: z.string().regex(/^[a-z]{3}$/i, "Choose the currency to pay out"),
    scope: z.enum(["all", "chosen"]),
    affiliate_ids: z.array(z.object({ id: z.string(), label: z.string(), description: z.string().optional() })),
  })
  .refine((v) => v.scope === "all" || v.affiliate_ids.length > 0, {
    message: "Choose at least one affiliate",
    path: ["affiliate_ids"],
  })
type BatchValues = z.infer<typeof batchSchema>

const EMPTY: BatchValues = { currency_code: "", scope: "all", affiliate_ids: [] }

type CreatePayoutBatchDrawerProps = { open: boolean; onOpenChange: (open: boolean) => void }

/**
 * Requests payouts in one currency for many affiliates at once: one payout per affiliate
 * whose available balance reaches their program's minimum. Shows who that is first.
 */
export const CreatePayoutBatchDrawer = ({ open, onOpenChange }: CreatePayoutBatchDrawerProps) => {
  const form = useZodForm(batchSchema, EMPTY)
  const { mutateAsync, isPending } = useCreatePayoutBatch()
  const [currency, scope, chosen] = form.watch(["currency_code", "scope", "affiliate_ids"])
  const preview = useBatchPreview(currency, scope === "chosen" ? chosen.map((o) => o.id) : undefined)
  const { reset } = form

  useEffect(() => {
    if (open) {
      reset(EMPTY)
    }
  }, [open, reset])

  const submit = async (values: BatchValues) => {
    const currencyCode = values.currency_code.toLowerCase()
    try {
      const { affiliate_payouts: payouts } = await mutateAsync({
        currency_code: currencyCode,
        ...(values.scope === "chosen" ? { affiliate_ids: values.affiliate_ids.map((o) => o.id) } : {}),
      })
      if (!payouts.length) {
        toast.info("No payout requested", {
          description: `No affiliate has an available ${currencyCode.toUpperCase()} balance at or over their program's minimum.`,
        })
      } else {
        const total = payouts.reduce((sum, p) => sum + Number(p.amount), 0)
        toast.success(`${payoutCount(payouts.length)} requested`, {
          description: `${formatMoney(total, currencyCode)} in total, ready to pay.`,
        })
      }
      onOpenChange(false)
    } catch (error) {
      setApiErrors(form, error, ["currency_code", "affiliate_ids"])
    }
  }

  const errors = form.formState.errors
  return (
    <DrawerForm
      open={open}
      onOpenChange={onOpenChange}
      title="Create payout batch"
      description="Moves each affiliate's available commission in this currency into a requested payout."
      submitLabel="Request payouts"
      isSubmitting={isPending}
      submitDisabled={preview.ready && preview.preview?.count === 0}
      formError={formErrorOf(form)}
      onSubmit={form.handleSubmit(submit)}
    >
      <FormField id="batch-currency" label="Currency" error={errors.currency_code?.message}>
        <Controller
          control={form.control}
          name="currency_code"
          render={({ field }) => (
            <CurrencySelect id="batch-currency" value={field.value} onChange={field.onChange} invalid={Boolean(errors.currency_code)} />
          )}
        />
      </FormField>
      <div className="flex flex-col gap-y-3">
        <Label size="small" weight="plus" id="batch-scope-label">
          Affiliates
        </Label>
        <Controller
          control={form.control}
          name="scope"
          render={({ field }) => (
            <RadioGroup value={field.value} onValueChange={field.onChange} aria-labelledby="batch-scope-label">
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
          )}
        />
      </div>
      {scope === "chosen" && (
        <FormField id="batch-affiliates" label="Affiliates to pay" error={errors.affiliate_ids?.message}>
          <Controller
            control={form.control}
            name="affiliate_ids"
            render={({ field }) => {
              const toggle = (option: LookupOption) => field.onChange(toggleOption(field.value, option))
              return (
                <>
                  {field.value.length > 0 && (
                    <div className="flex flex-wrap gap-1" aria-label="Chosen affiliates">
                      {field.value.map((o) => (
                        <Badge key={o.id} size="2xsmall">
                          {o.label}
                        </Badge>
                      ))}
                    </div>
                  )}
                  <AffiliateSelect
                    id="batch-affiliates"
                    selectedIds={field.value.map((o) => o.id)}
                    onSelect={toggle}
                    invalid={Boolean(errors.affiliate_ids)}
                  />
                </>
              )
            }}
          />
        </FormField>
      )}
      <PayoutBatchPreview state={preview} />
    </DrawerForm>
  )
}
