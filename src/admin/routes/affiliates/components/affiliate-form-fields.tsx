import { Button, Input, Select, Text } from "@medusajs/ui"
import { Controller, type UseFormReturn } from "react-hook-form"
import { FormField } from "../../../components/form/form-field"
import { CustomerSelect } from "../../../components/pickers/customer-select"
import { useAllPrograms } from "../../../lib/hooks/programs"
import { useCustomerOption } from "../../../lib/hooks/core-lookups"
import { commissionTerms } from "../../../lib/program-terms"
import type { AffiliateFormValues } from "./affiliate-form"

const DEFAULT_PROGRAM = "__default__"

type AffiliateFormFieldsProps = {
  mode: "create" | "edit"
  form: UseFormReturn<AffiliateFormValues>
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
export const AffiliateFormFields = ({ mode, form }: AffiliateFormFieldsProps) => {
  const { affiliate_programs: programs = [], isPending: programsLoading } = useAllPrograms()
  const defaultProgram = programs.find((p) => p.is_default)
  const { register, control } = form
  const errors = form.formState.errors
  const e = {
    code: errors.code?.message,
    name: errors.name?.message,
    email: errors.email?.message,
    status: errors.status?.message,
    program_id: errors.program_id?.message,
    commission_rate: errors.commission_rate?.message,
    customer_id: errors.customer_id?.message,
  }

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
            {...register("code")}
            aria-invalid={Boolean(e.code) || undefined}
            autoComplete="off"
            className="font-mono uppercase"
          />
        </FormField>
        <FormField id="affiliate-name" label="Name" error={e.name}>
          <Input
            id="affiliate-name"
            size="small"
            {...register("name")}
            aria-invalid={Boolean(e.name) || undefined}
          />
        </FormField>
        <FormField id="affiliate-email" label="Email" error={e.email}>
          <Input
            id="affiliate-email"
            type="email"
            size="small"
            {...register("email")}
            aria-invalid={Boolean(e.email) || undefined}
          />
        </FormField>
        {mode === "create" && (
          <FormField id="affiliate-status" label="Status" error={e.status} hint="Pending affiliates earn nothing until approved.">
            <Controller
              control={control}
              name="status"
              render={({ field }) => (
                <Select size="small" value={field.value} onValueChange={field.onChange}>
                  <Select.Trigger id="affiliate-status" ref={field.ref} aria-invalid={Boolean(e.status) || undefined}>
                    <Select.Value />
                  </Select.Trigger>
                  <Select.Content>
                    <Select.Item value="active">Active</Select.Item>
                    <Select.Item value="pending">Pending approval</Select.Item>
                  </Select.Content>
                </Select>
              )}
            />
          </FormField>
        )}
        <FormField id="affiliate-program" label="Program" error={e.program_id}>
          <Controller
            control={control}
            name="program_id"
            render={({ field }) => (
              <Select
                size="small"
                value={field.value || (mode === "create" ? DEFAULT_PROGRAM : undefined)}
                onValueChange={(v) => field.onChange(v === DEFAULT_PROGRAM ? "" : v)}
                disabled={programsLoading}
              >
                <Select.Trigger id="affiliate-program" ref={field.ref} aria-invalid={Boolean(e.program_id) || undefined}>
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
            )}
          />
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
            {...register("commission_rate")}
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
        <Controller
          control={control}
          name="customer_id"
          render={({ field }) =>
            field.value ? (
              <LinkedCustomer customerId={field.value.id} onRemove={() => field.onChange(null)} />
            ) : (
              <CustomerSelect
                id="affiliate-customer"
                selectedIds={[]}
                onSelect={(option) => field.onChange(option)}
                invalid={Boolean(e.customer_id)}
              />
            )
          }
        />
      </FormField>
    </div>
  )
}
