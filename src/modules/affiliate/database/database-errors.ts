import { MedusaError } from "@medusajs/framework/utils"

/** The SQLSTATE the ledger's append-only trigger raises (see ledger-schema.ts). */
export const LEDGER_RULE_SQLSTATE = "AF001"

/** Failures a whole transaction may simply run again to get past. */
const RETRYABLE = new Set(["40001" /* serialization_failure */, "40P01" /* deadlock_detected */])
/** Waiting for a lock or a statement took too long: the caller may try again later. */
const BUSY = new Set(["55P03" /* lock_not_available */, "57014" /* query_canceled (statement/lock timeout) */])

/** Messages for the module's CHECK constraints, each naming the field it guards. */
const CHECK_MESSAGES: Record<string, string> = {
  chk_affiliate_program_commission_value: "commission_value: must be at least 0, and at most 100 for a percentage",
  chk_affiliate_program_days: "hold_days, cookie_days, trailing_months: must not be negative (trailing_months over 0)",
  chk_affiliate_program_min_payout: "min_payout_amount: must not be negative",
  chk_affiliate_code_normalised: "code: must be 3 to 32 letters, digits, '-' or '_'",
  chk_affiliate_commission_rate: "commission_rate: must be between 0 and 100",
  chk_affiliate_payout_amount: "amount: a payout must be over 0",
  chk_affiliate_payout_currency: "currency_code: must be a three-letter ISO 4217 code",
  chk_affiliate_commission_sign: "amount: a sale must not be negative and a reversal or clawback not positive",
  chk_affiliate_commission_currency: "currency_code: must be a three-letter ISO 4217 code",
  chk_affiliate_commission_payout_status: "payout_id: an entry is in a payout exactly when it is requested or paid",
  chk_affiliate_commission_idempotency_key: "idempotency_key: must be 1 to 255 characters",
  chk_affiliate_click_lengths: "session_id, sub_id, landing_url, referrer: too long",
  chk_affiliate_program_rule_value: "commission_value: a rule that is not an exclusion needs a value of at least 0",
}

type PgError = Error & { code?: string; detail?: string; table?: string; constraint?: string; column?: string }

const words = (table = "") => {
  const s = table.split("_").join(" ")
  return s.charAt(0).toUpperCase() + s.slice(1)
}

/** `Key (a, b)=(x, y) already exists.` -> "a: x, b: y" */
function keyOf(detail?: string): string | null {
  const [keys, values] = detail?.match(/\([^(]*\)/g) ?? []
  if (!keys || !values) {
    return null
  }
  const k = keys.slice(1, -1).split(",").map((s) => s.trim())
  const v = values.slice(1, -1).split(",").map((s) => s.trim())
  return k.map((key, i) => `${key}: ${v[i]}`).join(", ")
}

/**
 * Whether a whole transaction may run again: a serialization failure or deadlock, as
 * PostgreSQL raised it or as toMedusaError mapped it inside the transaction (its cause).
 */
export function isRetryableDatabaseError(error: unknown): boolean {
  const e = error as (PgError & { cause?: PgError }) | undefined
  return RETRYABLE.has(e?.code ?? "") || (error instanceof MedusaError && RETRYABLE.has(e?.cause?.code ?? ""))
}

/** SQLSTATEs and socket errors of a connection that went away (terminated, server restarted, reset). */
const CONNECTION_LOST_CODES = new Set(["57P01", "57P02", "57P03", "08000", "08003", "08006", "ECONNRESET", "EPIPE"])
const CONNECTION_LOST_MESSAGE =
  /terminating connection|Connection terminated|Connection ended unexpectedly|ECONNRESET|server closed the connection/i

/**
 * Whether a statement failed because its connection was lost rather than because of what it
 * asked: the pool hands the next statement a new connection, so a read may run again.
 */
export function isConnectionLost(error: unknown): boolean {
  for (let e = error as (PgError & { cause?: unknown }) | undefined, depth = 0; e && depth < 3; e = e.cause as any, depth++) {
    if (CONNECTION_LOST_CODES.has(e.code ?? "") || CONNECTION_LOST_MESSAGE.test(e.message ?? "")) {
      return true
    }
  }
  return false
}

/**
 * PostgreSQL's errors from the module's SQL as the MedusaErrors Medusa's own repositories
 * raise (the same mapping as its `dbErrorMapper`, which the framework does not export), plus
 * what that mapper leaves as a 500: CHECK violations, the ledger trigger's refusal, lock
 * timeouts and serialization failures. Anything else is returned as it is.
 */
export function toMedusaError(error: unknown): unknown {
  const e = error as PgError
  if (!e || typeof e !== "object" || error instanceof MedusaError || typeof e.code !== "string") {
    return error
  }
  switch (e.code) {
    case "23505": {
      const key = keyOf(e.detail)
      return new MedusaError(
        MedusaError.Types.INVALID_DATA,
        key ? `${words(e.table)} with ${key}, already exists.` : `${words(e.table)}: such a record already exists.`
      )
    }
    case "23503": {
      const key = keyOf(e.detail)
      return new MedusaError(
        MedusaError.Types.NOT_FOUND,
        `You tried to set relationship ${key ?? e.constraint ?? ""}, but such entity does not exist`
      )
    }
    case "23502":
      return new MedusaError(MedusaError.Types.INVALID_DATA, `Cannot set field '${e.column}' of ${words(e.table)} to null`)
    case "23514":
      return new MedusaError(
        MedusaError.Types.INVALID_DATA,
        CHECK_MESSAGES[(e.constraint ?? "").toLowerCase()] ?? `${words(e.table)}: the values break the rule ${e.constraint}`
      )
    case LEDGER_RULE_SQLSTATE:
      return new MedusaError(MedusaError.Types.NOT_ALLOWED, e.message)
  }
  if (RETRYABLE.has(e.code)) {
    const conflict = new MedusaError(
      MedusaError.Types.CONFLICT,
      "The affiliate data changed concurrently and the change could not be applied: try again"
    )
    // Kept so the transaction that ran this statement can tell it may run again.
    return Object.assign(conflict, { cause: e })
  }
  if (BUSY.has(e.code)) {
    return new MedusaError(
      MedusaError.Types.CONFLICT,
      "The affiliate data is being changed by another request: try again in a moment"
    )
  }
  return error
}

/** How often a transaction that hit a serialization failure or deadlock is run again. */
export const TRANSACTION_ATTEMPTS = 3

/**
 * Runs `task`; a serialization failure or deadlock runs it again (it was rolled back as a
 * whole, so running it again is safe), up to TRANSACTION_ATTEMPTS times. Errors leave as
 * MedusaErrors.
 */
export async function withDatabaseErrors<T>(task: () => Promise<T>, retry: boolean): Promise<T> {
  for (let attempt = 1; ; attempt++) {
    try {
      return await task()
    } catch (error) {
      if (retry && attempt < TRANSACTION_ATTEMPTS && isRetryableDatabaseError(error)) {
        await new Promise((resolve) => setTimeout(resolve, 10 * attempt + Math.random() * 20))
        continue
      }
      throw toMedusaError(error)
    }
  }
}
