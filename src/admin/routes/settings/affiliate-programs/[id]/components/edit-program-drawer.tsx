import { toast } from "@medusajs/ui"
import { useEffect } from "react"
import { DrawerForm } from "../../../../../components/form/drawer-form"
import { formErrorOf, setApiErrors } from "../../../../../lib/form-errors"
import { useUpdateProgram } from "../../../../../lib/hooks/programs"
import type { AffiliateProgram } from "../../../../../../types/http"
import { useZodForm } from "../../../../../lib/use-zod-form"
import {
  PROGRAM_FORM_FIELDS,
  programFormFrom,
  programFormSchema,
  programUpdatePayload,
  type ProgramFormValues,
} from "../../components/program-form"
import { ProgramFormFields } from "../../components/program-form-fields"

type EditProgramDrawerProps = {
  program: AffiliateProgram
  open: boolean
  onOpenChange: (open: boolean) => void
}

/** Edits a program's terms; only the changed terms are sent. */
export const EditProgramDrawer = ({ program, open, onOpenChange }: EditProgramDrawerProps) => {
  const form = useZodForm(programFormSchema, programFormFrom(program))
  const { mutateAsync, isPending } = useUpdateProgram()
  const { reset } = form

  useEffect(() => {
    if (open) {
      reset(programFormFrom(program))
    }
  }, [open, program, reset])

  const submit = async (values: ProgramFormValues) => {
    const payload = programUpdatePayload(values, program)
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
      setApiErrors(form, error, PROGRAM_FORM_FIELDS)
    }
  }

  return (
    <DrawerForm
      open={open}
      onOpenChange={onOpenChange}
      title="Edit terms"
      isSubmitting={isPending}
      formError={formErrorOf(form)}
      onSubmit={form.handleSubmit(submit)}
    >
      <ProgramFormFields form={form} />
    </DrawerForm>
  )
}
