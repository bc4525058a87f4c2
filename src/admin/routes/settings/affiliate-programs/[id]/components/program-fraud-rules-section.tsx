import { PencilSquare } from "@medusajs/icons"
import { Container, Heading, Text } from "@medusajs/ui"
import { useState } from "react"
import { ActionMenu } from "../../../../../components/action-menu"
import { SectionRow } from "../../../../../components/layout/section-row"
import { formatDecimal } from "../../../../../lib/format"
import { days } from "../../../../../lib/program-terms"
import { CODE_BINDING_LABELS, SIGNAL_LABELS } from "../../../../../lib/risk-rules-form"
import type { AffiliateProgram } from "../../../../../../types/http"
import { EditFraudRulesDrawer } from "./edit-fraud-rules-drawer"

/** The program's fraud rules: what holds a sale for review, the code binding, longer holds by risk. */
export const ProgramFraudRulesSection = ({ program }: { program: AffiliateProgram }) => {
  const [editing, setEditing] = useState(false)
  const rules = program.risk_rules
  const newAffiliate = rules.holds.new_affiliate
  const refundRate = rules.holds.refund_rate
  const newWho = newAffiliate
    ? [newAffiliate.first_orders != null && `first ${newAffiliate.first_orders} orders`, newAffiliate.first_days != null && `first ${newAffiliate.first_days} days`]
        .filter(Boolean)
        .join(" or ")
    : null
  return (
    <Container className="divide-y p-0">
      <div className="flex items-center justify-between gap-x-4 px-6 py-4">
        <div>
          <Heading level="h2">Fraud rules</Heading>
          <Text size="small" className="text-ui-fg-subtle">
            Every credited order is checked; these rules decide what is held
          </Text>
        </div>
        <ActionMenu
          label="Fraud rules actions"
          groups={[[{ label: "Edit fraud rules", icon: <PencilSquare />, onClick: () => setEditing(true) }]]}
        />
      </div>
      <SectionRow
        label="Held for review when"
        value={rules.review_on.length ? rules.review_on.map((t) => SIGNAL_LABELS[t]).join("\n") : "Never"}
      />
      <SectionRow label="Promotion codes" value={CODE_BINDING_LABELS[rules.code_binding]} />
      <SectionRow label="New affiliates" value={newAffiliate ? `Held ${days(newAffiliate.hold_days)} for their ${newWho}` : "The program's hold"} />
      <SectionRow
        label="High refund rate"
        value={refundRate ? `Held ${days(refundRate.hold_days)} over ${formatDecimal(refundRate.over_percent)} % refunded` : "The program's hold"}
      />
      <SectionRow
        label="Large orders"
        value={
          rules.holds.order_over.length
            ? rules.holds.order_over.map((o) => `Over ${formatDecimal(o.amount)} ${o.currency_code.toUpperCase()}: held ${days(o.hold_days)}`).join("\n")
            : "The program's hold"
        }
      />
      <EditFraudRulesDrawer program={program} open={editing} onOpenChange={setEditing} />
    </Container>
  )
}
