import { Text } from "@medusajs/ui"
import type { ReactNode } from "react"

/** One "label: value" row of a section card; an empty value shows a dash. */
export const SectionRow = ({ label, value }: { label: ReactNode; value?: ReactNode }) => (
  <div className="text-ui-fg-subtle grid grid-cols-2 items-center gap-x-4 px-6 py-4">
    <Text size="small" weight="plus" leading="compact">
      {label}
    </Text>
    {typeof value === "string" || typeof value === "number" || value == null || value === "" ? (
      <Text size="small" leading="compact" className="whitespace-pre-line break-words">
        {value === "" || value == null ? "-" : value}
      </Text>
    ) : (
      <div className="flex flex-wrap items-center gap-1">{value}</div>
    )}
  </div>
)
