import { PencilSquare, Trash } from "@medusajs/icons"
import { Badge, Container, Heading } from "@medusajs/ui"
import { useState } from "react"
import { useNavigate } from "react-router-dom"
import { ActionMenu } from "../../../../../components/action-menu"
import { SectionRow } from "../../../../../components/layout/section-row"
import { usePromotionCode, useStoreCurrencies } from "../../../../../lib/hooks/core-lookups"
import { attributionLifetime, commissionTerms, days, minimumPayout } from "../../../../../lib/program-terms"
import type { AffiliateProgram } from "../../../../../../types/http"
import { useDeleteProgram } from "../../components/use-delete-program"
import { EditProgramDrawer } from "./edit-program-drawer"

/** The program's terms, with edit and delete (the default program cannot be deleted). */
export const ProgramTermsSection = ({ program }: { program: AffiliateProgram }) => {
  const [editing, setEditing] = useState(false)
  const navigate = useNavigate()
  const deleteProgram = useDeleteProgram()
  const { currencies } = useStoreCurrencies()
  const { code: visitorDiscount } = usePromotionCode(program.link_promotion_id)

  return (
    <Container className="divide-y p-0">
      <div className="flex items-center justify-between gap-x-4 px-6 py-4">
        <div className="flex items-center gap-x-2">
          <Heading>{program.name}</Heading>
          {program.is_default && (
            <Badge size="2xsmall" color="blue">
              Default
            </Badge>
          )}
        </div>
        <ActionMenu
          label={`Actions for ${program.name}`}
          groups={[
            [{ label: "Edit terms", icon: <PencilSquare />, onClick: () => setEditing(true) }],
            program.is_default
              ? []
              : [
                  {
                    label: "Delete",
                    icon: <Trash />,
                    onClick: async () => {
                      if (await deleteProgram(program)) {
                        navigate("/settings/affiliate-programs", { replace: true })
                      }
                    },
                  },
                ],
          ]}
        />
      </div>
      <SectionRow
        label="New affiliates"
        value={program.is_default ? "Join this program (the default)" : "Join the default program unless assigned"}
      />
      <SectionRow label="Program for" value={program.kind === "customer" ? "Customers referring friends (codes from the storefront)" : "Affiliates"} />
      <SectionRow label="Commission" value={commissionTerms(program)} />
      <SectionRow label="Hold period" value={days(program.hold_days)} />
      <SectionRow label="Click window" value={days(program.cookie_days)} />
      <SectionRow label="Customer attribution" value={attributionLifetime(program.trailing_months)} />
      <SectionRow label="First order only" value={program.first_order_only ? "Yes" : "No"} />
      <SectionRow label="Minimum payout" value={minimumPayout(program.min_payout_amount, currencies)} />
      <SectionRow label="Payouts" value={program.payout_method === "store_credit" ? "Store credit on the customer's account" : "Paid by you (bank, PayPal)"} />
      <SectionRow label="Visitor discount" value={program.link_promotion_id ? visitorDiscount ?? "…" : "None"} />
      <SectionRow label="Sign-ups" value={program.auto_approve ? "Approved automatically" : "Reviewed by an admin"} />
      <EditProgramDrawer program={program} open={editing} onOpenChange={setEditing} />
    </Container>
  )
}
