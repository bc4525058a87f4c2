import { useState } from "react"
import { useRuleTargetSearch, type LookupOption } from "../../lib/hooks/core-lookups"
import type { ProgramRuleTarget } from "../../../types/http"
import { useDebouncedValue } from "../../lib/use-debounced-value"
import { SearchSelect } from "./search-select"

type RuleTargetSelectProps = {
  id: string
  target: ProgramRuleTarget
  selectedIds: string[]
  onSelect: (option: LookupOption) => void
  excludeIds?: string[]
  invalid?: boolean
}

/** Pick the product or collection a program rule applies to. */
export const RuleTargetSelect = ({ id, target, selectedIds, onSelect, excludeIds = [], invalid }: RuleTargetSelectProps) => {
  const [query, setQuery] = useState("")
  const q = useDebouncedValue(query)
  const { options, isPending, isError } = useRuleTargetSearch(target, q)
  return (
    <SearchSelect
      id={id}
      noun={target === "product" ? "products" : "collections"}
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
