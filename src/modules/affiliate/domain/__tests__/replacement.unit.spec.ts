import { replacedQuantities } from "../replacement"

const shirt = (quantity: number, line_item_id = "shirt_line") => ({ line_item_id, quantity, unit_price: 100 })

describe("replacedQuantities: goods a claim or exchange sends stand for the goods it took back", () => {
  it("a replacement of the same price replaces every unit taken back", () => {
    expect(replacedQuantities([{ taken_back: [shirt(1)], sent: [{ quantity: 1, unit_price: 100 }] }])).toEqual({ shirt_line: "1" })
  })

  it("a 100 shirt exchanged for a 50 mug is half replaced", () => {
    expect(replacedQuantities([{ taken_back: [shirt(1)], sent: [{ quantity: 1, unit_price: 50 }] }])).toEqual({ shirt_line: "0.5" })
  })

  it("goods worth more than what came back replace it once, no more", () => {
    expect(replacedQuantities([{ taken_back: [shirt(2)], sent: [{ quantity: 3, unit_price: 100 }] }])).toEqual({ shirt_line: "2" })
  })

  it("a refund claim sends nothing and replaces nothing", () => {
    expect(replacedQuantities([{ taken_back: [shirt(1)], sent: [] }])).toEqual({ shirt_line: "0" })
  })

  it("nothing received yet replaces nothing, whatever was sent", () => {
    expect(replacedQuantities([{ taken_back: [], sent: [{ quantity: 1, unit_price: 100 }] }])).toEqual({})
  })

  it("sent goods that came back in turn (kept quantity 0) replace nothing", () => {
    expect(replacedQuantities([{ taken_back: [shirt(1)], sent: [{ quantity: 0, unit_price: 100 }] }])).toEqual({ shirt_line: "0" })
  })

  it("lines taken back together share the sent value by their price", () => {
    const replaced = replacedQuantities([
      {
        taken_back: [shirt(1), { line_item_id: "mug_line", quantity: 2, unit_price: 50 }],
        sent: [{ quantity: 1, unit_price: 150 }],
      },
    ])
    // 150 sent for 200 taken back: three quarters of every unit.
    expect(replaced).toEqual({ shirt_line: "0.75", mug_line: "1.5" })
  })

  it("two claims on one line add up, each at its own share", () => {
    const replaced = replacedQuantities([
      { taken_back: [shirt(1)], sent: [{ quantity: 1, unit_price: 100 }] },
      { taken_back: [shirt(1)], sent: [{ quantity: 1, unit_price: 25 }] },
    ])
    expect(replaced).toEqual({ shirt_line: "1.25" })
  })

  it("exact decimals: a third is not rounded to a float", () => {
    const replaced = replacedQuantities([{ taken_back: [shirt(3)], sent: [{ quantity: 1, unit_price: 100 }] }])
    expect(replaced.shirt_line).toBe("1")
  })
})
