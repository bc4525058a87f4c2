import { MedusaError } from "@medusajs/framework/utils"
import { AffiliateStatus, LedgerEntryStatus, PayoutStatus } from "../types/enums"

type TransitionMap<S extends string> = Readonly<Record<S, readonly S[]>>

/** pending -> active | rejected; active <-> suspended. Rejected is final. */
export const AFFILIATE_TRANSITIONS: TransitionMap<AffiliateStatus> = {
  pending: ["active", "rejected"],
  active: ["suspended"],
  suspended: ["active"],
  rejected: [],
}

/**
 * pending (held) -> available -> requested -> paid; a failed or canceled payout returns its
 * entries from requested to available. Nothing else moves an entry backwards.
 */
export const LEDGER_ENTRY_TRANSITIONS: TransitionMap<LedgerEntryStatus> = {
  pending: ["available"],
  available: ["requested"],
  requested: ["paid", "available"],
  paid: [],
}

/** A requested payout is paid, failed or canceled, once. */
export const PAYOUT_TRANSITIONS: TransitionMap<PayoutStatus> = {
  requested: ["paid", "failed", "canceled"],
  paid: [],
  failed: [],
  canceled: [],
}

function canTransition<S extends string>(map: TransitionMap<S>, from: S, to: S): boolean {
  return (map[from] ?? []).includes(to)
}

function assertTransition<S extends string>(what: string, map: TransitionMap<S>, from: S, to: S) {
  if (!canTransition(map, from, to)) {
    const allowed = map[from]?.length ? map[from].join(", ") : "none"
    throw new MedusaError(
      MedusaError.Types.NOT_ALLOWED,
      `status: ${what} cannot move from "${from}" to "${to}" (allowed from "${from}": ${allowed})`
    )
  }
}

export const canAffiliateTransition = (from: AffiliateStatus, to: AffiliateStatus) =>
  canTransition(AFFILIATE_TRANSITIONS, from, to)
export const assertAffiliateTransition = (from: AffiliateStatus, to: AffiliateStatus) =>
  assertTransition("an affiliate", AFFILIATE_TRANSITIONS, from, to)

export const canLedgerEntryTransition = (from: LedgerEntryStatus, to: LedgerEntryStatus) =>
  canTransition(LEDGER_ENTRY_TRANSITIONS, from, to)
export const assertLedgerEntryTransition = (from: LedgerEntryStatus, to: LedgerEntryStatus) =>
  assertTransition("a commission entry", LEDGER_ENTRY_TRANSITIONS, from, to)

export const assertPayoutTransition = (from: PayoutStatus, to: PayoutStatus) =>
  assertTransition("a payout", PAYOUT_TRANSITIONS, from, to)

/** The statuses an entry may be in to move to `to`, for set-based guarded updates. */
export function ledgerEntryStatusesLeadingTo(to: LedgerEntryStatus): LedgerEntryStatus[] {
  return (Object.keys(LEDGER_ENTRY_TRANSITIONS) as LedgerEntryStatus[]).filter((from) =>
    LEDGER_ENTRY_TRANSITIONS[from].includes(to)
  )
}
