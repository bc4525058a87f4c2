import { rankTopAffiliates } from "../report-series"

describe("rankTopAffiliates: the program's top earners from rows per affiliate and currency", () => {
  const row = (affiliate_id: string, currency_code: string, commission: string, orders: number) => ({
    affiliate_id,
    code: affiliate_id.toUpperCase(),
    name: `Affiliate ${affiliate_id}`,
    currency_code,
    commission,
    orders,
  })

  it("keeps the rows' order, adds orders up and keeps commission per currency", () => {
    const ranked = rankTopAffiliates(
      [row("bob", "usd", "300.5", 3), row("alice", "usd", "120", 2), row("bob", "eur", "40.25", 1)],
      10
    )
    expect(ranked).toEqual([
      {
        affiliate_id: "bob",
        code: "BOB",
        name: "Affiliate bob",
        orders: 4,
        commission: [
          { currency_code: "usd", amount: 300.5 },
          { currency_code: "eur", amount: 40.25 },
        ],
      },
      { affiliate_id: "alice", code: "ALICE", name: "Affiliate alice", orders: 2, commission: [{ currency_code: "usd", amount: 120 }] },
    ])
  })

  it("returns at most `top` affiliates", () => {
    const rows = ["a", "b", "c"].map((id) => row(id, "usd", "1", 1))
    expect(rankTopAffiliates(rows, 2).map((a) => a.affiliate_id)).toEqual(["a", "b"])
    expect(rankTopAffiliates([], 5)).toEqual([])
  })
})
