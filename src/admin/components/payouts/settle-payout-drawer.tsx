import { Input, Text, Textarea, toast } from "@medusajs/ui"
import { useEffect } from "react"
import { z } from "zod"
import { DrawerForm } from "../form/drawer-form"
import { FormField } from "../form/form-field"
import { formErrorOf, setApiErrors } from "../../lib/form-errors"
import { formatDate, formatMoney } from "../../lib/format"
import { useMarkPayoutFailed, useMarkPayoutPaid } from "../../lib/hooks/payouts"
import type { AffiliatePayout } from "../../../types/http"
import { useZodForm } from "../../lib/use-zod-form"

export type SettleOutcome = "paid" | "failed"

type SettlePayoutDrawerProps = {
  /** The payout being settled and how; null = closed. */
  target: { payout: AffiliatePayout; outcome: SettleOutcome } | null
  onClose: () => void
}

const COPY: Record<SettleOutcome, { title: string; submit: string; field: string; hint: string }> = {
  paid: {
    title: "Mark payout as paid",
    submit: "Mark as paid",
    field: "Transfer reference",
    hint: "The bank or PayPal reference of the transfer, kept with the payout for reconciliation.",
  },
  failed: {
    title: "Mark payout as failed",
    submit: "Mark as failed",
    field: "Reason",
    hint: "Its commission entries return to available and can be paid out again.",
  },
}

// A paid payout cannot be undone, and its reference is what reconciles it with the bank or
// PayPal statement: it is required. A failure's reason is optional.
const settleSchema = z
  .object({
    outcome: z.enum(["paid", "failed"]),
    reference: z.string().trim().max(255),
    reason: z.string().trim().max(1000),
  })
  .refine((v) => v.outcome !== "paid" || v.reference !== "", {
    message: "Enter the transfer reference: the bank or PayPal reference of the payment",
    path: ["reference"],
  })
type SettleValues = z.infer<typeof settleSchema>

const emptyValues = (outcome: SettleOutcome): SettleValues => ({ outcome, reference: "", reason: "" })

/** Records the outcome of a requested payout: paid (with the transfer reference) or failed. */
export const SettlePayoutDrawer = ({ target, onClose }: SettlePayoutDrawerProps) => {
  const outcome = target?.outcome ?? "paid"
  const form = useZodForm(settleSchema, emptyValues(outcome))
  const markPaid = useMarkPayoutPaid()
  const markFailed = useMarkPayoutFailed()
  const copy = COPY[outcome]
  const field = outcome === "paid" ? "reference" : "reason"
  const { reset } = form

  useEffect(() => {
    reset(emptyValues(target?.outcome ?? "paid"))
  }, [target, reset])

  const submit = async (values: SettleValues) => {
    if (!target) {
      return
    }
    const { payout } = target
    try {
      if (values.outcome === "paid") {
        await markPaid.mutateAsync({ id: payout.id, reference: values.reference })
      } else {
        await markFailed.mutateAsync({ id: payout.id, reason: values.reason || undefined })
      }
      toast.success(`Payout of ${formatMoney(payout.amount, payout.currency_code)} marked ${values.outcome}`)
      onClose()
    } catch (error) {
      setApiErrors(form, error, [field])
    }
  }

  const error = form.formState.errors[field]?.message
  return (
    <DrawerForm
      open={Boolean(target)}
      onOpenChange={(open) => !open && onClose()}
      title={copy.title}
      submitLabel={copy.submit}
      isSubmitting={markPaid.isPending || markFailed.isPending}
      formError={formErrorOf(form)}
      onSubmit={form.handleSubmit(submit)}
    >
      {target && (
        <Text size="small" className="text-ui-fg-subtle">
          {formatMoney(target.payout.amount, target.payout.currency_code)} requested on {formatDate(target.payout.created_at)}.
        </Text>
      )}
      <FormField id="payout-note" label={copy.field} optional={outcome === "failed"} error={error} hint={copy.hint}>
        {outcome === "paid" ? (
          <Input id="payout-note" size="small" {...form.register("reference")} aria-invalid={Boolean(error) || undefined} />
        ) : (
          <Textarea id="payout-note" {...form.register("reason")} aria-invalid={Boolean(error) || undefined} />
        )}
      </FormField>
    </DrawerForm>
  )
}
