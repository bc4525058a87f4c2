import { useState } from "react"
import { useAffiliates } from "../../lib/hooks/affiliates"
import type { LookupOption } from "../../lib/hooks/core-lookups"
import type { AffiliateStatus } from "../../../types/http"
import { useDebouncedValue } from "../../lib/use-debounced-value"
import { SearchSelect } from "./search-select"

type AffiliateSelectProps = {
  id: string
  selectedIds: string[]
  onSelect: (option: LookupOption) => void
  /** Only affiliates in this status (e.g. `active` for a new attribution). */
  status?: AffiliateStatus
  /** Affiliates not to offer (the current owner). */
  excludeIds?: string[]
  invalid?: boolean
}

/** Pick affiliates by code, name or email. */
export const AffiliateSelect = ({ id, selectedIds, onSelect, status, excludeIds = [], invalid }: AffiliateSelectProps) => {
  const [query, setQuery] = useState("")
  const q = useDebouncedValue(query)
  const { affiliates, isPending, isError } = useAffiliates({
    q: q || undefined,
    status,
    limit: 10,
    order: "code",
  })
  const options = (affiliates ?? [])
    .filter((a) => !excludeIds.includes(a.id))
    .map((a) => ({ id: a.id, label: `${a.code} · ${a.name}`, description: `${a.email} · ${a.status}` }))
  return (
    <SearchSelect
      id={id}
      noun="affiliates"
      query={query}
      onQueryChange={setQuery}
      options={options}
      selectedIds={selectedIds}
      onSelect={onSelect}
      isLoading={isPending}
      isError={isError}
      invalid={invalid}
    />
  )
}
