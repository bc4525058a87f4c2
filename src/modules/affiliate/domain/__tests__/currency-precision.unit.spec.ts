import { currencyDigits, roundToCurrency } from "../currency-precision"

describe("booked amounts are whole minor units of their currency", () => {
  it.each([
    ["usd", 2],
    ["EUR", 2],
    ["jpy", 0],
    ["kwd", 3],
  ])("%s has %i digits", (currency, digits) => {
    expect(currencyDigits(currency)).toBe(digits)
  })

  it.each([
    ["7.092", "usd", "7.09"],
    ["-7.095", "usd", "-7.1"],
    ["4.16625", "eur", "4.17"],
    ["1234.5", "jpy", "1235"],
    ["0.0005", "kwd", "0.001"],
    ["18", "usd", "18"],
  ])("%s %s books as %s (half up)", (amount, currency, expected) => {
    expect(roundToCurrency(amount, currency)).toBe(expected)
  })
})
