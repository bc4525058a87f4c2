import { ExclamationCircle } from "@medusajs/icons"
import { Text, clx } from "@medusajs/ui"
import type { ReactNode } from "react"

type NoRecordsProps = {
  title: string
  message?: string
  /** A button or link that gets the admin out of the empty state. */
  action?: ReactNode
  className?: string
}

/** The empty state of a section: nothing to show yet, and what to do about it. */
export const NoRecords = ({ title, message, action, className }: NoRecordsProps) => (
  <div className={clx("flex min-h-[120px] w-full flex-col items-center justify-center gap-y-4 px-6 py-6", className)}>
    <div className="flex flex-col items-center gap-y-2">
      <ExclamationCircle className="text-ui-fg-subtle" />
      <div className="flex flex-col items-center gap-y-1">
        <Text size="small" leading="compact" weight="plus">
          {title}
        </Text>
        {message && (
          <Text size="small" className="text-ui-fg-muted text-center">
            {message}
          </Text>
        )}
      </div>
    </div>
    {action}
  </div>
)
