import { defineWidgetConfig } from "@medusajs/admin-sdk"
import type { AdminCustomer, DetailWidgetProps } from "@medusajs/framework/types"
import { Button, Container, Heading, Skeleton, StatusBadge, Text, toast, usePrompt } from "@medusajs/ui"
import { useState } from "react"
import { Controller } from "react-hook-form"
import { AffiliateLink } from "../components/affiliate-link"
import { DomainStatusBadge } from "../components/domain-status-badge"
import { DrawerForm } from "../components/form/drawer-form"
import { FormField } from "../components/form/form-field"
import { SectionHeader } from "../components/layout/section-header"
import { SectionRow } from "../components/layout/section-row"
import { AffiliateSelect } from "../components/pickers/affiliate-select"
import { ErrorState } from "../components/states/error-state"
import { errorMessage, formErrorsFromApi } from "../lib/api-errors"
import { formatDate } from "../lib/format"
import { useCustomerAffiliate, useReassignCustomerAffiliate } from "../lib/hooks/attributions"
import { AffiliateChoiceValues, useAffiliateChoiceForm } from "../lib/affiliate-choice-form"
import type { CustomerAttribution } from "../../types/http"

const SOURCE_LABELS: Record<CustomerAttribution["source"], string> = {
  link: "Referral link",
  code: "Promotion code",
  manual: "Assigned by an admin",
}

/**
 * On a customer's page: the affiliate the customer is attributed to (source, expiry), a
 * manual reassignment, and the customer's own affiliate profile when they are one.
 */
const CustomerAffiliateWidget = ({ data: customer }: DetailWidgetProps<AdminCustomer>) => {
  const { attribution, affiliate, isPending, error, refetch } = useCustomerAffiliate(customer.id)
  const reassign = useReassignCustomerAffiliate(customer.id)
  const prompt = usePrompt()
  const [choosing, setChoosing] = useState(false)
  const form = useAffiliateChoiceForm()
  const choice = form.watch("affiliate")

  // `affiliate` is the customer's own profile; an older reading of the contract put the
  // attributed affiliate there, so tell them apart by whose account it is.
  const ownProfile = affiliate && affiliate.customer_id === customer.id ? affiliate : null
  const attributedAffiliate =
    attribution?.affiliate ??
    (affiliate && !ownProfile && affiliate.id === attribution?.affiliate_id ? affiliate : null)

  const openChooser = () => {
    form.reset({ affiliate: null })
    setChoosing(true)
  }

  const submit = async ({ affiliate: choice }: AffiliateChoiceValues) => {
    if (!choice) {
      return
    }
    // The API returns only a live attribution (an expired one is null).
    if (attribution) {
      const confirmed = await prompt({
        title: "Move this customer?",
        description: `The customer's future orders will credit ${choice.label} instead of their current affiliate. Orders already placed keep their commission.`,
        confirmText: "Reassign",
        cancelText: "Cancel",
        variant: "confirmation",
      })
      if (!confirmed) {
        return
      }
    }
    try {
      await reassign.mutateAsync({ affiliate_id: choice.id })
      toast.success(`Customer attributed to ${choice.label}`)
      setChoosing(false)
    } catch (e) {
      // The API names `affiliate_id`; the form's field for it is the picker.
      const errors = formErrorsFromApi(e, ["affiliate_id"])
      form.setError("affiliate", { type: "server", message: errors.fields.affiliate_id ?? errors.form ?? errorMessage(e) })
    }
  }

  return (
    <Container className="divide-y p-0">
      <SectionHeader
        title="Affiliate"
        subtitle="Who referred this customer"
        actions={
          isPending || error ? undefined : (
            <Button size="small" variant="secondary" onClick={openChooser}>
              {attribution ? "Reassign" : "Assign"}
            </Button>
          )
        }
      />
      {isPending ? (
        <div className="flex flex-col gap-y-2 px-6 py-4">
          <Skeleton className="h-5 w-1/2" />
          <Skeleton className="h-5 w-1/3" />
        </div>
      ) : error ? (
        <ErrorState error={error} what="the customer's affiliate" onRetry={() => refetch()} />
      ) : (
        <>
          {attribution ? (
            <>
              <SectionRow
                label="Referred by"
                value={<AffiliateLink affiliate={attributedAffiliate} affiliateId={attribution.affiliate_id} withName />}
              />
              <SectionRow
                label="Source"
                value={
                  attribution.source === "code" && attribution.promotion_code
                    ? `${SOURCE_LABELS.code} ${attribution.promotion_code}`
                    : SOURCE_LABELS[attribution.source] ?? attribution.source
                }
              />
              <SectionRow label="Since" value={formatDate(attribution.created_at)} />
              <SectionRow
                label="Expires"
                value={
                  <span className="flex items-center gap-x-2">
                    <Text size="small" leading="compact">
                      {attribution.expires_at ? formatDate(attribution.expires_at) : "Never"}
                    </Text>
                    <StatusBadge color="green">Live</StatusBadge>
                  </span>
                }
              />
            </>
          ) : (
            <div className="px-6 py-4">
              <Text size="small" className="text-ui-fg-subtle">
                Not attributed to an affiliate. A first order through a referral link or an affiliate's code attributes the
                customer.
              </Text>
            </div>
          )}
          <div className="flex flex-col gap-y-2 px-6 py-4">
            <Heading level="h3">Affiliate profile</Heading>
            {ownProfile ? (
              <div className="flex items-center justify-between gap-x-2">
                <AffiliateLink affiliate={ownProfile} withName />
                <DomainStatusBadge kind="affiliate" status={ownProfile.status} />
              </div>
            ) : (
              <Text size="small" className="text-ui-fg-subtle">
                This customer is not an affiliate.
              </Text>
            )}
          </div>
        </>
      )}
      <DrawerForm
        open={choosing}
        onOpenChange={setChoosing}
        title={attribution ? "Reassign customer" : "Assign customer"}
        description="Binds the customer to an affiliate by hand: their future orders credit that affiliate."
        submitLabel={attribution ? "Reassign" : "Assign"}
        isSubmitting={reassign.isPending}
        onSubmit={form.handleSubmit(submit)}
      >
        <FormField
          id="customer-affiliate"
          label="Affiliate"
          error={form.formState.errors.affiliate?.message}
          hint={choice ? `Selected: ${choice.label}` : "Only active affiliates are offered."}
        >
          <Controller
            control={form.control}
            name="affiliate"
            render={({ field, fieldState }) => (
              <AffiliateSelect
                id="customer-affiliate"
                status="active"
                selectedIds={field.value ? [field.value.id] : []}
                onSelect={(option) => field.onChange(option)}
                excludeIds={attribution ? [attribution.affiliate_id] : []}
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
  zone: "customer.details.after",
  id: "medusa-affiliates:customer-affiliate",
})

export default CustomerAffiliateWidget
