import { MedusaError } from "@medusajs/framework/utils"
import { AffiliateStatus, LedgerEntryStatus, PayoutStatus } from "../../../types/enums"
import {
  AFFILIATE_TRANSITIONS,
  LEDGER_ENTRY_MOVES,
  LEDGER_ENTRY_TRANSITIONS,
  LedgerEntryMove,
  PAYOUT_TRANSITIONS,
  TransitionMap,
} from "./status-machines"

export { AFFILIATE_TRANSITIONS, LEDGER_ENTRY_MOVES, LEDGER_ENTRY_TRANSITIONS, PAYOUT_TRANSITIONS }
export type { LedgerEntryMove }

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

/** What settling a payout at `status` does to its entries: paid pays them, anything else returns them. */
export function ledgerMoveOnSettlement(status: Exclude<PayoutStatus, "requested">): LedgerEntryMove {
  return status === "paid" ? "pay" : "return"
}
