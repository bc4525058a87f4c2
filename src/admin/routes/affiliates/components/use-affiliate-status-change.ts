import { toast, usePrompt } from "@medusajs/ui"
import { errorMessage } from "../../../lib/api-errors"
import type { AffiliateStatusAction } from "../../../lib/affiliate-status-actions"
import { useUpdateAffiliate } from "../../../lib/hooks/affiliates"
import type { AffiliateSummary } from "../../../../types/http"

/** Asks for confirmation, then moves the affiliate to the action's status and says how it went. */
export const useAffiliateStatusChange = () => {
  const prompt = usePrompt()
  const { mutateAsync, isPending } = useUpdateAffiliate()

  const changeStatus = async (affiliate: AffiliateSummary, action: AffiliateStatusAction) => {
    const confirmed = await prompt({
      title: action.title,
      description: action.description(`${affiliate.name} (${affiliate.code})`),
      confirmText: action.label,
      cancelText: "Cancel",
      variant: action.variant,
    })
    if (!confirmed) {
      return
    }
    try {
      await mutateAsync({ id: affiliate.id, status: action.to })
      toast.success(`${affiliate.code} is now ${action.to}`)
    } catch (error) {
      toast.error(`Could not ${action.label.toLowerCase()} ${affiliate.code}`, { description: errorMessage(error) })
    }
  }

  return { changeStatus, isPending }
}
