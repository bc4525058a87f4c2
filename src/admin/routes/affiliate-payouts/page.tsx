import { defineRouteConfig } from "@medusajs/admin-sdk"
import { Cash } from "@medusajs/icons"
import { SingleColumnLayout } from "../../components/layout/single-column-layout"
import { PayoutListTable } from "./components/payout-list-table"

/** /app/affiliate-payouts: paying affiliates. */
const AffiliatePayoutsPage = () => (
  <SingleColumnLayout>
    <PayoutListTable />
  </SingleColumnLayout>
)

export const config = defineRouteConfig({
  label: "Affiliate payouts",
  icon: Cash,
  rank: 2,
})

export const handle = {
  breadcrumb: () => "Affiliate payouts",
}

export default AffiliatePayoutsPage
