import { BigNumberInput } from "@medusajs/framework/types"
import { MathBN, MedusaError } from "@medusajs/framework/utils"

/**
 * Whether an affiliate's available entries in one currency may be paid out: there
 * must be some, their net (clawbacks included) must be positive and reach the program's
 * minimum. Throws NOT_ALLOWED with the reason otherwise.
 */
export function assertPayoutAllowed(input: {
  currency_code: string
  entries: number
  net: BigNumberInput
  minimum: BigNumberInput
}) {
  const currency = input.currency_code.toUpperCase()
  if (input.entries === 0) {
    throw new MedusaError(MedusaError.Types.NOT_ALLOWED, `currency_code: nothing is available to pay out in ${currency}`)
  }
  if (!MathBN.gt(input.net, 0)) {
    throw new MedusaError(
      MedusaError.Types.NOT_ALLOWED,
      `currency_code: the available balance in ${currency} is ${MathBN.convert(input.net).toFixed()}, nothing to pay out`
    )
  }
  if (MathBN.lt(input.net, input.minimum)) {
    throw new MedusaError(
      MedusaError.Types.NOT_ALLOWED,
      `currency_code: the available balance of ${MathBN.convert(input.net).toFixed()} ${currency} is below the program minimum of ${MathBN.convert(input.minimum).toFixed()}`
    )
  }
}
