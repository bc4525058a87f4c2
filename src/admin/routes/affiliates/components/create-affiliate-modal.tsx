import { toast } from "@medusajs/ui"
import { useNavigate } from "react-router-dom"
import { FocusModalForm } from "../../../components/form/focus-modal-form"
import { formErrorOf, setApiErrors } from "../../../lib/form-errors"
import { useCreateAffiliate } from "../../../lib/hooks/affiliates"
import { useZodForm } from "../../../lib/use-zod-form"
import {
  AFFILIATE_FORM_FIELDS,
  affiliateFormSchema,
  createAffiliatePayload,
  emptyAffiliateForm,
  type AffiliateFormValues,
} from "./affiliate-form"
import { AffiliateFormFields } from "./affiliate-form-fields"

type CreateAffiliateModalProps = { open: boolean; onOpenChange: (open: boolean) => void }

/** Creates an affiliate; the API's validation messages are shown at the fields they name. */
export const CreateAffiliateModal = ({ open, onOpenChange }: CreateAffiliateModalProps) => {
  const navigate = useNavigate()
  const form = useZodForm(affiliateFormSchema, emptyAffiliateForm())
  const { mutateAsync, isPending } = useCreateAffiliate()

  const close = (next: boolean) => {
    if (!next) {
      form.reset(emptyAffiliateForm())
    }
    onOpenChange(next)
  }

  const submit = async (values: AffiliateFormValues) => {
    try {
      const { affiliate } = await mutateAsync(createAffiliatePayload(values))
      toast.success(`Affiliate ${affiliate.code} created`)
      close(false)
      navigate(`/affiliates/${affiliate.id}`)
    } catch (error) {
      setApiErrors(form, error, AFFILIATE_FORM_FIELDS)
    }
  }

  return (
    <FocusModalForm
      open={open}
      onOpenChange={close}
      title="Create affiliate"
      description="A person or business that promotes the store with their own referral code."
      isSubmitting={isPending}
      formError={formErrorOf(form)}
      onSubmit={form.handleSubmit(submit)}
    >
      <AffiliateFormFields mode="create" form={form} />
    </FocusModalForm>
  )
}
