import { Input, Label, RadioGroup, Select, Text, toast } from "@medusajs/ui"
import { useEffect, useState } from "react"
import { DrawerForm } from "../../../../../components/form/drawer-form"
import { FormField } from "../../../../../components/form/form-field"
import { RuleTargetSelect } from "../../../../../components/pickers/rule-target-select"
import { formErrorsFromApi } from "../../../../../lib/api-errors"
import type { LookupOption } from "../../../../../lib/hooks/core-lookups"
import { toRulePayload, useUpdateProgram, type ProgramRulePayload } from "../../../../../lib/hooks/programs"
import type { AffiliateProgram, AffiliateProgramRule, CommissionType, ProgramRuleTarget } from "../../../../../lib/types"

type Treatment = "excluded" | "rate"
type Field = "target_id" | "commission_value"
const FIELDS: readonly Field[] = ["target_id", "commission_value"]

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
  const [targetType, setTargetType] = useState<ProgramRuleTarget>("product")
  const [target, setTarget] = useState<LookupOption | null>(null)
  const [treatment, setTreatment] = useState<Treatment>("rate")
  const [commissionType, setCommissionType] = useState<CommissionType>(program.commission_type)
  const [value, setValue] = useState("")
  const [errors, setErrors] = useState<{ fields: Partial<Record<Field, string>>; form?: string }>({ fields: {} })
  const { mutateAsync, isPending } = useUpdateProgram()
  const rules = program.rules ?? []

  useEffect(() => {
    if (!open) {
      return
    }
    const rule = editing?.rule
    setTargetType(rule?.target_type ?? "product")
    setTarget(rule ? { id: rule.target_id, label: editing.title } : null)
    setTreatment(rule?.excluded ? "excluded" : "rate")
    setCommissionType(rule?.commission_type ?? program.commission_type)
    setValue(rule?.commission_value == null ? "" : String(rule.commission_value))
    setErrors({ fields: {} })
  }, [open, editing, program.commission_type])

  const submit = async () => {
    const invalid: Partial<Record<Field, string>> = {}
    const amount = Number(value)
    if (!target) invalid.target_id = `Choose a ${targetType}`
    if (treatment === "rate") {
      if (value.trim() === "" || !Number.isFinite(amount) || amount < 0) {
        invalid.commission_value = "Enter a number of 0 or more"
      } else if (commissionType === "percentage" && amount > 100) {
        invalid.commission_value = "A percentage is at most 100"
      }
    }
    if (Object.keys(invalid).length || !target) {
      setErrors({ fields: invalid })
      return
    }
    const rule: ProgramRulePayload = {
      target_type: targetType,
      target_id: target.id,
      excluded: treatment === "excluded",
      commission_type: treatment === "excluded" ? null : commissionType,
      commission_value: treatment === "excluded" ? null : amount,
    }
    const others = rules.filter((r) => !sameTarget(r, editing?.rule ?? rule)).map(toRulePayload)
    try {
      await mutateAsync({ id: program.id, rules: [...others, rule] })
      toast.success(editing ? `Rule for ${target.label} updated` : `Rule for ${target.label} added`)
      onOpenChange(false)
    } catch (error) {
      setErrors(formErrorsFromApi(error, FIELDS))
    }
  }

  const takenIds = rules.filter((r) => r.target_type === targetType).map((r) => r.target_id)

  return (
    <DrawerForm
      open={open}
      onOpenChange={onOpenChange}
      title={editing ? "Edit rule" : "Add rule"}
      description="Items of a product or collection can earn another rate than the program's, or none."
      isSubmitting={isPending}
      formError={errors.form}
      onSubmit={submit}
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
            <RadioGroup
              value={targetType}
              onValueChange={(v) => {
                setTargetType(v as ProgramRuleTarget)
                setTarget(null)
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
          </div>
          <FormField
            id="rule-target"
            label={targetType === "product" ? "Product" : "Collection"}
            error={errors.fields.target_id}
            hint={target ? `Selected: ${target.label}` : undefined}
          >
            <RuleTargetSelect
              key={targetType}
              id="rule-target"
              target={targetType}
              selectedIds={target ? [target.id] : []}
              onSelect={(option) => {
                setTarget(option)
                setErrors({ fields: {} })
              }}
              excludeIds={takenIds}
              invalid={Boolean(errors.fields.target_id)}
            />
          </FormField>
        </>
      )}
      <div className="flex flex-col gap-y-3">
        <Label size="small" weight="plus" id="rule-treatment-label">
          Commission on these items
        </Label>
        <RadioGroup
          value={treatment}
          onValueChange={(v) => setTreatment(v as Treatment)}
          aria-labelledby="rule-treatment-label"
        >
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
      </div>
      {treatment === "rate" && (
        <div className="grid grid-cols-2 gap-4">
          <FormField id="rule-type" label="Type">
            <Select size="small" value={commissionType} onValueChange={(v) => setCommissionType(v as CommissionType)}>
              <Select.Trigger id="rule-type">
                <Select.Value />
              </Select.Trigger>
              <Select.Content>
                <Select.Item value="percentage">Percentage</Select.Item>
                <Select.Item value="flat">Flat per order</Select.Item>
              </Select.Content>
            </Select>
          </FormField>
          <FormField
            id="rule-value"
            label={commissionType === "percentage" ? "Rate (%)" : "Amount"}
            error={errors.fields.commission_value}
          >
            <Input
              id="rule-value"
              type="number"
              inputMode="decimal"
              min={0}
              step="0.01"
              size="small"
              value={value}
              onChange={(e) => {
                setValue(e.target.value)
                setErrors({ fields: {} })
              }}
              aria-invalid={Boolean(errors.fields.commission_value) || undefined}
            />
          </FormField>
        </div>
      )}
    </DrawerForm>
  )
}
