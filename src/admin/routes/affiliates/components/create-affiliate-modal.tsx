import { toast } from "@medusajs/ui"
import { useNavigate } from "react-router-dom"
import { FocusModalForm } from "../../../components/form/focus-modal-form"
import { formErrorsFromApi } from "../../../lib/api-errors"
import { useCreateAffiliate } from "../../../lib/hooks/affiliates"
import { useFormState } from "../../../lib/use-form-state"
import {
  AFFILIATE_FORM_FIELDS,
  createAffiliatePayload,
  emptyAffiliateForm,
  validateAffiliateForm,
} from "./affiliate-form"
import { AffiliateFormFields } from "./affiliate-form-fields"

type CreateAffiliateModalProps = { open: boolean; onOpenChange: (open: boolean) => void }

/** Creates an affiliate; the API's validation messages are shown at the fields they name. */
export const CreateAffiliateModal = ({ open, onOpenChange }: CreateAffiliateModalProps) => {
  const navigate = useNavigate()
  const form = useFormState(emptyAffiliateForm())
  const { mutateAsync, isPending } = useCreateAffiliate()

  const close = (next: boolean) => {
    if (!next) {
      form.reset(emptyAffiliateForm())
    }
    onOpenChange(next)
  }

  const submit = async () => {
    const invalid = validateAffiliateForm(form.values)
    if (Object.keys(invalid).length) {
      form.setErrors({ fields: invalid })
      return
    }
    try {
      const { affiliate } = await mutateAsync(createAffiliatePayload(form.values))
      toast.success(`Affiliate ${affiliate.code} created`)
      close(false)
      navigate(`/affiliates/${affiliate.id}`)
    } catch (error) {
      form.setErrors(formErrorsFromApi(error, AFFILIATE_FORM_FIELDS))
    }
  }

  return (
    <FocusModalForm
      open={open}
      onOpenChange={close}
      title="Create affiliate"
      description="A person or business that promotes the store with their own referral code."
      isSubmitting={isPending}
      formError={form.errors.form}
      onSubmit={submit}
    >
      <AffiliateFormFields mode="create" values={form.values} setValue={form.setValue} errors={form.errors} />
    </FocusModalForm>
  )
}
