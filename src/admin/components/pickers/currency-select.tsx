import { Input, Select } from "@medusajs/ui"
import { useStoreCurrencies } from "../../lib/hooks/core-lookups"

type CurrencySelectProps = {
  id: string
  value: string
  onChange: (currencyCode: string) => void
  /** Offer these codes (e.g. the currencies an affiliate has a balance in) instead of the store's. */
  currencies?: string[]
  invalid?: boolean
}

/**
 * A currency of the store (or of the given list). Falls back to a three-letter text box when
 * there is no list to offer, so a form never blocks on the store lookup.
 */
export const CurrencySelect = ({ id, value, onChange, currencies, invalid }: CurrencySelectProps) => {
  const store = useStoreCurrencies()
  const codes = currencies ?? store.currencies
  if (!codes.length) {
    return (
      <Input
        id={id}
        size="small"
        placeholder="eur"
        maxLength={3}
        value={value}
        onChange={(e) => onChange(e.target.value.trim().toLowerCase())}
        aria-invalid={invalid || undefined}
      />
    )
  }
  return (
    <Select value={value || undefined} onValueChange={onChange} size="small">
      <Select.Trigger id={id} aria-invalid={invalid || undefined}>
        <Select.Value placeholder="Choose a currency" />
      </Select.Trigger>
      <Select.Content>
        {codes.map((code) => (
          <Select.Item key={code} value={code}>
            {code.toUpperCase()}
          </Select.Item>
        ))}
      </Select.Content>
    </Select>
  )
}
