import { CheckMini } from "@medusajs/icons"
import { Input, Skeleton, Text, clx } from "@medusajs/ui"
import type { LookupOption } from "../../lib/hooks/core-lookups"

type SearchSelectProps = {
  id: string
  /** What is searched, for the box's label and messages ("affiliates"). */
  noun: string
  query: string
  onQueryChange: (query: string) => void
  options: LookupOption[]
  selectedIds: string[]
  onSelect: (option: LookupOption) => void
  isLoading?: boolean
  isError?: boolean
  invalid?: boolean
}

/**
 * A search box over an API list with the matches listed under it; a click selects (or, for
 * several, toggles) one. Used wherever a form points at another record.
 */
export const SearchSelect = ({
  id,
  noun,
  query,
  onQueryChange,
  options,
  selectedIds,
  onSelect,
  isLoading,
  isError,
  invalid,
}: SearchSelectProps) => (
  <div className="flex flex-col gap-y-2">
    <Input
      id={id}
      type="search"
      size="small"
      placeholder={`Search ${noun}`}
      value={query}
      onChange={(e) => onQueryChange(e.target.value)}
      aria-invalid={invalid || undefined}
      autoComplete="off"
    />
    <div
      role="listbox"
      aria-label={`Matching ${noun}`}
      aria-multiselectable={selectedIds.length > 1 || undefined}
      className="shadow-borders-base bg-ui-bg-field max-h-[240px] overflow-y-auto rounded-lg p-1"
    >
      {isLoading && !options.length ? (
        <div className="flex flex-col gap-y-2 p-2">
          <Skeleton className="h-5 w-full" />
          <Skeleton className="h-5 w-2/3" />
        </div>
      ) : isError ? (
        <Text size="small" className="text-ui-fg-error p-2">
          Could not search {noun}.
        </Text>
      ) : !options.length ? (
        <Text size="small" className="text-ui-fg-muted p-2">
          No {noun} match{query ? ` "${query}"` : ""}.
        </Text>
      ) : (
        options.map((option) => {
          const selected = selectedIds.includes(option.id)
          return (
            <button
              key={option.id}
              type="button"
              role="option"
              aria-selected={selected}
              aria-disabled={option.disabled || undefined}
              disabled={option.disabled}
              onClick={() => onSelect(option)}
              className={clx(
                "flex w-full items-center gap-x-2 rounded-md px-2 py-1.5 text-left outline-none",
                "focus-visible:shadow-borders-interactive-with-focus",
                option.disabled ? "cursor-not-allowed opacity-60" : "hover:bg-ui-bg-base-hover",
                { "bg-ui-bg-base-pressed": selected }
              )}
            >
              <span className="flex size-[15px] shrink-0 items-center justify-center">
                {selected && <CheckMini />}
              </span>
              <span className="flex min-w-0 flex-col">
                <Text size="small" leading="compact" weight="plus" className="truncate">
                  {option.label}
                </Text>
                {option.description && (
                  <Text size="xsmall" leading="compact" className="text-ui-fg-subtle truncate">
                    {option.description}
                  </Text>
                )}
              </span>
            </button>
          )
        })
      )}
    </div>
  </div>
)
