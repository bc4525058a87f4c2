import { defineRouteConfig } from "@medusajs/admin-sdk"
import { Users } from "@medusajs/icons"
import { SingleColumnLayout } from "../../components/layout/single-column-layout"
import { AffiliateListTable } from "./components/affiliate-list-table"

/** /app/affiliates: the program's affiliates. */
const AffiliatesPage = () => (
  <SingleColumnLayout>
    <AffiliateListTable />
  </SingleColumnLayout>
)

export const config = defineRouteConfig({
  label: "Affiliates",
  icon: Users,
  rank: 1,
})

export const handle = {
  breadcrumb: () => "Affiliates",
}

export default AffiliatesPage
