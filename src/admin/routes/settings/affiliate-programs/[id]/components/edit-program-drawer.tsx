import { toast } from "@medusajs/ui"
import { useEffect } from "react"
import { DrawerForm } from "../../../../../components/form/drawer-form"
import { formErrorsFromApi } from "../../../../../lib/api-errors"
import { useUpdateProgram } from "../../../../../lib/hooks/programs"
import type { AffiliateProgram } from "../../../../../lib/types"
import { useFormState } from "../../../../../lib/use-form-state"
import {
  PROGRAM_FORM_FIELDS,
  programFormFrom,
  programUpdatePayload,
  validateProgramForm,
} from "../../components/program-form"
import { ProgramFormFields } from "../../components/program-form-fields"

type EditProgramDrawerProps = {
  program: AffiliateProgram
  open: boolean
  onOpenChange: (open: boolean) => void
}

/** Edits a program's terms; only the changed terms are sent. */
export const EditProgramDrawer = ({ program, open, onOpenChange }: EditProgramDrawerProps) => {
  const form = useFormState(programFormFrom(program))
  const { mutateAsync, isPending } = useUpdateProgram()
  const { reset } = form

  useEffect(() => {
    if (open) {
      reset(programFormFrom(program))
    }
  }, [open, program, reset])

  const submit = async () => {
    const invalid = validateProgramForm(form.values)
    if (Object.keys(invalid).length) {
      form.setErrors({ fields: invalid })
      return
    }
    const payload = programUpdatePayload(form.values, program)
    if (!Object.keys(payload).length) {
      onOpenChange(false)
      return
    }
    try {
      await mutateAsync({ id: program.id, ...payload })
      toast.success(`${program.name} updated`, {
        description: "New terms apply to orders from now on; booked commission keeps its frozen rate.",
      })
      onOpenChange(false)
    } catch (error) {
      form.setErrors(formErrorsFromApi(error, PROGRAM_FORM_FIELDS))
    }
  }

  return (
    <DrawerForm
      open={open}
      onOpenChange={onOpenChange}
      title="Edit terms"
      isSubmitting={isPending}
      formError={form.errors.form}
      onSubmit={submit}
    >
      <ProgramFormFields values={form.values} setValue={form.setValue} errors={form.errors} />
    </DrawerForm>
  )
}
