import { Input, Text, Textarea, toast } from "@medusajs/ui"
import { useEffect, useState } from "react"
import { DrawerForm } from "../form/drawer-form"
import { FormField } from "../form/form-field"
import { errorMessage, formErrorsFromApi } from "../../lib/api-errors"
import { formatMoney } from "../../lib/format"
import { useMarkPayoutFailed, useMarkPayoutPaid } from "../../lib/hooks/payouts"
import type { AffiliatePayout } from "../../lib/types"

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

/** Records the outcome of a requested payout: paid (with the transfer reference) or failed. */
export const SettlePayoutDrawer = ({ target, onClose }: SettlePayoutDrawerProps) => {
  const [note, setNote] = useState("")
  const [fieldError, setFieldError] = useState<string>()
  const [formError, setFormError] = useState<string>()
  const markPaid = useMarkPayoutPaid()
  const markFailed = useMarkPayoutFailed()
  const outcome = target?.outcome ?? "paid"
  const copy = COPY[outcome]
  const field = outcome === "paid" ? "reference" : "reason"

  useEffect(() => {
    setNote("")
    setFieldError(undefined)
    setFormError(undefined)
  }, [target])

  const submit = async () => {
    if (!target) {
      return
    }
    const { payout } = target
    try {
      if (outcome === "paid") {
        await markPaid.mutateAsync({ id: payout.id, reference: note.trim() || undefined })
      } else {
        await markFailed.mutateAsync({ id: payout.id, reason: note.trim() || undefined })
      }
      toast.success(`Payout of ${formatMoney(payout.amount, payout.currency_code)} marked ${outcome}`)
      onClose()
    } catch (error) {
      const errors = formErrorsFromApi(error, [field])
      setFieldError(errors.fields[field])
      setFormError(errors.form ?? (errors.fields[field] ? undefined : errorMessage(error)))
    }
  }

  return (
    <DrawerForm
      open={Boolean(target)}
      onOpenChange={(open) => !open && onClose()}
      title={copy.title}
      submitLabel={copy.submit}
      isSubmitting={markPaid.isPending || markFailed.isPending}
      formError={formError}
      onSubmit={submit}
    >
      {target && (
        <Text size="small" className="text-ui-fg-subtle">
          {formatMoney(target.payout.amount, target.payout.currency_code)} requested on{" "}
          {new Date(target.payout.created_at).toLocaleDateString()}.
        </Text>
      )}
      <FormField id="payout-note" label={copy.field} optional error={fieldError} hint={copy.hint}>
        {outcome === "paid" ? (
          <Input
            id="payout-note"
            size="small"
            value={note}
            onChange={(e) => setNote(e.target.value)}
            aria-invalid={Boolean(fieldError) || undefined}
          />
        ) : (
          <Textarea
            id="payout-note"
            value={note}
            onChange={(e) => setNote(e.target.value)}
            aria-invalid={Boolean(fieldError) || undefined}
          />
        )}
      </FormField>
    </DrawerForm>
  )
}
