import { ArrowDownTray } from "@medusajs/icons"
import { Button, Text } from "@medusajs/ui"
import { useEffect, useState } from "react"
import { Controller } from "react-hook-form"
import { z } from "zod"
import { downloadCsv } from "../../lib/csv-download"
import { formErrorOf, setApiErrors } from "../../lib/form-errors"
import { PAYOUTS_PATH } from "../../lib/hooks/payouts"
import { useZodForm } from "../../lib/use-zod-form"
import { DrawerForm } from "../form/drawer-form"
import { FormField } from "../form/form-field"
import { CurrencySelect } from "../pickers/currency-select"

const exportSchema = z.object({
  currency_code: z.string().regex(/^[a-z]{3}$/i, "Choose the currency of the file"),
})
type ExportValues = z.infer<typeof exportSchema>

type PaymentFileExportProps = {
  /** The filters of the list on screen; the file holds the payouts they match, in one currency. */
  query: Record<string, unknown> & { currency_code?: string }
  /** The file is named `<prefix>-<currency>.csv`. */
  filenamePrefix: string
  /** Offer these currencies instead of the store's. */
  currencies?: string[]
}

/**
 * The PayPal payment file of the payouts on screen. PayPal takes one currency per file, so
 * the currency is asked for (the list's currency filter, when set, is the default).
 */
export const PaymentFileExport = ({ query, filenamePrefix, currencies }: PaymentFileExportProps) => {
  const [open, setOpen] = useState(false)
  const form = useZodForm(exportSchema, { currency_code: query.currency_code ?? "" })
  const { reset } = form

  useEffect(() => {
    if (open) {
      reset({ currency_code: query.currency_code ?? "" })
    }
  }, [open, query.currency_code, reset])

  const submit = async ({ currency_code }: ExportValues) => {
    const currency = currency_code.toLowerCase()
    // The file holds every matching payout, not just the page on screen.
    const { limit: _limit, offset: _offset, ...filters } = query
    try {
      await downloadCsv(PAYOUTS_PATH, { ...filters, currency_code: currency }, `${filenamePrefix}-${currency}.csv`)
      setOpen(false)
    } catch (error) {
      setApiErrors(form, error, ["currency_code"])
    }
  }

  return (
    <>
      <Button size="small" variant="secondary" type="button" onClick={() => setOpen(true)}>
        <ArrowDownTray />
        Export payment file
      </Button>
      <DrawerForm
        open={open}
        onOpenChange={setOpen}
        title="Export payment file"
        description="A PayPal Payouts file (bulk upload) of the payouts the list shows."
        submitLabel="Download"
        isSubmitting={form.formState.isSubmitting}
        formError={formErrorOf(form)}
        onSubmit={form.handleSubmit(submit)}
      >
        <FormField
          id="payment-file-currency"
          label="Currency"
          error={form.formState.errors.currency_code?.message}
          hint="PayPal pays one currency per file: export each currency on its own."
        >
          <Controller
            control={form.control}
            name="currency_code"
            render={({ field }) => (
              <CurrencySelect
                id="payment-file-currency"
                value={field.value}
                onChange={field.onChange}
                currencies={currencies}
                invalid={Boolean(form.formState.errors.currency_code)}
              />
            )}
          />
        </FormField>
        <Text size="small" className="text-ui-fg-subtle">
          Once PayPal has paid, mark each payout paid with PayPal's batch id as its reference.
        </Text>
      </DrawerForm>
    </>
  )
}
