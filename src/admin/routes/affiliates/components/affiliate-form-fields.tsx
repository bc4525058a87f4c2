import { Button, Input, Select, Text } from "@medusajs/ui"
import { FormField } from "../../../components/form/form-field"
import { CustomerSelect } from "../../../components/pickers/customer-select"
import type { FormErrors } from "../../../lib/api-errors"
import { useAllPrograms } from "../../../lib/hooks/programs"
import { useCustomerOption } from "../../../lib/hooks/core-lookups"
import { commissionTerms } from "../../../lib/program-terms"
import type { AffiliateFormField, AffiliateFormValues } from "./affiliate-form"

const DEFAULT_PROGRAM = "__default__"

type AffiliateFormFieldsProps = {
  mode: "create" | "edit"
  values: AffiliateFormValues
  setValue: <K extends AffiliateFormField>(field: K, value: AffiliateFormValues[K]) => void
  errors: FormErrors<AffiliateFormField>
}

const LinkedCustomer = ({ customerId, onRemove }: { customerId: string; onRemove: () => void }) => {
  const { option } = useCustomerOption(customerId)
  return (
    <div className="shadow-borders-base flex items-center justify-between gap-x-2 rounded-lg px-3 py-2">
      <div className="flex min-w-0 flex-col">
        <Text size="small" weight="plus" leading="compact" className="truncate">
          {option?.label ?? customerId}
        </Text>
        {option?.description && (
          <Text size="xsmall" leading="compact" className="text-ui-fg-subtle truncate">
            {option.description}
          </Text>
        )}
      </div>
      <Button size="small" variant="transparent" type="button" onClick={onRemove}>
        Remove
      </Button>
    </div>
  )
}

/** The affiliate's profile fields, shared by the create and edit forms. */
export const AffiliateFormFields = ({ mode, values, setValue, errors }: AffiliateFormFieldsProps) => {
  const { affiliate_programs: programs = [], isPending: programsLoading } = useAllPrograms()
  const defaultProgram = programs.find((p) => p.is_default)
  const e = errors.fields

  return (
    <div className="flex flex-col gap-y-6">
      <div className="grid grid-cols-1 gap-4 md:grid-cols-2">
        <FormField
          id="affiliate-code"
          label="Code"
          error={e.code}
          hint={mode === "edit" ? "Changing the code breaks links already shared with the old one." : "3-32 letters, digits, - or _. Stored upper-case."}
        >
          <Input
            id="affiliate-code"
            size="small"
            value={values.code}
            onChange={(ev) => setValue("code", ev.target.value)}
            aria-invalid={Boolean(e.code) || undefined}
            autoComplete="off"
            className="font-mono uppercase"
          />
        </FormField>
        <FormField id="affiliate-name" label="Name" error={e.name}>
          <Input
            id="affiliate-name"
            size="small"
            value={values.name}
            onChange={(ev) => setValue("name", ev.target.value)}
            aria-invalid={Boolean(e.name) || undefined}
          />
        </FormField>
        <FormField id="affiliate-email" label="Email" error={e.email}>
          <Input
            id="affiliate-email"
            type="email"
            size="small"
            value={values.email}
            onChange={(ev) => setValue("email", ev.target.value)}
            aria-invalid={Boolean(e.email) || undefined}
          />
        </FormField>
        {mode === "create" && (
          <FormField id="affiliate-status" label="Status" error={e.status} hint="Pending affiliates earn nothing until approved.">
            <Select
              size="small"
              value={values.status}
              onValueChange={(v) => setValue("status", v as AffiliateFormValues["status"])}
            >
              <Select.Trigger id="affiliate-status" aria-invalid={Boolean(e.status) || undefined}>
                <Select.Value />
              </Select.Trigger>
              <Select.Content>
                <Select.Item value="active">Active</Select.Item>
                <Select.Item value="pending">Pending approval</Select.Item>
              </Select.Content>
            </Select>
          </FormField>
        )}
        <FormField id="affiliate-program" label="Program" error={e.program_id}>
          <Select
            size="small"
            value={values.program_id || (mode === "create" ? DEFAULT_PROGRAM : undefined)}
            onValueChange={(v) => setValue("program_id", v === DEFAULT_PROGRAM ? "" : v)}
            disabled={programsLoading}
          >
            <Select.Trigger id="affiliate-program" aria-invalid={Boolean(e.program_id) || undefined}>
              <Select.Value placeholder={programsLoading ? "Loading programs..." : "Choose a program"} />
            </Select.Trigger>
            <Select.Content>
              {mode === "create" && (
                <Select.Item value={DEFAULT_PROGRAM}>
                  Default program{defaultProgram ? ` (${defaultProgram.name})` : ""}
                </Select.Item>
              )}
              {programs.map((program) => (
                <Select.Item key={program.id} value={program.id}>
                  {program.name} · {commissionTerms(program)}
                </Select.Item>
              ))}
            </Select.Content>
          </Select>
        </FormField>
        <FormField
          id="affiliate-rate"
          label="Commission rate override (%)"
          optional
          error={e.commission_rate}
          hint="Leave empty to use the program's terms."
        >
          <Input
            id="affiliate-rate"
            type="number"
            inputMode="decimal"
            min={0}
            max={100}
            step="0.01"
            size="small"
            value={values.commission_rate}
            onChange={(ev) => setValue("commission_rate", ev.target.value)}
            aria-invalid={Boolean(e.commission_rate) || undefined}
          />
        </FormField>
      </div>
      <FormField
        id="affiliate-customer"
        label="Customer account"
        optional
        error={e.customer_id}
        hint="The storefront account the affiliate signs in with to see their portal."
      >
        {values.customer_id ? (
          <LinkedCustomer customerId={values.customer_id.id} onRemove={() => setValue("customer_id", null)} />
        ) : (
          <CustomerSelect
            id="affiliate-customer"
            selectedIds={[]}
            onSelect={(option) => setValue("customer_id", option)}
            invalid={Boolean(e.customer_id)}
          />
        )}
      </FormField>
    </div>
  )
}
