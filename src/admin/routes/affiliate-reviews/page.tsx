import { defineRouteConfig } from "@medusajs/admin-sdk"
import { ShieldCheck } from "@medusajs/icons"
import { SingleColumnLayout } from "../../components/layout/single-column-layout"
import { ReviewQueueTable } from "./components/review-queue-table"

/** /app/affiliate-reviews: sales the fraud rules held for an admin's decision. */
const AffiliateReviewsPage = () => (
  <SingleColumnLayout>
    <ReviewQueueTable />
  </SingleColumnLayout>
)

export const config = defineRouteConfig({
  label: "Affiliate reviews",
  icon: ShieldCheck,
  rank: 3,
})

export const handle = {
  breadcrumb: () => "Affiliate reviews",
}

export default AffiliateReviewsPage
