import { toast } from "@medusajs/ui"
import { useEffect } from "react"
import { DrawerForm } from "../../../../components/form/drawer-form"
import { formErrorsFromApi } from "../../../../lib/api-errors"
import { useUpdateAffiliate } from "../../../../lib/hooks/affiliates"
import type { Affiliate } from "../../../../lib/types"
import { useFormState } from "../../../../lib/use-form-state"
import {
  AFFILIATE_FORM_FIELDS,
  affiliateFormFrom,
  updateAffiliatePayload,
  validateAffiliateForm,
} from "../../components/affiliate-form"
import { AffiliateFormFields } from "../../components/affiliate-form-fields"

type EditAffiliateDrawerProps = {
  affiliate: Affiliate
  open: boolean
  onOpenChange: (open: boolean) => void
}

/** Edits the profile; only changed fields are sent. Status changes go through the actions. */
export const EditAffiliateDrawer = ({ affiliate, open, onOpenChange }: EditAffiliateDrawerProps) => {
  const form = useFormState(affiliateFormFrom(affiliate))
  const { mutateAsync, isPending } = useUpdateAffiliate()
  const { reset } = form

  useEffect(() => {
    if (open) {
      reset(affiliateFormFrom(affiliate))
    }
  }, [open, affiliate, reset])

  const submit = async () => {
    const invalid = validateAffiliateForm(form.values)
    if (Object.keys(invalid).length) {
      form.setErrors({ fields: invalid })
      return
    }
    const payload = updateAffiliatePayload(form.values, affiliate)
    if (!Object.keys(payload).length) {
      onOpenChange(false)
      return
    }
    try {
      await mutateAsync({ id: affiliate.id, ...payload })
      toast.success(`${affiliate.code} updated`)
      onOpenChange(false)
    } catch (error) {
      form.setErrors(formErrorsFromApi(error, AFFILIATE_FORM_FIELDS))
    }
  }

  return (
    <DrawerForm
      open={open}
      onOpenChange={onOpenChange}
      title="Edit affiliate"
      isSubmitting={isPending}
      formError={form.errors.form}
      onSubmit={submit}
    >
      <AffiliateFormFields mode="edit" values={form.values} setValue={form.setValue} errors={form.errors} />
    </DrawerForm>
  )
}
