import { BigNumber, MathBN, MedusaError } from "@medusajs/framework/utils"
import { expectMedusaError } from "./expect-medusa-error"
import { LEDGER_ENTRY_TYPES, LedgerEntryType } from "../../../../types/enums"
import { MAX_LEDGER_AMOUNT, NewLedgerEntry, prepareLedgerEntry } from "../ledger-entry"

const INVALID = MedusaError.Types.INVALID_DATA

/** A valid amount for each type, so a test can vary one field at a time. */
const VALID_AMOUNT: Record<LedgerEntryType, string> = {
  sale: "12.5",
  reversal: "-2.5",
  clawback: "-3",
  adjustment: "4",
}

function entry(overrides: Partial<NewLedgerEntry> = {}): NewLedgerEntry {
  const type = overrides.type ?? "sale"
  return {
    affiliate_id: "aff_01",
    type,
    amount: VALID_AMOUNT[type],
    currency_code: "eur",
    idempotency_key: `order:order_01:${type}`,
    ...(type === "adjustment" ? { note: "goodwill" } : {}),
    ...overrides,
  }
}

describe("a sale cannot be negative", () => {
  it.each(["10", "0.01", 25, "0"])("a sale of %j is accepted", (amount) => {
    expect(prepareLedgerEntry(entry({ type: "sale", amount })).amount).toBe(String(amount))
  })

  it.each(["-0.01", -10])("a sale of %j is refused naming the amount", (amount) => {
    expectMedusaError(
      () => prepareLedgerEntry(entry({ type: "sale", amount })),
      INVALID,
      "amount:",
      "a sale cannot be negative"
    )
  })
})

describe("a reversal or clawback is negative or zero", () => {
  it.each([
    ["reversal", "-5"],
    ["reversal", "0"],
    ["reversal", "-0.01"],
    ["clawback", "-5"],
    ["clawback", "0"],
    ["clawback", -0.01],
  ] as [LedgerEntryType, string | number][])("a %s of %j is accepted", (type, amount) => {
    expect(MathBN.eq(prepareLedgerEntry(entry({ type, amount })).amount, amount)).toBe(true)
  })

  it.each([
    ["reversal", "0.01"],
    ["reversal", 5],
    ["clawback", "0.01"],
    ["clawback", 5],
  ] as [LedgerEntryType, string | number][])("a positive %s (%j) is refused naming the amount", (type, amount) => {
    expectMedusaError(
      () => prepareLedgerEntry(entry({ type, amount })),
      INVALID,
      "amount:",
      `a ${type} must be negative or zero`
    )
  })
})

describe("an adjustment may go either way but cannot be zero", () => {
  it.each(["15", "-15", "0.01", "-0.01", 7, -7])("an adjustment of %j is accepted", (amount) => {
    expect(prepareLedgerEntry(entry({ type: "adjustment", amount })).amount).toBe(String(amount))
  })

  it.each(["0", 0, "0.00", "-0"])("an adjustment of %j is refused", (amount) => {
    expectMedusaError(
      () => prepareLedgerEntry(entry({ type: "adjustment", amount })),
      INVALID,
      "amount:",
      "an adjustment cannot be zero"
    )
  })
})

describe("money is a plain decimal", () => {
  it.each(["0e5", "0x10", "1e-8", "", "  ", "ten"])("the string %j is refused, naming the field", (amount) => {
    expectMedusaError(() => prepareLedgerEntry(entry({ amount })), INVALID, "amount:", "decimal")
  })

  it.each([null, undefined])("a missing amount (%j) is refused, never read as zero", (amount) => {
    expectMedusaError(() => prepareLedgerEntry(entry({ amount: amount as any })), INVALID, "amount:", "decimal")
  })

  it("an amount is whole minor units of its currency: anything finer is refused naming amount", () => {
    for (const [amount, currency_code] of [
      [0.00000001, "eur"],
      ["0.001", "usd"],
      ["1.005", "usd"],
      ["1.5", "jpy"],
      ["0.0005", "kwd"],
    ] as const) {
      expectMedusaError(
        () => prepareLedgerEntry(entry({ amount, currency_code })),
        MedusaError.Types.INVALID_DATA,
        "amount: must be whole minor units"
      )
    }
    expect(prepareLedgerEntry(entry({ amount: "1500", currency_code: "jpy" })).amount).toBe("1500")
    expect(prepareLedgerEntry(entry({ amount: "0.125", currency_code: "kwd" })).amount).toBe("0.125")
  })

  it("an amount beyond MAX_LEDGER_AMOUNT either way is refused naming amount", () => {
    for (const amount of [1e44, "123456789012345678901234.5", MAX_LEDGER_AMOUNT + 0.01]) {
      expectMedusaError(() => prepareLedgerEntry(entry({ amount })), MedusaError.Types.INVALID_DATA, "amount: must be at most")
    }
    expectMedusaError(
      () => prepareLedgerEntry(entry({ type: "reversal", amount: -1e44 })),
      MedusaError.Types.INVALID_DATA,
      "amount: must be at most"
    )
    expect(prepareLedgerEntry(entry({ amount: MAX_LEDGER_AMOUNT })).amount).toBe(String(MAX_LEDGER_AMOUNT))
  })
})

