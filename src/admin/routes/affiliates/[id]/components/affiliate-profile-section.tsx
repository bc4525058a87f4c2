import { CheckCircle, PencilSquare, Trash, XCircle } from "@medusajs/icons"
import { Container, Heading, Text, toast, usePrompt } from "@medusajs/ui"
import { useState } from "react"
import { Link, useNavigate } from "react-router-dom"
import { ActionMenu } from "../../../../components/action-menu"
import { DomainStatusBadge } from "../../../../components/domain-status-badge"
import { SectionRow } from "../../../../components/layout/section-row"
import { AFFILIATE_STATUS_ACTIONS } from "../../../../lib/affiliate-status-actions"
import { errorMessage } from "../../../../lib/api-errors"
import { formatDateTime, formatPercent } from "../../../../lib/format"
import { useDeleteAffiliate } from "../../../../lib/hooks/affiliates"
import { useCustomerOption } from "../../../../lib/hooks/core-lookups"
import { useAllPrograms } from "../../../../lib/hooks/programs"
import type { Affiliate } from "../../../../../types/http"
import { useAffiliateStatusChange } from "../../components/use-affiliate-status-change"
import { EditAffiliateDrawer } from "./edit-affiliate-drawer"

const linkClass = "text-ui-fg-interactive hover:text-ui-fg-interactive-hover txt-compact-small"

const CustomerAccount = ({ customerId }: { customerId: string }) => {
  const { option } = useCustomerOption(customerId)
  return (
    <Link to={`/customers/${customerId}`} className={linkClass}>
      {option?.label ?? customerId}
    </Link>
  )
}

/** Who the affiliate is, their terms, and what can be done with them. */
export const AffiliateProfileSection = ({ affiliate }: { affiliate: Affiliate }) => {
  const [editing, setEditing] = useState(false)
  const navigate = useNavigate()
  const prompt = usePrompt()
  const { changeStatus } = useAffiliateStatusChange()
  const deleteAffiliate = useDeleteAffiliate()
  const { affiliate_programs: programs = [] } = useAllPrograms()

  const programId = affiliate.program_id ?? affiliate.program?.id ?? null
  const programName = affiliate.program?.name ?? programs.find((p) => p.id === programId)?.name

  const remove = async () => {
    const confirmed = await prompt({
      title: `Delete ${affiliate.code}?`,
      description:
        "The affiliate is removed and their code and links stop crediting orders. This cannot be undone.",
      confirmText: "Delete",
      cancelText: "Cancel",
      variant: "danger",
    })
    if (!confirmed) {
      return
    }
    try {
      await deleteAffiliate.mutateAsync(affiliate.id)
      toast.success(`${affiliate.code} deleted`)
      navigate("/affiliates", { replace: true })
    } catch (error) {
      toast.error(`Could not delete ${affiliate.code}`, { description: errorMessage(error) })
    }
  }

  return (
    <Container className="divide-y p-0">
      <div className="flex items-center justify-between gap-x-4 px-6 py-4">
        <div className="flex min-w-0 flex-col">
          <Heading className="font-mono">{affiliate.code}</Heading>
          <Text size="small" className="text-ui-fg-subtle truncate">
            {affiliate.name}
          </Text>
        </div>
        <div className="flex items-center gap-x-2">
          <DomainStatusBadge kind="affiliate" status={affiliate.status} />
          <ActionMenu
            label={`Actions for ${affiliate.code}`}
            groups={[
              [{ label: "Edit", icon: <PencilSquare />, onClick: () => setEditing(true) }],
              (AFFILIATE_STATUS_ACTIONS[affiliate.status] ?? []).map((action) => ({
                label: action.label,
                icon: action.variant === "danger" ? <XCircle /> : <CheckCircle />,
                onClick: () => changeStatus(affiliate, action),
              })),
              [{ label: "Delete", icon: <Trash />, onClick: remove }],
            ]}
          />
        </div>
      </div>
      <SectionRow label="Name" value={affiliate.name} />
      <SectionRow label="Email" value={affiliate.email} />
      <SectionRow
        label="Program"
        value={
          programId ? (
            <Link to={`/settings/affiliate-programs/${programId}`} className={linkClass}>
              {programName ?? programId}
            </Link>
          ) : (
            "-"
          )
        }
      />
      <SectionRow
        label="Commission rate"
        value={affiliate.commission_rate == null ? "Program terms" : `${formatPercent(affiliate.commission_rate)} (override)`}
      />
      <SectionRow
        label="Customer account"
        value={affiliate.customer_id ? <CustomerAccount customerId={affiliate.customer_id} /> : "Not linked"}
      />
      {affiliate.payout_email !== undefined && <SectionRow label="Payout email" value={affiliate.payout_email ?? "-"} />}
      <SectionRow label="Created" value={formatDateTime(affiliate.created_at)} />
      <EditAffiliateDrawer affiliate={affiliate} open={editing} onOpenChange={setEditing} />
    </Container>
  )
}
