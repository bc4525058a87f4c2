import { defineWidgetConfig } from "@medusajs/admin-sdk"
import type { AdminPromotion, DetailWidgetProps } from "@medusajs/framework/types"
import { ArrowPath, Trash } from "@medusajs/icons"
import { Button, Container, Skeleton, Text, toast, usePrompt } from "@medusajs/ui"
import { useState } from "react"
import { Controller } from "react-hook-form"
import { ActionMenu } from "../components/action-menu"
import { AffiliateLink } from "../components/affiliate-link"
import { DomainStatusBadge } from "../components/domain-status-badge"
import { DrawerForm } from "../components/form/drawer-form"
import { FormField } from "../components/form/form-field"
import { SectionHeader } from "../components/layout/section-header"
import { AffiliateSelect } from "../components/pickers/affiliate-select"
import { ErrorState } from "../components/states/error-state"
import { NoRecords } from "../components/states/no-records"
import { errorMessage } from "../lib/api-errors"
import { useLinkAffiliatePromotions } from "../lib/hooks/affiliates"
import { AffiliateChoiceValues, useAffiliateChoiceForm } from "../lib/affiliate-choice-form"
import { usePromotionOwner } from "../lib/hooks/core-lookups"
import { usePromotionCodeLeak } from "../lib/hooks/reports"
import { leakSentence } from "../lib/risk-sentences"

/**
 * On a promotion's page: which affiliate this code credits, and linking it to one.
 * A code belongs to one affiliate at most, so changing the owner unlinks the old one first.
 */
const PromotionAffiliateWidget = ({ data: promotion }: DetailWidgetProps<AdminPromotion>) => {
  const { affiliate: owner, isPending, error, refetch } = usePromotionOwner(promotion.id)
  const { mutateAsync, isPending: isSaving } = useLinkAffiliatePromotions()
  const prompt = usePrompt()
  const [choosing, setChoosing] = useState(false)
  const form = useAffiliateChoiceForm()
  const choice = form.watch("affiliate")
  const code = promotion.code ?? "this code"
  const { leak, isPending: leakPending } = usePromotionCodeLeak(owner ? promotion.code : null)

  const openChooser = () => {
    form.reset({ affiliate: null })
    setChoosing(true)
  }

  const link = async ({ affiliate: choice }: AffiliateChoiceValues) => {
    if (!choice) {
      return
    }
    try {
      if (owner) {
        await mutateAsync({ affiliateId: owner.id, remove: [promotion.id] })
      }
      try {
        await mutateAsync({ affiliateId: choice.id, add: [promotion.id] })
      } catch (error) {
        if (owner) {
          // Put the code back with its previous owner rather than leave it with nobody.
          await mutateAsync({ affiliateId: owner.id, add: [promotion.id] }).catch(() => undefined)
        }
        throw error
      }
      toast.success(`${code} now credits ${choice.label}`)
      setChoosing(false)
    } catch (error) {
      form.setError("affiliate", { type: "server", message: errorMessage(error) })
    }
  }

  const unlink = async () => {
    if (!owner) {
      return
    }
    const confirmed = await prompt({
      title: `Unlink ${code}?`,
      description: `Orders using ${code} will no longer credit ${owner.code}. Commission already earned is kept.`,
      confirmText: "Unlink",
      cancelText: "Cancel",
      variant: "danger",
    })
    if (!confirmed) {
      return
    }
    try {
      await mutateAsync({ affiliateId: owner.id, remove: [promotion.id] })
      toast.success(`${code} unlinked from ${owner.code}`)
    } catch (error) {
      toast.error(`Could not unlink ${code}`, { description: errorMessage(error) })
    }
  }

  return (
    <Container className="divide-y p-0">
      <SectionHeader
        title="Affiliate"
        subtitle="Orders using this code credit the affiliate it belongs to"
        actions={
          isPending || error ? undefined : owner ? (
            <ActionMenu
              label="Affiliate actions"
              groups={[
                [
                  { label: "Change affiliate", icon: <ArrowPath />, onClick: openChooser },
                  { label: "Unlink", icon: <Trash />, onClick: unlink },
                ],
              ]}
            />
          ) : (
            <Button size="small" variant="secondary" onClick={openChooser}>
              Link to affiliate
            </Button>
          )
        }
      />
      {isPending ? (
        <div className="px-6 py-4">
          <Skeleton className="h-5 w-1/2" />
        </div>
      ) : error ? (
        <ErrorState error={error} what="the code's affiliate" onRetry={() => refetch()} />
      ) : owner ? (
        <>
          <div className="flex items-center justify-between gap-x-2 px-6 py-4">
            <AffiliateLink affiliate={owner} withName />
            {owner.status && <DomainStatusBadge kind="affiliate" status={owner.status} />}
          </div>
          <div className="px-6 py-4" aria-label="Coupon leak">
            {leakPending ? (
              <Skeleton className="h-5 w-3/4" />
            ) : (
              <Text size="small" className="text-ui-fg-subtle">
                {leakSentence(leak)}
              </Text>
            )}
          </div>
        </>
      ) : (
        <NoRecords title="Not an affiliate code" message="Link it to an affiliate to credit them with its orders." />
      )}
      <DrawerForm
        open={choosing}
        onOpenChange={setChoosing}
        title={owner ? "Change affiliate" : "Link to affiliate"}
        description={`Orders using ${code} will credit the affiliate you choose.`}
        submitLabel="Link"
        isSubmitting={isSaving}
        onSubmit={form.handleSubmit(link)}
      >
        <FormField
          id="promotion-affiliate"
          label="Affiliate"
          error={form.formState.errors.affiliate?.message}
          hint={choice ? `Selected: ${choice.label}` : undefined}
        >
          <Controller
            control={form.control}
            name="affiliate"
            render={({ field, fieldState }) => (
              <AffiliateSelect
                id="promotion-affiliate"
                selectedIds={field.value ? [field.value.id] : []}
                onSelect={(option) => field.onChange(option)}
                excludeIds={owner ? [owner.id] : []}
                invalid={Boolean(fieldState.error)}
              />
            )}
          />
        </FormField>
      </DrawerForm>
    </Container>
  )
}

export const config = defineWidgetConfig({
  zone: "promotion.details.after",
  id: "medusa-affiliates:promotion-affiliate",
})

export default PromotionAffiliateWidget
