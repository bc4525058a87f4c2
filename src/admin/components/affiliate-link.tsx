import { Text } from "@medusajs/ui"
import { Link } from "react-router-dom"
import { useAffiliate } from "../lib/hooks/affiliates"
import type { AffiliateSummary } from "../../types/http"

type AffiliateLinkProps = {
  /** The affiliate when the response already nests it. */
  affiliate?: AffiliateSummary | null
  /** Otherwise its id; the code and name are then looked up (and cached). */
  affiliateId?: string | null
  /** Show the name under the code. */
  withName?: boolean
}

const LinkBody = ({ affiliate, withName }: { affiliate: AffiliateSummary; withName: boolean }) => (
  <Link
    to={`/affiliates/${affiliate.id}`}
    onClick={(e) => e.stopPropagation()}
    className="text-ui-fg-interactive hover:text-ui-fg-interactive-hover txt-compact-small-plus flex min-w-0 flex-col outline-none focus-visible:underline"
  >
    <span className="truncate">{affiliate.code}</span>
    {withName && affiliate.name && (
      <span className="text-ui-fg-subtle txt-compact-small truncate">{affiliate.name}</span>
    )}
  </Link>
)

const LookedUpAffiliateLink = ({ affiliateId, withName }: { affiliateId: string; withName: boolean }) => {
  const { affiliate } = useAffiliate(affiliateId, { staleTime: 60_000, retry: false })
  if (!affiliate) {
    return (
      <Link to={`/affiliates/${affiliateId}`} className="text-ui-fg-interactive txt-compact-small font-mono">
        {affiliateId}
      </Link>
    )
  }
  return <LinkBody affiliate={affiliate} withName={withName} />
}

/** An affiliate as a link to its page: code (and name), from the row or looked up by id. */
export const AffiliateLink = ({ affiliate, affiliateId, withName = false }: AffiliateLinkProps) => {
  if (affiliate?.id && affiliate.code) {
    return <LinkBody affiliate={affiliate} withName={withName} />
  }
  const id = affiliate?.id ?? affiliateId
  if (!id) {
    return (
      <Text size="small" className="text-ui-fg-muted">
        -
      </Text>
    )
  }
  return <LookedUpAffiliateLink affiliateId={id} withName={withName} />
}
