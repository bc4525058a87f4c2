import { StatusBadge } from "@medusajs/ui"
import { humanize } from "../lib/format"
import { STATUS_COLORS, type BadgeColor, type StatusKind } from "../lib/status-colors"

/** A status of the affiliate domain as the dashboard shows statuses: a dot and a word. */
export const DomainStatusBadge = ({ kind, status }: { kind: StatusKind; status: string | null | undefined }) => {
  const colors: Record<string, BadgeColor> = STATUS_COLORS[kind]
  return <StatusBadge color={(status && colors[status]) || "grey"}>{humanize(status)}</StatusBadge>
}
