import { Input, Label, RadioGroup, Text, toast } from "@medusajs/ui"
import { useEffect } from "react"
import { Controller } from "react-hook-form"
import { ChoiceSelect } from "../../../../../components/form/choice-select"
import { DrawerForm } from "../../../../../components/form/drawer-form"
import { FormField } from "../../../../../components/form/form-field"
import { RuleTargetSelect } from "../../../../../components/pickers/rule-target-select"
import { formErrorOf, setApiErrors } from "../../../../../lib/form-errors"
import { toRulePayload, useUpdateProgram } from "../../../../../lib/hooks/programs"
import type { AffiliateProgram, AffiliateProgramRule } from "../../../../../../types/http"
import { useZodForm } from "../../../../../lib/use-zod-form"
import { programRuleFormFrom, programRulePayload, programRuleSchema, type ProgramRuleValues } from "./program-rule-form"

const RULE_TYPE_CHOICES = [
  { value: "percentage", label: "Percentage" },
  { value: "flat", label: "Flat per order" },
] as const

type ProgramRuleDrawerProps = {
  program: AffiliateProgram
  /** The rule being edited (with its target's title), or null to add one. */
  editing: { rule: AffiliateProgramRule; title: string } | null
  open: boolean
  onOpenChange: (open: boolean) => void
}

const sameTarget = (a: Pick<AffiliateProgramRule, "target_type" | "target_id">, b: typeof a) =>
  a.target_type === b.target_type && a.target_id === b.target_id

/**
 * Adds or edits a per-product / per-collection rule: those items earn another rate, or
 * nothing. The program's rules are written back as a whole.
 */
export const ProgramRuleDrawer = ({ program, editing, open, onOpenChange }: ProgramRuleDrawerProps) => {
  const form = useZodForm(programRuleSchema, programRuleFormFrom(program, editing))
  const { mutateAsync, isPending } = useUpdateProgram()
  const rules = program.rules ?? []
  const { reset } = form
  const [targetType, target, treatment, commissionType] = form.watch(["target_type", "target_id", "treatment", "commission_type"])

  useEffect(() => {
    if (open) {
      reset(programRuleFormFrom(program, editing))
    }
  }, [open, editing, program, reset])

  const submit = async (values: ProgramRuleValues) => {
    const rule = programRulePayload(values)
    const others = rules.filter((r) => !sameTarget(r, editing?.rule ?? rule)).map(toRulePayload)
    try {
      await mutateAsync({ id: program.id, rules: [...others, rule] })
      toast.success(editing ? `Rule for ${values.target_id!.label} updated` : `Rule for ${values.target_id!.label} added`)
      onOpenChange(false)
    } catch (error) {
      setApiErrors(form, error, ["target_id", "commission_value"])
    }
  }

  const errors = form.formState.errors
  const takenIds = rules.filter((r) => r.target_type === targetType).map((r) => r.target_id)

  return (
    <DrawerForm
      open={open}
      onOpenChange={onOpenChange}
      title={editing ? "Edit rule" : "Add rule"}
      description="Items of a product or collection can earn another rate than the program's, or none."
      isSubmitting={isPending}
      formError={formErrorOf(form)}
      onSubmit={form.handleSubmit(submit)}
    >
      {editing ? (
        <div className="flex flex-col gap-y-1">
          <Label size="small" weight="plus">
            {editing.rule.target_type === "product" ? "Product" : "Collection"}
          </Label>
          <Text size="small">{editing.title}</Text>
        </div>
      ) : (
        <>
          <div className="flex flex-col gap-y-3">
            <Label size="small" weight="plus" id="rule-target-type-label">
              Applies to
            </Label>
            <Controller
              control={form.control}
              name="target_type"
              render={({ field }) => (
                <RadioGroup
                  value={field.value}
                  onValueChange={(v) => {
                    field.onChange(v)
                    form.setValue("target_id", null)
                  }}
                  aria-labelledby="rule-target-type-label"
                  className="flex gap-x-6"
                >
                  <div className="flex items-center gap-x-2">
                    <RadioGroup.Item value="product" id="rule-target-product" />
                    <Label htmlFor="rule-target-product" size="small">
                      A product
                    </Label>
                  </div>
                  <div className="flex items-center gap-x-2">
                    <RadioGroup.Item value="collection" id="rule-target-collection" />
                    <Label htmlFor="rule-target-collection" size="small">
                      A collection
                    </Label>
                  </div>
                </RadioGroup>
              )}
            />
          </div>
          <FormField
            id="rule-target"
            label={targetType === "product" ? "Product" : "Collection"}
            error={errors.target_id?.message}
            hint={target ? `Selected: ${target.label}` : undefined}
          >
            <Controller
              control={form.control}
              name="target_id"
              render={({ field }) => (
                <RuleTargetSelect
                  key={targetType}
                  id="rule-target"
                  target={targetType}
                  selectedIds={field.value ? [field.value.id] : []}
                  onSelect={(option) => field.onChange({ id: option.id, label: option.label })}
                  excludeIds={takenIds}
                  invalid={Boolean(errors.target_id)}
                />
              )}
            />
          </FormField>
        </>
      )}
      <div className="flex flex-col gap-y-3">
        <Label size="small" weight="plus" id="rule-treatment-label">
          Commission on these items
        </Label>
        <Controller
          control={form.control}
          name="treatment"
          render={({ field }) => (
            <RadioGroup value={field.value} onValueChange={field.onChange} aria-labelledby="rule-treatment-label">
              <div className="flex items-center gap-x-2">
                <RadioGroup.Item value="rate" id="rule-treatment-rate" />
                <Label htmlFor="rule-treatment-rate" size="small">
                  A different rate
                </Label>
              </div>
              <div className="flex items-center gap-x-2">
                <RadioGroup.Item value="excluded" id="rule-treatment-excluded" />
                <Label htmlFor="rule-treatment-excluded" size="small">
                  None (excluded)
                </Label>
              </div>
            </RadioGroup>
          )}
        />
      </div>
      {treatment === "rate" && (
        <div className="grid grid-cols-2 gap-4">
          <FormField id="rule-type" label="Type">
            <Controller
              control={form.control}
              name="commission_type"
              render={({ field }) => (
                <ChoiceSelect id="rule-type" value={field.value} onChange={field.onChange} triggerRef={field.ref} options={RULE_TYPE_CHOICES} />
              )}
            />
          </FormField>
          <FormField
            id="rule-value"
            label={commissionType === "percentage" ? "Rate (%)" : "Amount"}
            error={errors.commission_value?.message}
          >
            <Input
              id="rule-value"
              type="number"
              inputMode="decimal"
              min={0}
              step="0.01"
              size="small"
              {...form.register("commission_value")}
              aria-invalid={Boolean(errors.commission_value) || undefined}
            />
          </FormField>
        </div>
      )}
    </DrawerForm>
  )
}
