import { Button, Container } from "@medusajs/ui"
import { Link, useParams, type UIMatch } from "react-router-dom"
import { TwoColumnLayout } from "../../../../components/layout/two-column-layout"
import { ErrorState } from "../../../../components/states/error-state"
import { NoRecords } from "../../../../components/states/no-records"
import { SectionSkeleton } from "../../../../components/states/section-skeleton"
import { isNotFound } from "../../../../lib/api-errors"
import { useProgram } from "../../../../lib/hooks/programs"
import { ProgramAffiliatesSection } from "./components/program-affiliates-section"
import { ProgramBreadcrumb } from "./components/program-breadcrumb"
import { ProgramFraudRulesSection } from "./components/program-fraud-rules-section"
import { ProgramRulesSection } from "./components/program-rules-section"
import { ProgramTermsSection } from "./components/program-terms-section"

/** /app/settings/affiliate-programs/:id: terms, product / collection rules, fraud rules, its affiliates. */
const AffiliateProgramDetailPage = () => {
  const { id = "" } = useParams()
  const { affiliate_program: program, isPending, error, refetch } = useProgram(id)

  if (isPending) {
    return <TwoColumnLayout main={<SectionSkeleton rows={7} />} side={<SectionSkeleton rows={2} />} />
  }

  if (error || !program) {
    return (
      <Container className="p-0">
        {isNotFound(error) ? (
          <NoRecords
            title="Program not found"
            message="It may have been deleted."
            action={
              <Button size="small" variant="secondary" asChild>
                <Link to="/settings/affiliate-programs">Back to programs</Link>
              </Button>
            }
          />
        ) : (
          <ErrorState error={error} what="the program" onRetry={() => refetch()} />
        )}
      </Container>
    )
  }

  return (
    <TwoColumnLayout
      main={
        <>
          <ProgramTermsSection program={program} />
          <ProgramRulesSection program={program} />
          <ProgramFraudRulesSection program={program} />
        </>
      }
      side={<ProgramAffiliatesSection programId={program.id} />}
    />
  )
}

export const handle = {
  breadcrumb: (match: UIMatch) => <ProgramBreadcrumb id={match.params.id} />,
}

export default AffiliateProgramDetailPage
