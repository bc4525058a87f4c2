import { createWorkflow, transform, WorkflowResponse } from "@medusajs/framework/workflows-sdk"
import { dismissRemoteLinkStep, useQueryGraphStep } from "@medusajs/medusa/core-flows"
import { affiliatePromotionLink } from "../steps/plan-affiliate-promotion-links"
import { deleteAffiliateStep } from "../steps/delete-affiliate"

export const deleteAffiliateWorkflowId = "delete-affiliate"

/**
 * Soft-deletes an affiliate. Its promotion links are dismissed, so its codes are free to
 * be linked to another affiliate and credit nobody meanwhile; its customers are released
 * (see deleteAffiliateStep). History (ledger, clicks, receipts, payouts) is kept.
 */
export const deleteAffiliateWorkflow = createWorkflow(deleteAffiliateWorkflowId, (input: { id: string }) => {
  const { data: affiliates } = useQueryGraphStep({
    entity: "affiliate",
    fields: ["id", "promotions.id"],
    filters: { id: input.id },
    options: { throwIfKeyNotFound: true },
  })
  const links = transform({ affiliates }, ({ affiliates }) =>
    affiliates.flatMap((a: any) =>
      (a.promotions ?? []).filter(Boolean).map((p: { id: string }) => affiliatePromotionLink(a.id, p.id))
    )
  )
  dismissRemoteLinkStep(links)
  deleteAffiliateStep(input)
  return new WorkflowResponse({ id: input.id })
})
