import { BigNumberInput } from "@medusajs/framework/types"
import { CommissionableLine, ProgramTerms, computeSaleCommission } from "../sale-commission"

/** One unit of product `prod_<id>` in no collection with a base of 100. */
function line(id: string, overrides: Partial<CommissionableLine> = {}): CommissionableLine {
  return { id, product_id: `prod_${id}`, collection_id: null, quantity: 1, base: 100, ...overrides }
}

type Rule = ProgramTerms["rules"][number]

function productRule(product_id: string, overrides: Partial<Rule> = {}): Rule {
  return { target_type: "product", target_id: product_id, commission_type: "percentage", commission_value: 20, excluded: false, ...overrides }
}

function collectionRule(collection_id: string, overrides: Partial<Rule> = {}): Rule {
  return { target_type: "collection", target_id: collection_id, commission_type: "percentage", commission_value: 5, excluded: false, ...overrides }
}

/** A 10 % program without rules. */
function program(overrides: Partial<ProgramTerms> = {}): ProgramTerms {
  return { commission_type: "percentage", commission_value: 10, rules: [], ...overrides }
}

function flatProgram(amount: BigNumberInput, rules: Rule[] = []): ProgramTerms {
  return { commission_type: "flat", commission_value: amount, rules }
}

describe("the program percentage applies when nothing else does", () => {
  it("each line earns the program rate of its base", () => {
    const sale = computeSaleCommission([line("a", { base: 100 }), line("b", { base: 50, quantity: 2 })], program(), null)
    expect(sale).toEqual({
      amount: "15",
      base_amount: "150",
      rate: "10",
      lines: [
        { line_item_id: "a", quantity: "1", base: "100", rate: "10", amount: "10", terms: "program" },
        { line_item_id: "b", quantity: "2", base: "50", rate: "10", amount: "5", terms: "program" },
      ],
    })
  })

  it("an order without lines earns nothing", () => {
    expect(computeSaleCommission([], program(), null)).toEqual({ amount: "0", base_amount: "0", rate: null, lines: [] })
  })
})

describe("the affiliate's own rate overrides the program rate", () => {
  it("every program line earns the affiliate rate instead", () => {
    const sale = computeSaleCommission([line("a", { base: 100 }), line("b", { base: 50 })], program(), 15)
    expect(sale.amount).toBe("22.5")
    expect(sale.rate).toBe("15")
    expect(sale.lines.map((l) => [l.terms, l.rate, l.amount])).toEqual([
      ["affiliate", "15", "15"],
      ["affiliate", "15", "7.5"],
    ])
  })

  it("an affiliate rate of 0 is an override, not a missing one", () => {
    const sale = computeSaleCommission([line("a")], program(), 0)
    expect(sale.amount).toBe("0")
    expect(sale.lines[0].terms).toBe("affiliate")
  })

  it("the affiliate rate replaces a flat program amount with a percentage", () => {
    const sale = computeSaleCommission([line("a", { base: 80 })], flatProgram(5), 10)
    expect(sale.amount).toBe("8")
    expect(sale.lines[0].terms).toBe("affiliate")
  })
})

describe("a product rule beats a collection rule beats the affiliate rate beats the program", () => {
  it("a product rule beats a collection rule on the same line", () => {
    const sale = computeSaleCommission(
      [line("a", { collection_id: "col_1" })],
      program({ rules: [collectionRule("col_1"), productRule("prod_a")] }),
      15
    )
    expect(sale.lines[0]).toMatchObject({ terms: "product", rate: "20", amount: "20" })
  })

  it("a collection rule beats the affiliate rate", () => {
    const sale = computeSaleCommission(
      [line("a", { collection_id: "col_1" })],
      program({ rules: [collectionRule("col_1")] }),
      15
    )
    expect(sale.lines[0]).toMatchObject({ terms: "collection", rate: "5", amount: "5" })
  })

  it("a rule applies only to its own product or collection", () => {
    const sale = computeSaleCommission(
      [line("a", { collection_id: "col_1" }), line("b", { collection_id: "col_2" })],
      program({ rules: [productRule("prod_a"), collectionRule("col_1")] }),
      null
    )
    expect(sale.lines.map((l) => [l.terms, l.amount])).toEqual([
      ["product", "20"],
      ["program", "10"],
    ])
    expect(sale.amount).toBe("30")
  })

  it("a product rule with a rate beats an exclusion of its collection", () => {
    const sale = computeSaleCommission(
      [line("a", { collection_id: "col_x" })],
      program({ rules: [collectionRule("col_x", { excluded: true, commission_value: null }), productRule("prod_a")] }),
      null
    )
    expect(sale.lines[0]).toMatchObject({ terms: "product", amount: "20" })
  })

  it("a rule without its own type takes the program's type", () => {
    const sale = computeSaleCommission(
      [line("a", { base: 200 })],
      program({ rules: [productRule("prod_a", { commission_type: null, commission_value: 7 })] }),
      null
    )
    expect(sale.lines[0]).toMatchObject({ terms: "product", rate: "7", amount: "14" })
  })
})

