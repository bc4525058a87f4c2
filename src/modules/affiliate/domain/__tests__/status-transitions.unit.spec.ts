import { MedusaError } from "@medusajs/framework/utils"
import { expectMedusaError } from "./expect-medusa-error"
import {
  AFFILIATE_STATUSES,
  AffiliateStatus,
  LEDGER_ENTRY_STATUSES,
  LedgerEntryStatus,
  PAYOUT_STATUSES,
  PayoutStatus,
} from "../../../../types/enums"
import {
  AFFILIATE_TRANSITIONS,
  LEDGER_ENTRY_TRANSITIONS,
  PAYOUT_TRANSITIONS,
  assertAffiliateTransition,
  assertLedgerEntryTransition,
  assertPayoutTransition,
  canAffiliateTransition,
  canLedgerEntryTransition,
  LEDGER_ENTRY_MOVES,
  ledgerMoveOnSettlement,
} from "../status-transitions"

/** Every ordered pair (from, to) of the statuses, including from === to. */
function allPairs<S extends string>(statuses: readonly S[]): [S, S][] {
  return statuses.flatMap((from) => statuses.map((to) => [from, to] as [S, S]))
}

/**
 * The expected tables, written out by hand from the product rules (README, How orders are credited). Each lists the allowed moves;
 * every other pair of statuses must be refused.
 */
const EXPECTED_AFFILIATE_MOVES: Record<AffiliateStatus, AffiliateStatus[]> = {
  pending: ["active", "rejected"],
  active: ["suspended"],
  suspended: ["active"],
  rejected: [],
}

const EXPECTED_LEDGER_ENTRY_MOVES: Record<LedgerEntryStatus, LedgerEntryStatus[]> = {
  pending: ["available"],
  available: ["requested"],
  requested: ["paid", "available"],
  paid: [],
}

const EXPECTED_PAYOUT_MOVES: Record<PayoutStatus, PayoutStatus[]> = {
  requested: ["paid", "failed", "canceled"],
  paid: [],
  failed: [],
  canceled: [],
}

const allowed = <S extends string>(table: Record<S, S[]>, from: S, to: S) => table[from].includes(to)

describe("the expected transition tables cover exactly the statuses of the enums", () => {
  it("affiliate statuses", () => {
    expect(Object.keys(EXPECTED_AFFILIATE_MOVES).sort()).toEqual([...AFFILIATE_STATUSES].sort())
    expect(Object.keys(AFFILIATE_TRANSITIONS).sort()).toEqual([...AFFILIATE_STATUSES].sort())
  })

  it("commission entry statuses", () => {
    expect(Object.keys(EXPECTED_LEDGER_ENTRY_MOVES).sort()).toEqual([...LEDGER_ENTRY_STATUSES].sort())
    expect(Object.keys(LEDGER_ENTRY_TRANSITIONS).sort()).toEqual([...LEDGER_ENTRY_STATUSES].sort())
  })

  it("payout statuses", () => {
    expect(Object.keys(EXPECTED_PAYOUT_MOVES).sort()).toEqual([...PAYOUT_STATUSES].sort())
    expect(Object.keys(PAYOUT_TRANSITIONS).sort()).toEqual([...PAYOUT_STATUSES].sort())
  })
})

describe("an affiliate moves pending -> active | rejected, active <-> suspended; rejected is final", () => {
  const pairs = allPairs(AFFILIATE_STATUSES)
  const allowedPairs = pairs.filter(([f, t]) => allowed(EXPECTED_AFFILIATE_MOVES, f, t))
  const refusedPairs = pairs.filter(([f, t]) => !allowed(EXPECTED_AFFILIATE_MOVES, f, t))

  it("the table has the expected number of allowed moves", () => {
    expect(allowedPairs).toHaveLength(4)
    expect(refusedPairs).toHaveLength(AFFILIATE_STATUSES.length ** 2 - 4)
  })

  it.each(allowedPairs)("an affiliate may move from %s to %s", (from, to) => {
    expect(canAffiliateTransition(from, to)).toBe(true)
    expect(() => assertAffiliateTransition(from, to)).not.toThrow()
  })

  it.each(refusedPairs)("an affiliate may not move from %s to %s", (from, to) => {
    expect(canAffiliateTransition(from, to)).toBe(false)
    expectMedusaError(
      () => assertAffiliateTransition(from, to),
      MedusaError.Types.NOT_ALLOWED,
      "status:",
      "an affiliate",
      `"${from}"`,
      `"${to}"`
    )
  })
})

describe("a commission entry moves pending -> available -> requested -> paid, and only a failed or canceled payout moves it back (requested -> available)", () => {
  const pairs = allPairs(LEDGER_ENTRY_STATUSES)
  const allowedPairs = pairs.filter(([f, t]) => allowed(EXPECTED_LEDGER_ENTRY_MOVES, f, t))
  const refusedPairs = pairs.filter(([f, t]) => !allowed(EXPECTED_LEDGER_ENTRY_MOVES, f, t))

  it("the table has the expected number of allowed moves", () => {
    expect(allowedPairs).toHaveLength(4)
    expect(refusedPairs).toHaveLength(LEDGER_ENTRY_STATUSES.length ** 2 - 4)
  })

  it.each(allowedPairs)("a commission entry may move from %s to %s", (from, to) => {
    expect(canLedgerEntryTransition(from, to)).toBe(true)
    expect(() => assertLedgerEntryTransition(from, to)).not.toThrow()
  })

  it.each(refusedPairs)("a commission entry may not move from %s to %s", (from, to) => {
    expect(canLedgerEntryTransition(from, to)).toBe(false)
    expectMedusaError(
      () => assertLedgerEntryTransition(from, to),
      MedusaError.Types.NOT_ALLOWED,
      "status:",
      "a commission entry",
      `"${from}"`,
      `"${to}"`
    )
  })

  it("a failed payout returns requested entries to available", () => {
    expect(canLedgerEntryTransition("requested", "available")).toBe(true)
  })

  it("a paid entry never moves again", () => {
    for (const to of LEDGER_ENTRY_STATUSES) {
      expect(canLedgerEntryTransition("paid", to)).toBe(false)
    }
  })

  it("an available entry cannot go back to pending (nothing else moves an entry backwards)", () => {
    expect(canLedgerEntryTransition("available", "pending")).toBe(false)
    expect(canLedgerEntryTransition("requested", "pending")).toBe(false)
  })
})

