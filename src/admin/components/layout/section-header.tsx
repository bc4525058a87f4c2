import { Heading, Text } from "@medusajs/ui"
import type { ReactNode } from "react"

type SectionHeaderProps = {
  title: ReactNode
  subtitle?: ReactNode
  /** Buttons or an action menu, right-aligned. */
  actions?: ReactNode
  level?: "h1" | "h2"
}

/** The header row of a section card, as on the dashboard's detail pages. */
export const SectionHeader = ({ title, subtitle, actions, level = "h2" }: SectionHeaderProps) => (
  <div className="flex items-center justify-between gap-x-4 px-6 py-4">
    <div className="flex min-w-0 flex-col">
      <Heading level={level}>{title}</Heading>
      {subtitle && (
        <Text size="small" className="text-ui-fg-subtle">
          {subtitle}
        </Text>
      )}
    </div>
    {actions && <div className="flex shrink-0 items-center gap-x-2">{actions}</div>}
  </div>
)
