import { defineRouteConfig } from "@medusajs/admin-sdk"
import { SingleColumnLayout } from "../../../components/layout/single-column-layout"
import { ProgramListTable } from "./components/program-list-table"

/**
 * /app/settings/affiliate-programs. Programs are configuration, set up once and rarely
 * changed, like regions or tax settings: they live under Settings, keeping the main sidebar
 * for the daily work (affiliates, payouts).
 */
const AffiliateProgramsPage = () => (
  <SingleColumnLayout>
    <ProgramListTable />
  </SingleColumnLayout>
)

export const config = defineRouteConfig({
  label: "Affiliate programs",
})

export const handle = {
  breadcrumb: () => "Affiliate programs",
}

export default AffiliateProgramsPage
