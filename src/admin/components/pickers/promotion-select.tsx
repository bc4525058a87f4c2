import { useState } from "react"
import { usePromotionSearch, type PromotionOption } from "../../lib/hooks/core-lookups"
import { useDebouncedValue } from "../../lib/use-debounced-value"
import { SearchSelect } from "./search-select"

type PromotionSelectProps = {
  id: string
  /** The affiliate the codes are for: its own codes are not offered again. */
  affiliateId: string
  selectedIds: string[]
  onSelect: (option: PromotionOption) => void
  invalid?: boolean
}

/** The affiliate who owns a code, as a picker shows it. */
export const ownerLabel = (owner: NonNullable<PromotionOption["owner"]>) =>
  `Linked to ${owner.code}${owner.name ? ` (${owner.name})` : ""}`

/**
 * Pick promotion codes of the store for an affiliate. A code belongs to one affiliate at
 * most, so codes of other affiliates are shown with their owner and cannot be chosen.
 */
export const PromotionSelect = ({ id, affiliateId, selectedIds, onSelect, invalid }: PromotionSelectProps) => {
  const [query, setQuery] = useState("")
  const q = useDebouncedValue(query)
  const { options, isPending, isError } = usePromotionSearch(q)
  const offered = options
    .filter((o) => o.owner?.id !== affiliateId)
    .map((o) => (o.owner ? { ...o, disabled: true, description: ownerLabel(o.owner) } : o))
  return (
    <SearchSelect
      id={id}
      noun="promotions"
      query={query}
      onQueryChange={setQuery}
      options={offered}
      selectedIds={selectedIds}
      onSelect={(option) => onSelect(option as PromotionOption)}
      isLoading={isPending}
      isError={isError}
      invalid={invalid}
    />
  )
}
