import { toast } from "@medusajs/ui"
import { useNavigate } from "react-router-dom"
import { FocusModalForm } from "../../../../components/form/focus-modal-form"
import { formErrorsFromApi } from "../../../../lib/api-errors"
import { useCreateProgram } from "../../../../lib/hooks/programs"
import { useFormState } from "../../../../lib/use-form-state"
import { PROGRAM_FORM_FIELDS, emptyProgramForm, programPayload, validateProgramForm } from "./program-form"
import { ProgramFormFields } from "./program-form-fields"

type CreateProgramModalProps = { open: boolean; onOpenChange: (open: boolean) => void }

/** Creates a program; product and collection rules are added on its page afterwards. */
export const CreateProgramModal = ({ open, onOpenChange }: CreateProgramModalProps) => {
  const navigate = useNavigate()
  const form = useFormState(emptyProgramForm())
  const { mutateAsync, isPending } = useCreateProgram()

  const close = (next: boolean) => {
    if (!next) {
      form.reset(emptyProgramForm())
    }
    onOpenChange(next)
  }

  const submit = async () => {
    const invalid = validateProgramForm(form.values)
    if (Object.keys(invalid).length) {
      form.setErrors({ fields: invalid })
      return
    }
    try {
      const { affiliate_program: program } = await mutateAsync(programPayload(form.values))
      toast.success(`Program ${program.name} created`)
      close(false)
      navigate(`/settings/affiliate-programs/${program.id}`)
    } catch (error) {
      form.setErrors(formErrorsFromApi(error, PROGRAM_FORM_FIELDS))
    }
  }

  return (
    <FocusModalForm
      open={open}
      onOpenChange={close}
      title="Create affiliate program"
      description="Commission terms a group of affiliates is on."
      isSubmitting={isPending}
      formError={form.errors.form}
      onSubmit={submit}
    >
      <ProgramFormFields values={form.values} setValue={form.setValue} errors={form.errors} />
    </FocusModalForm>
  )
}
