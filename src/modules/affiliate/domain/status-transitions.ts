import { MedusaError } from "@medusajs/framework/utils"
import { AffiliateStatus, LEDGER_ENTRY_STATUSES, LedgerEntryStatus, PayoutStatus } from "../../../types/enums"

type TransitionMap<S extends string> = Readonly<Record<S, readonly S[]>>

/** pending -> active | rejected; active <-> suspended. Rejected is final. */
export const AFFILIATE_TRANSITIONS: TransitionMap<AffiliateStatus> = {
  pending: ["active", "rejected"],
  active: ["suspended"],
  suspended: ["active"],
  rejected: [],
}

/**
 * The ledger's status machine, by what moves an entry: the end of its hold releases it, a
 * payout request takes it, the payout's settlement pays it or (failed, canceled) returns it.
 * Nothing else moves an entry, and nothing moves one backwards but a return. The service's
 * set-based updates, the append-only trigger (ledger-schema.ts) and the admin follow this.
 */
export const LEDGER_ENTRY_MOVES = {
  release: { from: "pending", to: "available" },
  request: { from: "available", to: "requested" },
  pay: { from: "requested", to: "paid" },
  return: { from: "requested", to: "available" },
} as const satisfies Record<string, { from: LedgerEntryStatus; to: LedgerEntryStatus }>

export type LedgerEntryMove = keyof typeof LEDGER_ENTRY_MOVES

/** pending -> available -> requested -> paid, and requested -> available (LEDGER_ENTRY_MOVES). */
export const LEDGER_ENTRY_TRANSITIONS: TransitionMap<LedgerEntryStatus> = Object.fromEntries(
  LEDGER_ENTRY_STATUSES.map((from): [LedgerEntryStatus, LedgerEntryStatus[]] => [
    from,
    Object.values(LEDGER_ENTRY_MOVES)
      .filter((move) => move.from === from)
      .map((move): LedgerEntryStatus => move.to),
  ])
) as Record<LedgerEntryStatus, LedgerEntryStatus[]>

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

/** What settling a payout at `status` does to its entries: paid pays them, anything else returns them. */
export function ledgerMoveOnSettlement(status: Exclude<PayoutStatus, "requested">): LedgerEntryMove {
  return status === "paid" ? "pay" : "return"
}
