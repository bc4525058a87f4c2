import { AffiliateStatus, LEDGER_ENTRY_STATUSES, LedgerEntryStatus, PayoutStatus } from "../../../types/enums"

// The status machines as plain data, with no imports but the vocabulary, so the admin
// bundle offers exactly the moves the API allows (status-transitions.ts enforces them).

export type TransitionMap<S extends string> = Readonly<Record<S, readonly S[]>>

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