describe("an adjustment needs a note", () => {
  it.each([
    ["missing", undefined],
    ["null", null],
    ["empty", ""],
    ["blank", "   \t "],
  ])("a %s note is refused naming the note field", (_label, note) => {
    expectMedusaError(
      () => prepareLedgerEntry(entry({ type: "adjustment", note })),
      INVALID,
      "note:",
      "required for an adjustment"
    )
  })

  it("the note is trimmed", () => {
    expect(prepareLedgerEntry(entry({ type: "adjustment", note: "  bonus for Q3  " })).note).toBe("bonus for Q3")
  })

  it("other types do not need a note, and a blank note is stored as null", () => {
    expect(prepareLedgerEntry(entry({ type: "sale" })).note).toBeNull()
    expect(prepareLedgerEntry(entry({ type: "reversal", note: "   " })).note).toBeNull()
  })
})

describe("the currency is a three-letter code, stored lower-case", () => {
  it.each([
    ["EUR", "eur"],
    ["usd", "usd"],
    [" Gbp ", "gbp"],
  ])("currency %j is stored as %j", (currency_code, expected) => {
    expect(prepareLedgerEntry(entry({ currency_code })).currency_code).toBe(expected)
  })

  it.each([
    ["empty", ""],
    ["blank", "   "],
    ["two letters", "eu"],
    ["four letters", "euro"],
    ["a digit", "e1r"],
    ["a symbol", "€"],
    ["an accented letter", "éur"],
    ["a space inside", "e ur"],
    ["missing", undefined],
  ])("a currency that is %s is refused naming the currency_code field", (_label, currency_code) => {
    expectMedusaError(
      () => prepareLedgerEntry(entry({ currency_code: currency_code as string })),
      INVALID,
      "currency_code:"
    )
  })
})

describe("the idempotency key is required, trimmed and at most 255 characters", () => {
  it("the key is trimmed", () => {
    expect(prepareLedgerEntry(entry({ idempotency_key: "  refund:re_1  " })).idempotency_key).toBe("refund:re_1")
  })

  it("a key of 255 characters is accepted", () => {
    const key = "k".repeat(255)
    expect(prepareLedgerEntry(entry({ idempotency_key: key })).idempotency_key).toBe(key)
  })

  it("the 255 limit applies after trimming", () => {
    const key = "k".repeat(255)
    expect(prepareLedgerEntry(entry({ idempotency_key: `  ${key}  ` })).idempotency_key).toBe(key)
  })

  it.each([
    ["256 characters", "k".repeat(256)],
    ["empty", ""],
    ["blank", "    "],
    ["missing", undefined],
  ])("a key that is %s is refused naming the idempotency_key field", (_label, idempotency_key) => {
    expectMedusaError(
      () => prepareLedgerEntry(entry({ idempotency_key: idempotency_key as string })),
      INVALID,
      "idempotency_key:",
      "1-255"
    )
  })
})

describe("an entry needs an affiliate", () => {
  it.each([
    ["empty", ""],
    ["missing", undefined],
  ])("an %s affiliate_id is refused naming the field", (_label, affiliate_id) => {
    expectMedusaError(
      () => prepareLedgerEntry(entry({ affiliate_id: affiliate_id as string })),
      INVALID,
      "affiliate_id:"
    )
  })
})

describe("sales start pending (held); reversals, clawbacks and adjustments start available", () => {
  const EXPECTED_INITIAL: Record<LedgerEntryType, string> = {
    sale: "pending",
    reversal: "available",
    clawback: "available",
    adjustment: "available",
  }

  it("the table covers every entry type", () => {
    expect(Object.keys(EXPECTED_INITIAL).sort()).toEqual([...LEDGER_ENTRY_TYPES].sort())
  })

  it.each(LEDGER_ENTRY_TYPES.map((t) => [t, EXPECTED_INITIAL[t]] as const))(
    "a new %s starts %s",
    (type, expected) => {
      expect(prepareLedgerEntry(entry({ type })).status).toBe(expected)
    }
  )

  it.each(
    LEDGER_ENTRY_TYPES.flatMap((t) => (["pending", "available"] as const).map((s) => [t, s] as const))
  )("a %s may be created %s explicitly", (type, status) => {
    expect(prepareLedgerEntry(entry({ type, status })).status).toBe(status)
  })
})

describe("a new entry cannot start requested or paid", () => {
  it.each(LEDGER_ENTRY_TYPES.flatMap((t) => (["requested", "paid"] as const).map((s) => [t, s] as const)))(
    "a %s created %s is refused naming the status field",
    (type, status) => {
      expectMedusaError(
        () => prepareLedgerEntry(entry({ type, status })),
        INVALID,
        "status:",
        `not "${status}"`
      )
    }
  )
})