describe("a payout is paid, failed or canceled once, from requested", () => {
  const pairs = allPairs(PAYOUT_STATUSES)
  const allowedPairs = pairs.filter(([f, t]) => allowed(EXPECTED_PAYOUT_MOVES, f, t))
  const refusedPairs = pairs.filter(([f, t]) => !allowed(EXPECTED_PAYOUT_MOVES, f, t))

  it("the table has the expected number of allowed moves", () => {
    expect(allowedPairs).toHaveLength(3)
    expect(refusedPairs).toHaveLength(PAYOUT_STATUSES.length ** 2 - 3)
  })

  it.each(allowedPairs)("a payout may move from %s to %s", (from, to) => {
    expect(() => assertPayoutTransition(from, to)).not.toThrow()
  })

  it.each(refusedPairs)("a payout may not move from %s to %s", (from, to) => {
    expectMedusaError(
      () => assertPayoutTransition(from, to),
      MedusaError.Types.NOT_ALLOWED,
      "status:",
      "a payout",
      `"${from}"`,
      `"${to}"`
    )
  })
})

describe("the transition maps match the expected tables exactly", () => {
  it("AFFILIATE_TRANSITIONS", () => {
    for (const s of AFFILIATE_STATUSES) {
      expect([...AFFILIATE_TRANSITIONS[s]].sort()).toEqual([...EXPECTED_AFFILIATE_MOVES[s]].sort())
    }
  })

  it("LEDGER_ENTRY_TRANSITIONS", () => {
    for (const s of LEDGER_ENTRY_STATUSES) {
      expect([...LEDGER_ENTRY_TRANSITIONS[s]].sort()).toEqual([...EXPECTED_LEDGER_ENTRY_MOVES[s]].sort())
    }
  })

  it("PAYOUT_TRANSITIONS", () => {
    for (const s of PAYOUT_STATUSES) {
      expect([...PAYOUT_TRANSITIONS[s]].sort()).toEqual([...EXPECTED_PAYOUT_MOVES[s]].sort())
    }
  })
})

describe("a refused transition says what is allowed from the current status", () => {
  it("lists the allowed targets", () => {
    expectMedusaError(
      () => assertLedgerEntryTransition("requested", "pending"),
      MedusaError.Types.NOT_ALLOWED,
      'allowed from "requested": paid, available'
    )
  })

  it("says 'none' from a final status", () => {
    expectMedusaError(
      () => assertPayoutTransition("paid", "requested"),
      MedusaError.Types.NOT_ALLOWED,
      'allowed from "paid": none'
    )
    expectMedusaError(
      () => assertAffiliateTransition("rejected", "active"),
      MedusaError.Types.NOT_ALLOWED,
      'allowed from "rejected": none'
    )
  })

  it("an unknown current status is refused rather than crashing", () => {
    expect(canLedgerEntryTransition("bogus" as LedgerEntryStatus, "available")).toBe(false)
    expectMedusaError(
      () => assertLedgerEntryTransition("bogus" as LedgerEntryStatus, "available"),
      MedusaError.Types.NOT_ALLOWED,
      'allowed from "bogus": none'
    )
  })
})

describe("LEDGER_ENTRY_MOVES names each move an entry may make", () => {
  it("release, request, pay and return, and nothing else", () => {
    expect(LEDGER_ENTRY_MOVES).toEqual({
      release: { from: "pending", to: "available" },
      request: { from: "available", to: "requested" },
      pay: { from: "requested", to: "paid" },
      return: { from: "requested", to: "available" },
    })
  })

  it("the transition table is exactly the moves", () => {
    const moves = Object.values(LEDGER_ENTRY_MOVES).map((m) => `${m.from}->${m.to}`)
    for (const [from, to] of allPairs(LEDGER_ENTRY_STATUSES)) {
      expect(canLedgerEntryTransition(from, to)).toBe(moves.includes(`${from}->${to}`))
    }
  })

  it("nothing leads back to pending", () => {
    expect(Object.values(LEDGER_ENTRY_MOVES).some((m) => m.to === "pending")).toBe(false)
  })
})

describe("ledgerMoveOnSettlement: what a settled payout does to its entries", () => {
  it("paid pays them; failed and canceled return them to available", () => {
    expect(ledgerMoveOnSettlement("paid")).toBe("pay")
    expect(ledgerMoveOnSettlement("failed")).toBe("return")
    expect(ledgerMoveOnSettlement("canceled")).toBe("return")
  })

  it("every settlement a payout may reach moves entries out of requested", () => {
    for (const to of PAYOUT_TRANSITIONS.requested) {
      expect(LEDGER_ENTRY_MOVES[ledgerMoveOnSettlement(to as "paid")].from).toBe("requested")
    }
  })
})
