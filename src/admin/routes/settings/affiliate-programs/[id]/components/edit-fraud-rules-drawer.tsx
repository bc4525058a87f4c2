import { Checkbox, Input, Label, Text, toast } from "@medusajs/ui"
import { useEffect } from "react"
import { Controller } from "react-hook-form"
import { ChoiceSelect } from "../../../../../components/form/choice-select"
import { DrawerForm } from "../../../../../components/form/drawer-form"
import { FormField } from "../../../../../components/form/form-field"
import { SwitchField } from "../../../../../components/form/switch-field"
import { formErrorOf, setApiErrors } from "../../../../../lib/form-errors"
import { useUpdateProgram } from "../../../../../lib/hooks/programs"
import {
  CODE_BINDING_LABELS,
  RISK_RULES_FORM_FIELDS,
  riskRulesFormFrom,
  riskRulesFormSchema,
  riskRulesPayload,
  SIGNAL_LABELS,
  type RiskRulesFormField,
  type RiskRulesFormValues,
} from "../../../../../lib/risk-rules-form"
import { useZodForm } from "../../../../../lib/use-zod-form"
import { CODE_BINDINGS, RISK_SIGNAL_TYPES } from "../../../../../../modules/affiliate/domain/risk/rule-words"
import type { AffiliateProgram } from "../../../../../../types/http"

type EditFraudRulesDrawerProps = { program: AffiliateProgram; open: boolean; onOpenChange: (open: boolean) => void }

/** Edits which signals hold a sale for review, the code binding and the longer holds. */
export const EditFraudRulesDrawer = ({ program, open, onOpenChange }: EditFraudRulesDrawerProps) => {
  const form = useZodForm(riskRulesFormSchema, riskRulesFormFrom(program.risk_rules))
  const { mutateAsync, isPending } = useUpdateProgram()
  const { reset } = form
  const errors = form.formState.errors

  useEffect(() => {
    if (open) {
      reset(riskRulesFormFrom(program.risk_rules))
    }
  }, [open, program, reset])

  const submit = async (values: RiskRulesFormValues) => {
    try {
      await mutateAsync({ id: program.id, risk_rules: riskRulesPayload(values, program.risk_rules) })
      toast.success(`${program.name}: fraud rules saved`, { description: "They apply to orders from now on." })
      onOpenChange(false)
    } catch (error) {
      setApiErrors(form, error, RISK_RULES_FORM_FIELDS)
    }
  }

  const numberField = (field: RiskRulesFormField, label: string, hint?: string) => (
    <FormField id={`risk-${field}`} label={label} hint={hint} optional error={errors[field]?.message as string | undefined}>
      <Input id={`risk-${field}`} type="number" inputMode="numeric" min={0} size="small" {...form.register(field)} aria-invalid={Boolean(errors[field]) || undefined} />
    </FormField>
  )

  return (
    <DrawerForm
      open={open}
      onOpenChange={onOpenChange}
      title="Edit fraud rules"
      description="Signals are recorded on every credited order; choose which of them hold a sale until an admin decides."
      isSubmitting={isPending}
      formError={formErrorOf(form)}
      onSubmit={form.handleSubmit(submit)}
    >
      <div className="flex flex-col gap-y-6">
        <fieldset className="flex flex-col gap-y-2" aria-label="Hold for review when">
          <Label size="small" weight="plus">
            Hold for review when
          </Label>
          <Controller
            control={form.control}
            name="review_on"
            render={({ field }) =>
              <>
                {RISK_SIGNAL_TYPES.map((type) => (
                  <div key={type} className="flex items-center gap-x-2">
                    <Checkbox
                      id={`risk-review-${type}`}
                      checked={field.value.includes(type)}
                      onCheckedChange={(checked) =>
                        field.onChange(checked ? [...field.value, type] : field.value.filter((t: string) => t !== type))
                      }
                    />
                    <Label htmlFor={`risk-review-${type}`} size="small">
                      {SIGNAL_LABELS[type]}
                    </Label>
                  </div>
                ))}
              </>
            }
          />
        </fieldset>
        <FormField id="risk-code-binding" label="Promotion codes" hint="A code posted on a coupon site is used without the affiliate's link.">
          <Controller
            control={form.control}
            name="code_binding"
            render={({ field }) => (
              <ChoiceSelect
                id="risk-code-binding"
                value={field.value}
                onChange={field.onChange}
                triggerRef={field.ref}
                options={CODE_BINDINGS.map((binding) => ({ value: binding, label: CODE_BINDING_LABELS[binding] }))}
              />
            )}
          />
        </FormField>
        <Controller
          control={form.control}
          name="email_same_domain"
          render={({ field }) => (
            <SwitchField
              id="risk-email-same-domain"
              label="Same company domain counts as the affiliate's email"
              description="A buyer on the affiliate's own (not webmail) domain is flagged too."
              checked={field.value}
              onCheckedChange={field.onChange}
            />
          )}
        />
        <div className="flex flex-col gap-y-2">
          <Text size="small" weight="plus">
            New affiliates: a longer hold
          </Text>
          <div className="grid grid-cols-1 gap-4 md:grid-cols-3">
            {numberField("new_first_orders", "First orders")}
            {numberField("new_first_days", "First days")}
            {numberField("new_hold_days", "Hold days")}
          </div>
        </div>
        <div className="flex flex-col gap-y-2">
          <Text size="small" weight="plus">
            High refund rate: a longer hold
          </Text>
          <div className="grid grid-cols-1 gap-4 md:grid-cols-2">
            {numberField("refund_over_percent", "Refunded over (%)", "Of the affiliate's credited orders in 90 days")}
            {numberField("refund_hold_days", "Hold days")}
          </div>
        </div>
      </div>
    </DrawerForm>
  )
}
