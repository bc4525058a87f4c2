import { toast } from "@medusajs/ui"
import { useEffect } from "react"
import { DrawerForm } from "../../../../components/form/drawer-form"
import { formErrorOf, setApiErrors } from "../../../../lib/form-errors"
import { useUpdateAffiliate } from "../../../../lib/hooks/affiliates"
import type { Affiliate } from "../../../../../types/http"
import { useZodForm } from "../../../../lib/use-zod-form"
import {
  AFFILIATE_FORM_FIELDS,
  affiliateFormFrom,
  affiliateFormSchema,
  updateAffiliatePayload,
  type AffiliateFormValues,
} from "../../components/affiliate-form"
import { AffiliateFormFields } from "../../components/affiliate-form-fields"

type EditAffiliateDrawerProps = {
  affiliate: Affiliate
  open: boolean
  onOpenChange: (open: boolean) => void
}

/** Edits the profile; only changed fields are sent. Status changes go through the actions. */
export const EditAffiliateDrawer = ({ affiliate, open, onOpenChange }: EditAffiliateDrawerProps) => {
  const form = useZodForm(affiliateFormSchema, affiliateFormFrom(affiliate))
  const { mutateAsync, isPending } = useUpdateAffiliate()
  const { reset } = form

  useEffect(() => {
    if (open) {
      reset(affiliateFormFrom(affiliate))
    }
  }, [open, affiliate, reset])

  const submit = async (values: AffiliateFormValues) => {
    const payload = updateAffiliatePayload(values, affiliate)
    if (!Object.keys(payload).length) {
      onOpenChange(false)
      return
    }
    try {
      await mutateAsync({ id: affiliate.id, ...payload })
      toast.success(`${affiliate.code} updated`)
      onOpenChange(false)
    } catch (error) {
      setApiErrors(form, error, AFFILIATE_FORM_FIELDS)
    }
  }

  return (
    <DrawerForm
      open={open}
      onOpenChange={onOpenChange}
      title="Edit affiliate"
      isSubmitting={isPending}
      formError={formErrorOf(form)}
      onSubmit={form.handleSubmit(submit)}
    >
      <AffiliateFormFields mode="edit" form={form} />
    </DrawerForm>
  )
}
