import { Text, Textarea, toast } from "@medusajs/ui"
import { useEffect } from "react"
import { z } from "zod"
import { DrawerForm } from "../../../components/form/drawer-form"
import { FormField } from "../../../components/form/form-field"
import { formErrorOf, setApiErrors } from "../../../lib/form-errors"
import { useDecideReviews, type ReviewDecision } from "../../../lib/hooks/reviews"
import { useZodForm } from "../../../lib/use-zod-form"

type ReviewDecisionDrawerProps = {
  /** The reviews being decided and how; null = closed. */
  target: { decision: ReviewDecision; ids: string[] } | null
  /** `decided`: the decision went through. */
  onClose: (decided: boolean) => void
}

const COPY: Record<ReviewDecision, { title: string; submit: string; hint: string; done: string }> = {
  approve: {
    title: "Approve held sales",
    submit: "Approve",
    hint: "Optional. Each sale is released at the end of its hold, at once when that has passed.",
    done: "approved",
  },
  decline: {
    title: "Decline held sales",
    submit: "Decline",
    hint: "Booked on each reversal and shown to whoever reads the ledger: say why the commission is not owed.",
    done: "declined",
  },
}

// A decline books money (a reversal) and must say why; an approval may.
const decisionSchema = z
  .object({ decision: z.enum(["approve", "decline"]), reason: z.string().trim().max(1000) })
  .refine((v) => v.decision !== "decline" || v.reason !== "", { message: "Enter the reason for declining", path: ["reason"] })
type DecisionValues = z.infer<typeof decisionSchema>

/** Approves or declines the selected held sales, with a reason. */
export const ReviewDecisionDrawer = ({ target, onClose }: ReviewDecisionDrawerProps) => {
  const decision = target?.decision ?? "approve"
  const form = useZodForm(decisionSchema, { decision, reason: "" })
  const decide = useDecideReviews()
  const copy = COPY[decision]
  const { reset } = form

  useEffect(() => {
    reset({ decision: target?.decision ?? "approve", reason: "" })
  }, [target, reset])

  const submit = async (values: DecisionValues) => {
    if (!target) {
      return
    }
    try {
      await decide.mutateAsync({ decision: target.decision, ids: target.ids, ...(values.reason ? { reason: values.reason } : {}) })
      toast.success(`${target.ids.length} ${target.ids.length === 1 ? "sale" : "sales"} ${copy.done}`)
      onClose(true)
    } catch (error) {
      setApiErrors(form, error, ["reason"])
    }
  }

  const error = form.formState.errors.reason?.message
  return (
    <DrawerForm
      open={Boolean(target)}
      onOpenChange={(open) => !open && onClose(false)}
      title={copy.title}
      submitLabel={copy.submit}
      isSubmitting={decide.isPending}
      formError={formErrorOf(form)}
      onSubmit={form.handleSubmit(submit)}
    >
      {target && (
        <Text size="small" className="text-ui-fg-subtle">
          {target.ids.length} held {target.ids.length === 1 ? "sale" : "sales"} selected.
        </Text>
      )}
      <FormField id="review-reason" label="Reason" optional={decision === "approve"} error={error} hint={copy.hint}>
        <Textarea id="review-reason" {...form.register("reason")} aria-invalid={Boolean(error) || undefined} />
      </FormField>
    </DrawerForm>
  )
}