describe("an excluded product or collection earns nothing and adds nothing to the base", () => {
  it("an excluded product earns 0 and its base is left out of base_amount", () => {
    const sale = computeSaleCommission(
      [line("a", { base: 100 }), line("b", { base: 40 })],
      program({ rules: [productRule("prod_b", { excluded: true, commission_value: null })] }),
      null
    )
    expect(sale.amount).toBe("10")
    expect(sale.base_amount).toBe("100")
    expect(sale.lines[1]).toEqual({ line_item_id: "b", quantity: "1", base: "40", rate: null, amount: "0", terms: "excluded" })
  })

  it("an excluded collection earns 0 even for the affiliate's own rate", () => {
    const sale = computeSaleCommission(
      [line("a", { base: 100, collection_id: "col_gift" }), line("b", { base: 60 })],
      program({ rules: [collectionRule("col_gift", { excluded: true })] }),
      20
    )
    expect(sale.amount).toBe("12")
    expect(sale.base_amount).toBe("60")
    expect(sale.lines[0].terms).toBe("excluded")
  })

  it("an order of excluded lines only earns nothing on no base", () => {
    const sale = computeSaleCommission(
      [line("a")],
      program({ rules: [productRule("prod_a", { excluded: true })] }),
      null
    )
    expect(sale).toMatchObject({ amount: "0", base_amount: "0", rate: null })
  })
})

describe("a flat rule pays its amount per unit", () => {
  it("a flat product rule pays its amount times the quantity, whatever the base", () => {
    const sale = computeSaleCommission(
      [line("a", { quantity: 3, base: 999 })],
      program({ rules: [productRule("prod_a", { commission_type: "flat", commission_value: "2.5" })] }),
      null
    )
    expect(sale.lines[0]).toEqual({ line_item_id: "a", quantity: "3", base: "999", rate: null, amount: "7.5", terms: "product" })
    expect(sale.amount).toBe("7.5")
    expect(sale.base_amount).toBe("999")
  })

  it("a flat collection rule pays per unit next to percentage lines", () => {
    const sale = computeSaleCommission(
      [line("a", { quantity: 2, collection_id: "col_1" }), line("b", { base: 50 })],
      program({ rules: [collectionRule("col_1", { commission_type: "flat", commission_value: 4 })] }),
      null
    )
    expect(sale.amount).toBe("13")
  })
})

describe("a flat program pays its amount once per order", () => {
  it("the flat amount is recorded once on the first program line", () => {
    const sale = computeSaleCommission([line("a"), line("b", { quantity: 5 })], flatProgram(5), null)
    expect(sale.amount).toBe("5")
    expect(sale.base_amount).toBe("200")
    expect(sale.rate).toBeNull()
    expect(sale.lines.map((l) => [l.line_item_id, l.terms, l.rate, l.amount])).toEqual([
      ["a", "order_flat", null, "5"],
      ["b", "program", null, "0"],
    ])
  })

  it("the flat amount goes on the first line the program covers, after excluded and zero-base lines", () => {
    const sale = computeSaleCommission(
      [line("x"), line("free", { base: 0 }), line("c", { base: 30 })],
      flatProgram("4.99", [productRule("prod_x", { excluded: true })]),
      null
    )
    expect(sale.amount).toBe("4.99")
    expect(sale.lines.map((l) => l.terms)).toEqual(["excluded", "program", "order_flat"])
  })

  it("no flat amount when every line is excluded or under its own rule", () => {
    const sale = computeSaleCommission(
      [line("a", { base: 100 }), line("b")],
      flatProgram(5, [productRule("prod_a", { commission_value: 10 }), productRule("prod_b", { excluded: true })]),
      null
    )
    expect(sale.amount).toBe("10")
    expect(sale.lines.some((l) => l.terms === "order_flat")).toBe(false)
  })

  it("no flat amount when the program's lines are all free", () => {
    const sale = computeSaleCommission([line("a", { base: 0 })], flatProgram(5), null)
    expect(sale.amount).toBe("0")
    expect(sale.lines[0].terms).toBe("program")
  })

  it("a flat program amount adds to the rule lines", () => {
    const sale = computeSaleCommission(
      [line("a", { base: 100 }), line("b", { base: 50 })],
      flatProgram(5, [productRule("prod_a", { commission_type: "percentage", commission_value: 10 })]),
      null
    )
    expect(sale.amount).toBe("15")
    expect(sale.lines.map((l) => l.terms)).toEqual(["product", "order_flat"])
  })
})

