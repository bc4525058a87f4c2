import { useState } from "react"
import { useCustomerSearch, type LookupOption } from "../../lib/hooks/core-lookups"
import { useDebouncedValue } from "../../lib/use-debounced-value"
import { SearchSelect } from "./search-select"

type CustomerSelectProps = {
  id: string
  selectedIds: string[]
  onSelect: (option: LookupOption) => void
  invalid?: boolean
}

/** Pick a customer account by email or name. */
export const CustomerSelect = ({ id, selectedIds, onSelect, invalid }: CustomerSelectProps) => {
  const [query, setQuery] = useState("")
  const q = useDebouncedValue(query)
  const { options, isPending, isError } = useCustomerSearch(q)
  return (
    <SearchSelect
      id={id}
      noun="customers"
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
