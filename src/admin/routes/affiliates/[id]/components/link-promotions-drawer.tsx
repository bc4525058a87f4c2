import { Badge, toast } from "@medusajs/ui"
import { useQueryClient } from "@tanstack/react-query"
import { useEffect } from "react"
import { Controller } from "react-hook-form"
import { z } from "zod"
import { DrawerForm } from "../../../../components/form/drawer-form"
import { FormField } from "../../../../components/form/form-field"
import { PromotionSelect } from "../../../../components/pickers/promotion-select"
import { formErrorOf, setApiErrors } from "../../../../lib/form-errors"
import { useLinkAffiliatePromotions } from "../../../../lib/hooks/affiliates"
import type { PromotionOption } from "../../../../lib/hooks/core-lookups"
import { catalogKeys } from "../../../../lib/query-keys"
import type { Affiliate } from "../../../../../types/http"
import { useZodForm } from "../../../../lib/use-zod-form"
import { describeTakenCodes } from "./taken-codes"
import { toggleOption } from "../../../../lib/toggle-option"

const linkSchema = z.object({
  add: z.array(z.custom<PromotionOption>()).min(1, "Choose at least one promotion code"),
})
type LinkValues = z.infer<typeof linkSchema>

type LinkPromotionsDrawerProps = {
  affiliate: Affiliate
  open: boolean
  onOpenChange: (open: boolean) => void
}

/** Links promotion codes to the affiliate: orders using them credit this affiliate. */
export const LinkPromotionsDrawer = ({ affiliate, open, onOpenChange }: LinkPromotionsDrawerProps) => {
  const form = useZodForm(linkSchema, { add: [] })
  const { mutateAsync, isPending } = useLinkAffiliatePromotions()
  const queryClient = useQueryClient()
  const { reset } = form

  useEffect(() => {
    if (open) {
      reset({ add: [] })
    }
  }, [open, reset])

  const submit = async ({ add }: LinkValues) => {
    try {
      await mutateAsync({ affiliateId: affiliate.id, add: add.map((o) => o.id) })
      toast.success(add.length === 1 ? `${add[0].label} linked to ${affiliate.code}` : `${add.length} codes linked to ${affiliate.code}`)
      onOpenChange(false)
    } catch (error) {
      // The refusal of a code another affiliate has names the code and its owner, not ids.
      const taken = await describeTakenCodes(add.map((o) => o.id), affiliate.id).catch(() => null)
      if (taken) {
        form.setError("add", { type: "server", message: taken })
        // The search was read before the code changed hands: show its owner now.
        queryClient.invalidateQueries({ queryKey: catalogKeys.list({ resource: "promotions" }) })
      } else {
        setApiErrors(form, error, ["add"])
      }
    }
  }

  const error = form.formState.errors.add?.message
  return (
    <DrawerForm
      open={open}
      onOpenChange={onOpenChange}
      title="Link promotion codes"
      description={`Orders that use a linked code credit ${affiliate.code}. A code belongs to one affiliate at most.`}
      submitLabel="Link"
      isSubmitting={isPending}
      formError={formErrorOf(form)}
      onSubmit={form.handleSubmit(submit)}
    >
      <FormField
        id="link-promotions"
        label="Promotion codes"
        error={error}
        hint="Codes of other affiliates are shown with their owner and cannot be chosen."
      >
        <Controller
          control={form.control}
          name="add"
          render={({ field }) => {
            const toggle = (option: PromotionOption) => field.onChange(toggleOption(field.value, option))
            return (
              <>
                {field.value.length > 0 && (
                  <div className="flex flex-wrap gap-1" aria-label="Selected codes">
                    {field.value.map((o) => (
                      <Badge key={o.id} size="2xsmall" className="font-mono">
                        {o.label}
                      </Badge>
                    ))}
                  </div>
                )}
                <PromotionSelect
                  id="link-promotions"
                  affiliateId={affiliate.id}
                  selectedIds={field.value.map((o) => o.id)}
                  onSelect={toggle}
                  invalid={Boolean(error)}
                />
              </>
            )
          }}
        />
      </FormField>
    </DrawerForm>
  )
}