describe("rate is the single percent common to every credited line", () => {
  it("the same percent from a rule and the program is one common rate", () => {
    const sale = computeSaleCommission(
      [line("a"), line("b")],
      program({ commission_value: 10, rules: [productRule("prod_a", { commission_value: "10.0" })] }),
      null
    )
    expect(sale.rate).toBe("10")
  })

  it("mixed percents give no common rate", () => {
    const sale = computeSaleCommission([line("a"), line("b")], program({ rules: [productRule("prod_a")] }), null)
    expect(sale.rate).toBeNull()
  })

  it("a flat rule next to a percentage line gives no common rate", () => {
    const sale = computeSaleCommission(
      [line("a"), line("b")],
      program({ rules: [productRule("prod_a", { commission_type: "flat", commission_value: 1 })] }),
      null
    )
    expect(sale.rate).toBeNull()
  })

  it("a flat program has no rate", () => {
    expect(computeSaleCommission([line("a")], flatProgram(5), null).rate).toBeNull()
  })

  it("excluded lines do not make the rate mixed", () => {
    const sale = computeSaleCommission(
      [line("a"), line("b")],
      program({ commission_value: 12, rules: [productRule("prod_b", { excluded: true })] }),
      null
    )
    expect(sale.rate).toBe("12")
  })
})

describe("amounts are exact decimals", () => {
  it("12.5 % of 33.33 is exactly 4.16625", () => {
    const sale = computeSaleCommission([line("a", { base: "33.33" })], program({ commission_value: "12.5" }), null)
    expect(sale.amount).toBe("4.16625")
    expect(sale.lines[0]).toMatchObject({ base: "33.33", rate: "12.5", amount: "4.16625" })
  })

  it("sums of tenths carry no float error", () => {
    const sale = computeSaleCommission(
      [line("a", { base: "0.1" }), line("b", { base: "0.2" })],
      program({ commission_value: 10 }),
      null
    )
    expect(sale.base_amount).toBe("0.3")
    expect(sale.amount).toBe("0.03")
  })

  it("a zero-base line earns 0 and still counts for the common rate", () => {
    const sale = computeSaleCommission([line("a", { base: 0 }), line("b", { base: 20 })], program(), null)
    expect(sale.lines[0]).toMatchObject({ base: "0", rate: "10", amount: "0", terms: "program" })
    expect(sale.amount).toBe("2")
    expect(sale.rate).toBe("10")
  })

  it("1 % of 0.00001 is written as the plain decimal 0.0000001, not in exponent notation", () => {
    const sale = computeSaleCommission([line("a", { base: "0.00001" })], program({ commission_value: 1 }), null)
    expect(sale.amount).toBe("0.0000001")
    expect(sale.base_amount).toBe("0.00001")
    expect(sale.lines[0]).toMatchObject({ base: "0.00001", rate: "1", amount: "0.0000001" })
  })

  it("quantities and bases given as numbers or strings are frozen as strings", () => {
    const sale = computeSaleCommission([line("a", { quantity: "2", base: 19.99 })], program(), "7.5")
    expect(sale.lines[0]).toMatchObject({ quantity: "2", base: "19.99", rate: "7.5", amount: "1.49925" })
  })
})
