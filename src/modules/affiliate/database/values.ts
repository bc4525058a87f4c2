import { BigNumber } from "@medusajs/framework/utils"

/** A numeric column's `raw_` twin, as the ORM stores a bigNumber: `{ value, precision }`. */
export const rawBigNumber = (value: string | null) => (value === null ? null : JSON.stringify(new BigNumber(value).raw))

/** A jsonb parameter. */
export const json = (value: unknown) => (value == null ? null : JSON.stringify(value))
