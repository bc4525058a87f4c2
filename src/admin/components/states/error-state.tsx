import { XCircle } from "@medusajs/icons"
import { Button, Text, clx } from "@medusajs/ui"
import { errorMessage } from "../../lib/api-errors"

type ErrorStateProps = {
  error: unknown
  /** What failed to load, in words ("the affiliates"). */
  what?: string
  onRetry?: () => void
  className?: string
}

/** A section that failed to load: the API's message and a way to try again. */
export const ErrorState = ({ error, what = "this section", onRetry, className }: ErrorStateProps) => (
  <div
    role="alert"
    className={clx("flex min-h-[120px] w-full flex-col items-center justify-center gap-y-4 px-6 py-6", className)}
  >
    <div className="flex flex-col items-center gap-y-2">
      <XCircle className="text-ui-fg-error" />
      <div className="flex flex-col items-center gap-y-1">
        <Text size="small" leading="compact" weight="plus">
          Could not load {what}
        </Text>
        <Text size="small" className="text-ui-fg-muted max-w-[480px] text-center">
          {errorMessage(error)}
        </Text>
      </div>
    </div>
    {onRetry && (
      <Button size="small" variant="secondary" onClick={onRetry}>
        Try again
      </Button>
    )}
  </div>
)
