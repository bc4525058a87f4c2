import type { ReactNode } from "react"

/** The dashboard's list-page layout: sections stacked with its spacing. */
export const SingleColumnLayout = ({ children }: { children: ReactNode }) => (
  <div className="flex flex-col gap-y-3">{children}</div>
)
