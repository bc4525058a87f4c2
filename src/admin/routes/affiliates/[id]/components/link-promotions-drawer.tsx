import { Badge, Text, toast } from "@medusajs/ui"
import { useEffect, useState } from "react"
import { DrawerForm } from "../../../../components/form/drawer-form"
import { FormField } from "../../../../components/form/form-field"
import { PromotionSelect } from "../../../../components/pickers/promotion-select"
import { formErrorsFromApi } from "../../../../lib/api-errors"
import { useLinkAffiliatePromotions } from "../../../../lib/hooks/affiliates"
import type { LookupOption } from "../../../../lib/hooks/core-lookups"
import type { Affiliate } from "../../../../lib/types"

type LinkPromotionsDrawerProps = {
  affiliate: Affiliate
  open: boolean
  onOpenChange: (open: boolean) => void
}

/** Links promotion codes to the affiliate: orders using them credit this affiliate. */
export const LinkPromotionsDrawer = ({ affiliate, open, onOpenChange }: LinkPromotionsDrawerProps) => {
  const [selected, setSelected] = useState<LookupOption[]>([])
  const [error, setError] = useState<{ field?: string; form?: string }>({})
  const { mutateAsync, isPending } = useLinkAffiliatePromotions()

  useEffect(() => {
    if (open) {
      setSelected([])
      setError({})
    }
  }, [open])

  const toggle = (option: LookupOption) => {
    setError({})
    setSelected((prev) => (prev.some((o) => o.id === option.id) ? prev.filter((o) => o.id !== option.id) : [...prev, option]))
  }

  const submit = async () => {
    if (!selected.length) {
      setError({ field: "Choose at least one promotion code" })
      return
    }
    try {
      await mutateAsync({ affiliateId: affiliate.id, add: selected.map((o) => o.id) })
      toast.success(
        selected.length === 1 ? `${selected[0].label} linked to ${affiliate.code}` : `${selected.length} codes linked to ${affiliate.code}`
      )
      onOpenChange(false)
    } catch (e) {
      const errors = formErrorsFromApi(e, ["add"])
      setError({ field: errors.fields.add, form: errors.form })
    }
  }

  return (
    <DrawerForm
      open={open}
      onOpenChange={onOpenChange}
      title="Link promotion codes"
      description={`Orders that use a linked code credit ${affiliate.code}. A code belongs to one affiliate at most.`}
      submitLabel="Link"
      isSubmitting={isPending}
      formError={error.form}
      onSubmit={submit}
    >
      <FormField id="link-promotions" label="Promotion codes" error={error.field}>
        {selected.length > 0 && (
          <div className="flex flex-wrap gap-1" aria-label="Selected codes">
            {selected.map((o) => (
              <Badge key={o.id} size="2xsmall" className="font-mono">
                {o.label}
              </Badge>
            ))}
          </div>
        )}
        <PromotionSelect
          id="link-promotions"
          selectedIds={selected.map((o) => o.id)}
          onSelect={toggle}
          excludeIds={(affiliate.promotions ?? []).map((p) => p.id)}
          invalid={Boolean(error.field)}
        />
      </FormField>
      <Text size="xsmall" className="text-ui-fg-muted">
        Codes already linked to this affiliate are not listed.
      </Text>
    </DrawerForm>
  )
}
