import { medusaIntegrationTestRunner } from "@medusajs/test-utils"
import { affiliateService, createAffiliate } from "../fixtures/affiliates"
import { adminHeaders } from "../fixtures/auth"
import { expectError } from "../fixtures/http"

jest.setTimeout(120_000)

// What the dashboard shows before it creates a batch (the preview) and on a payout's page.
medusaIntegrationTestRunner({
  testSuite: ({ api, getContainer }) => {
    let headers: Record<string, string>
    const service = () => affiliateService(getContainer())

    /** Books an entry straight into `available` (as after the hold). */
    let keys = 0
    const earn = async (affiliateId: string, currency: string, amount: string, type: "sale" | "clawback" = "sale") => {
      const [{ entry }] = await service().appendLedgerEntries([
        { affiliate_id: affiliateId, type, amount, currency_code: currency, status: "available", idempotency_key: `test:${++keys}` },
      ])
      return entry
    }
    const programWithMinimum = async (minimum: number) =>
      (await service().createAffiliatePrograms({ name: `Minimum ${minimum}`, commission_value: 10, min_payout_amount: minimum } as any)) as any
    const preview = async (query: string) => (await api.get(`/admin/affiliate-payouts/preview?${query}`, { headers })).data

    beforeEach(async () => {
      headers = (await adminHeaders(getContainer())).headers
    })

    describe("the preview of a batch names who it would pay, how many and the total, and requests nothing", () => {
      it("lists every affiliate at or over their minimum in the currency, with amounts as numbers", async () => {
        const alice = await createAffiliate(getContainer(), "ALICE")
        const bob = await createAffiliate(getContainer(), "BOB", { program_id: (await programWithMinimum(50)).id })
        const carol = await createAffiliate(getContainer(), "CAROL")
        await earn(alice.id, "usd", "30")
        await earn(alice.id, "usd", "20.5")
        await earn(alice.id, "eur", "10")
        await earn(bob.id, "usd", "49.99")
        await earn(carol.id, "usd", "12.25")
        await earn(carol.id, "usd", "-2", "clawback")

        const data = await preview("currency_code=USD")
        expect(data).toEqual({
          preview: {
            currency_code: "usd",
            count: 2,
            total: 60.75,
            affiliates: expect.arrayContaining([
              { affiliate_id: alice.id, code: "ALICE", name: "Affiliate ALICE", amount: 50.5, entries: 2 },
              { affiliate_id: carol.id, code: "CAROL", name: "Affiliate CAROL", amount: 10.25, entries: 2 },
            ]),
          },
        })
        expect(data.preview.affiliates).toHaveLength(2)
        expect(await service().listAffiliatePayouts()).toEqual([])
        expect((await service().listAffiliateCommissions({ affiliate_id: alice.id })).every((e) => e.status === "available")).toBe(true)
      })

      it("pays what the batch then pays: the same affiliates and amounts", async () => {
        const alice = await createAffiliate(getContainer(), "ALICE")
        const bob = await createAffiliate(getContainer(), "BOB")
        await earn(alice.id, "usd", "7.5")
        await earn(bob.id, "usd", "12")

        const { preview: before } = await preview("currency_code=usd")
        const { data } = await api.post("/admin/affiliate-payouts", { currency_code: "usd" }, { headers })
        expect(data.affiliate_payouts.map((p: any) => [p.affiliate_id, p.amount]).sort()).toEqual(
          before.affiliates.map((a: any) => [a.affiliate_id, a.amount]).sort()
        )
        expect(await preview("currency_code=usd")).toEqual({ preview: { currency_code: "usd", count: 0, total: 0, affiliates: [] } })
      })

      it("with affiliate_ids, only those affiliates (repeated, bracketed or comma-separated)", async () => {
        const alice = await createAffiliate(getContainer(), "ALICE")
        const bob = await createAffiliate(getContainer(), "BOB")
        const erin = await createAffiliate(getContainer(), "ERIN")
        await earn(alice.id, "usd", "10")
        await earn(bob.id, "usd", "20")
        await earn(erin.id, "usd", "30")

        const ids = (data: any) => data.preview.affiliates.map((a: any) => a.affiliate_id).sort()
        expect(ids(await preview(`currency_code=usd&affiliate_ids=${erin.id}`))).toEqual([erin.id])
        expect(ids(await preview(`currency_code=usd&affiliate_ids=${erin.id}&affiliate_ids=${bob.id}`))).toEqual([bob.id, erin.id].sort())
        expect(ids(await preview(`currency_code=usd&affiliate_ids[]=${alice.id}`))).toEqual([alice.id])
        const both = await preview(`currency_code=usd&affiliate_ids=${alice.id},${bob.id},aff_unknown`)
        expect(ids(both)).toEqual([alice.id, bob.id].sort())
        expect(both.preview).toEqual(expect.objectContaining({ count: 2, total: 30 }))
      })

      it("400 naming the field for a missing or bad currency, bad affiliate_ids or an unknown parameter", async () => {
        await expectError(api.get("/admin/affiliate-payouts/preview", { headers }), 400, /currency_code/)
        await expectError(api.get("/admin/affiliate-payouts/preview?currency_code=dollars", { headers }), 400, /currency_code/)
        await expectError(
          api.get(`/admin/affiliate-payouts/preview?currency_code=usd&affiliate_ids=${"x".repeat(65)}`, { headers }),
          400,
          /affiliate_ids/
        )
        await expectError(api.get("/admin/affiliate-payouts/preview?currency_code=usd&status=paid", { headers }), 400, /status/)
      })

      it("needs an admin", async () => {
        await expectError(api.get("/admin/affiliate-payouts/preview?currency_code=usd"), 401)
      })
    })

    describe("a payout's page shows its affiliate and the entries it pays", () => {
      it("the payout with affiliate { id, code, name } and its entries, oldest first, amounts as numbers", async () => {
        const alice = await createAffiliate(getContainer(), "ALICE")
        const bob = await createAffiliate(getContainer(), "BOB")
        const sale = await earn(alice.id, "usd", "40")
        const clawback = await earn(alice.id, "usd", "-5.5", "clawback")
        await earn(alice.id, "eur", "9")
        await earn(bob.id, "usd", "15")
        const { data: batch } = await api.post("/admin/affiliate-payouts", { currency_code: "usd" }, { headers })
        const payout = batch.affiliate_payouts.find((p: any) => p.affiliate_id === alice.id)
        await api.post(`/admin/affiliate-payouts/${payout.id}/paid`, { reference: "PAYPAL-7" }, { headers })

        const { data, status } = await api.get(`/admin/affiliate-payouts/${payout.id}`, { headers })
        expect(status).toBe(200)
        expect(data.affiliate_payout).toEqual(
          expect.objectContaining({
            id: payout.id,
            affiliate_id: alice.id,
            amount: 34.5,
            currency_code: "usd",
            status: "paid",
            reference: "PAYPAL-7",
            paid_at: expect.any(String),
            created_at: expect.any(String),
            affiliate: expect.objectContaining({ id: alice.id, code: "ALICE", name: "Affiliate ALICE" }),
          })
        )
        expect(data.affiliate_payout.entries).toEqual([
          expect.objectContaining({ id: sale.id, type: "sale", amount: 40, status: "paid", payout_id: payout.id, currency_code: "usd" }),
          expect.objectContaining({ id: clawback.id, type: "clawback", amount: -5.5, status: "paid", payout_id: payout.id }),
        ])
      })

      it("a failed payout has no entries left: they went back to available", async () => {
        const alice = await createAffiliate(getContainer(), "ALICE")
        await earn(alice.id, "usd", "20")
        const { data: batch } = await api.post("/admin/affiliate-payouts", { currency_code: "usd" }, { headers })
        const [payout] = batch.affiliate_payouts
        await api.post(`/admin/affiliate-payouts/${payout.id}/failed`, { reason: "bounced" }, { headers })

        const { data } = await api.get(`/admin/affiliate-payouts/${payout.id}`, { headers })
        expect(data.affiliate_payout).toEqual(expect.objectContaining({ status: "failed", failure_reason: "bounced", entries: [] }))
      })

      it("404 for an unknown payout, 400 for a query parameter", async () => {
        await expectError(api.get("/admin/affiliate-payouts/afpay_nope", { headers }), 404, /afpay_nope/)
        const alice = await createAffiliate(getContainer(), "ALICE")
        await earn(alice.id, "usd", "20")
        const { data: batch } = await api.post("/admin/affiliate-payouts", { currency_code: "usd" }, { headers })
        await expectError(api.get(`/admin/affiliate-payouts/${batch.affiliate_payouts[0].id}?expand=all`, { headers }), 400, /expand/)
      })
    })
  },
})
