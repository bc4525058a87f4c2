import { Container, Skeleton } from "@medusajs/ui"

/** A section card while its data loads: a heading bar and a few rows. */
export const SectionSkeleton = ({ rows = 3 }: { rows?: number }) => (
  <Container className="divide-y p-0" aria-busy="true">
    <div className="px-6 py-4">
      <Skeleton className="h-7 w-40" />
    </div>
    {Array.from({ length: rows }, (_, i) => (
      <div key={i} className="grid grid-cols-2 gap-x-4 px-6 py-4">
        <Skeleton className="h-5 w-24" />
        <Skeleton className="h-5 w-32" />
      </div>
    ))}
  </Container>
)
