import { commissionableLines } from "../steps/record-order-attribution"

const order = {
  id: "order_1",
  customer_id: null,
  email: null,
  currency_code: "usd",
  placed_at: "2026-12-01T00:00:00.000Z",
  shipping_total: "12",
  lines: [
    { id: "li_1", product_id: "prod_1", collection_id: null, quantity: "2", subtotal_after_discounts: "180", total: "216" },
    { id: "li_2", product_id: "prod_2", collection_id: "pcol_1", quantity: "1", subtotal_after_discounts: "45", total: "54" },
  ],
}

describe("commissionableLines: the order's lines at the commission base the option asks for", () => {
  it("`items`: each line after discounts, without tax; shipping is not a line", () => {
    expect(commissionableLines(order, "items")).toEqual([
      { id: "li_1", product_id: "prod_1", collection_id: null, quantity: "2", base: "180" },
      { id: "li_2", product_id: "prod_2", collection_id: "pcol_1", quantity: "1", base: "45" },
    ])
  })

  it("`total`: each line with tax, and shipping as a line of its own", () => {
    expect(commissionableLines(order, "total")).toEqual([
      { id: "li_1", product_id: "prod_1", collection_id: null, quantity: "2", base: "216" },
      { id: "li_2", product_id: "prod_2", collection_id: "pcol_1", quantity: "1", base: "54" },
      { id: "shipping", product_id: null, collection_id: null, quantity: 1, base: "12" },
    ])
  })

  it("`total` without shipping adds no shipping line", () => {
    expect(commissionableLines({ ...order, shipping_total: "0" }, "total").map((l) => l.id)).toEqual(["li_1", "li_2"])
  })
})
