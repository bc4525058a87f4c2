import { toast } from "@medusajs/ui"
import { useNavigate } from "react-router-dom"
import { FocusModalForm } from "../../../../components/form/focus-modal-form"
import { formErrorOf, setApiErrors } from "../../../../lib/form-errors"
import { useCreateProgram } from "../../../../lib/hooks/programs"
import { useZodForm } from "../../../../lib/use-zod-form"
import { PROGRAM_FORM_FIELDS, emptyProgramForm, programFormSchema, programPayload, type ProgramFormValues } from "./program-form"
import { ProgramFormFields } from "./program-form-fields"

type CreateProgramModalProps = { open: boolean; onOpenChange: (open: boolean) => void }

/** Creates a program; product and collection rules are added on its page afterwards. */
export const CreateProgramModal = ({ open, onOpenChange }: CreateProgramModalProps) => {
  const navigate = useNavigate()
  const form = useZodForm(programFormSchema, emptyProgramForm())
  const { mutateAsync, isPending } = useCreateProgram()

  const close = (next: boolean) => {
    if (!next) {
      form.reset(emptyProgramForm())
    }
    onOpenChange(next)
  }

  const submit = async (values: ProgramFormValues) => {
    try {
      const { affiliate_program: program } = await mutateAsync(programPayload(values))
      toast.success(`Program ${program.name} created`)
      close(false)
      navigate(`/settings/affiliate-programs/${program.id}`)
    } catch (error) {
      setApiErrors(form, error, PROGRAM_FORM_FIELDS)
    }
  }

  return (
    <FocusModalForm
      open={open}
      onOpenChange={close}
      title="Create affiliate program"
      description="Commission terms a group of affiliates is on."
      isSubmitting={isPending}
      formError={formErrorOf(form)}
      onSubmit={form.handleSubmit(submit)}
    >
      <ProgramFormFields form={form} />
    </FocusModalForm>
  )
}
