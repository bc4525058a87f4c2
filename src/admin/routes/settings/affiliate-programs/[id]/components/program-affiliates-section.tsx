import { Button, Container, Skeleton } from "@medusajs/ui"
import { Link } from "react-router-dom"
import { AffiliateLink } from "../../../../../components/affiliate-link"
import { DomainStatusBadge } from "../../../../../components/domain-status-badge"
import { SectionHeader } from "../../../../../components/layout/section-header"
import { ErrorState } from "../../../../../components/states/error-state"
import { NoRecords } from "../../../../../components/states/no-records"
import { useAffiliates } from "../../../../../lib/hooks/affiliates"

const SHOWN = 5

/** Who is on this program: the latest few, and a link to the filtered affiliate list. */
export const ProgramAffiliatesSection = ({ programId }: { programId: string }) => {
  const { affiliates = [], count = 0, isPending, error, refetch } = useAffiliates({
    program_id: programId,
    limit: SHOWN,
    order: "-created_at",
  })
  const listHref = `/affiliates?program_id=${encodeURIComponent(JSON.stringify(programId))}`

  return (
    <Container className="divide-y p-0">
      <SectionHeader
        title="Affiliates"
        subtitle={isPending || error ? undefined : `${count} on this program`}
        actions={
          count > 0 ? (
            <Button size="small" variant="secondary" asChild>
              <Link to={listHref}>View all</Link>
            </Button>
          ) : undefined
        }
      />
      {isPending ? (
        <div className="flex flex-col gap-y-2 px-6 py-4">
          <Skeleton className="h-5 w-full" />
          <Skeleton className="h-5 w-2/3" />
        </div>
      ) : error ? (
        <ErrorState error={error} what="the affiliates" onRetry={() => refetch()} />
      ) : !affiliates.length ? (
        <NoRecords title="No affiliates on this program" message="Assign it when creating or editing an affiliate." />
      ) : (
        <ul className="divide-y">
          {affiliates.map((affiliate) => (
            <li key={affiliate.id} className="flex items-center justify-between gap-x-2 px-6 py-3">
              <AffiliateLink affiliate={affiliate} withName />
              <DomainStatusBadge kind="affiliate" status={affiliate.status} />
            </li>
          ))}
        </ul>
      )}
    </Container>
  )
}