describe("money is kept exact, as decimal strings", () => {
  it("a decimal amount stays exactly as given", () => {
    expect(prepareLedgerEntry(entry({ amount: "0.1" })).amount).toBe("0.1")
    expect(prepareLedgerEntry(entry({ amount: 0.2 })).amount).toBe("0.2")
  })

  it("a sum computed exactly (0.1 + 0.2) is stored as 0.3, not 0.30000000000000004", () => {
    const amount = MathBN.add("0.1", "0.2")
    expect(prepareLedgerEntry(entry({ amount })).amount).toBe("0.3")
  })

  it("a Medusa BigNumber is accepted", () => {
    expect(prepareLedgerEntry(entry({ amount: new BigNumber("19.99") })).amount).toBe("19.99")
  })

  it("an amount a float would round is kept digit for digit", () => {
    const amount = "999999999.99"
    expect(prepareLedgerEntry(entry({ amount })).amount).toBe(amount)
    expect(prepareLedgerEntry(entry({ amount: "0.3" })).amount).toBe("0.3")
  })

  it("trailing zeros do not change the value", () => {
    expect(prepareLedgerEntry(entry({ amount: "10.50" })).amount).toBe("10.5")
  })

  it("negative amounts keep their sign and digits", () => {
    expect(prepareLedgerEntry(entry({ type: "reversal", amount: "-0.07" })).amount).toBe("-0.07")
  })

  it("rate and base_amount are decimal strings too", () => {
    const prepared = prepareLedgerEntry(entry({ amount: "1.25", rate: 12.5, base_amount: "10.00" }))
    expect(prepared.rate).toBe("12.5")
    expect(prepared.base_amount).toBe("10")
    expect(typeof prepared.amount).toBe("string")
  })

  it("a missing rate or base_amount is stored as null, not zero", () => {
    const prepared = prepareLedgerEntry(entry({ rate: undefined, base_amount: null }))
    expect(prepared.rate).toBeNull()
    expect(prepared.base_amount).toBeNull()
  })

  it("a rate of zero is kept as '0', not dropped", () => {
    expect(prepareLedgerEntry(entry({ rate: 0 })).rate).toBe("0")
  })
})

describe("a non-numeric amount, rate or base_amount is refused naming the field", () => {
  it.each(["abc", "", "12,50", "1.2.3", "ten"])("amount %j is refused", (amount) => {
    expectMedusaError(() => prepareLedgerEntry(entry({ amount })), INVALID, "amount:", "must be")
  })

  it.each([Infinity, -Infinity, NaN, "Infinity"])("amount %j is refused as not finite", (amount) => {
    expectMedusaError(() => prepareLedgerEntry(entry({ amount })), INVALID, "amount:")
  })

  it("a non-numeric rate is refused naming rate", () => {
    expectMedusaError(() => prepareLedgerEntry(entry({ rate: "ten percent" })), INVALID, "rate:")
  })

  it("a non-numeric base_amount is refused naming base_amount", () => {
    expectMedusaError(() => prepareLedgerEntry(entry({ base_amount: "lots" })), INVALID, "base_amount:")
  })
})

describe("a prepared entry carries every field, optional ones as null", () => {
  it("optional fields default to null", () => {
    expect(prepareLedgerEntry(entry())).toEqual({
      affiliate_id: "aff_01",
      type: "sale",
      amount: "12.5",
      currency_code: "eur",
      idempotency_key: "order:order_01:sale",
      rate: null,
      base_amount: null,
      order_id: null,
      lines: null,
      hold: null,
      status: "pending",
      available_at: null,
      reference: null,
      reference_id: null,
      note: null,
      created_by: null,
      metadata: null,
    })
  })

  it("given optional fields are passed through unchanged", () => {
    const available_at = new Date("2025-02-01T00:00:00.000Z")
    const lines = [{ line_item_id: "li_1", base: "10", rate: "10", amount: "1" }]
    const metadata = { source: "test" }
    const prepared = prepareLedgerEntry(
      entry({
        order_id: "order_01",
        lines,
        available_at,
        reference: "refund",
        reference_id: "ref_1",
        created_by: "user_1",
        metadata,
      })
    )
    expect(prepared.order_id).toBe("order_01")
    expect(prepared.lines).toEqual(lines)
    expect(prepared.available_at).toEqual(available_at)
    expect(prepared.reference).toBe("refund")
    expect(prepared.reference_id).toBe("ref_1")
    expect(prepared.created_by).toBe("user_1")
    expect(prepared.metadata).toEqual(metadata)
  })

  it("preparing does not modify the caller's object", () => {
    const input = entry({ currency_code: "EUR", idempotency_key: " key " })
    const copy = { ...input }
    prepareLedgerEntry(input)
    expect(input).toEqual(copy)
  })
})
