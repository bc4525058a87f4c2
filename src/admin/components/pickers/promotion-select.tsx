import { useState } from "react"
import { usePromotionSearch, type LookupOption } from "../../lib/hooks/core-lookups"
import { useDebouncedValue } from "../../lib/use-debounced-value"
import { SearchSelect } from "./search-select"

type PromotionSelectProps = {
  id: string
  selectedIds: string[]
  onSelect: (option: LookupOption) => void
  /** Codes already linked, not offered again. */
  excludeIds?: string[]
  invalid?: boolean
}

/** Pick promotion codes of the store. */
export const PromotionSelect = ({ id, selectedIds, onSelect, excludeIds = [], invalid }: PromotionSelectProps) => {
  const [query, setQuery] = useState("")
  const q = useDebouncedValue(query)
  const { options, isPending, isError } = usePromotionSearch(q)
  return (
    <SearchSelect
      id={id}
      noun="promotions"
      query={query}
      onQueryChange={setQuery}
      options={options.filter((o) => !excludeIds.includes(o.id))}
      selectedIds={selectedIds}
      onSelect={onSelect}
      isLoading={isPending}
      isError={isError}
      invalid={invalid}
    />
  )
}
