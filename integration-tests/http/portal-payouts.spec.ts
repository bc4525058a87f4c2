import { medusaIntegrationTestRunner } from "@medusajs/test-utils"
import { createApiKeysWorkflow } from "@medusajs/medusa/core-flows"
import { affiliateService, createAffiliate, eventually } from "../fixtures/affiliates"
import { adminHeaders, customerHeaders } from "../fixtures/auth"
import { captureEvents } from "../fixtures/events"
import { expectError } from "../fixtures/http"

jest.setTimeout(120_000)

const PAYOUTS = "/store/customers/me/affiliate/payouts"

medusaIntegrationTestRunner({
  testSuite: ({ api, getContainer }) => {
    let publishableKey: string
    const service = () => affiliateService(getContainer())
    const { emitted } = captureEvents(getContainer)


    /** A customer account that is an affiliate, and the headers its storefront sends. */
    const affiliateAccount = async (code: string, extra: Record<string, unknown> = {}) => {
      const { customer, headers } = await customerHeaders(getContainer(), publishableKey, `${code.toLowerCase()}@shop.test`)
      const affiliate = await createAffiliate(getContainer(), code, { customer_id: customer.id, ...extra })
      return { affiliate, customer, headers }
    }

    let keys = 0
    /** Books entries straight into `available` (as after the hold). */
    const earn = async (affiliateId: string, currency: string, amounts: string[]) =>
      (
        await service().appendLedgerEntries(
          amounts.map((amount) => ({
            affiliate_id: affiliateId,
            type: amount.startsWith("-") ? ("clawback" as const) : ("sale" as const),
            amount,
            currency_code: currency,
            status: "available" as const,
            idempotency_key: `test:${++keys}`,
          }))
        )
      ).map((a) => a.entry)
    const entriesOf = async (affiliateId: string) =>
      await service().listAffiliateCommissions({ affiliate_id: affiliateId }, { order: { created_at: "ASC" } })

    beforeEach(async () => {
      const { result: [key] } = await createApiKeysWorkflow(getContainer()).run({
        input: { api_keys: [{ title: "Storefront", type: "publishable", created_by: "test" }] },
      })
      publishableKey = key.token
    })

    describe("an affiliate requests a payout of everything available in one currency", () => {
      it("one requested payout holding all available entries of that currency, net of clawbacks", async () => {
        const { affiliate, customer, headers } = await affiliateAccount("ALICE")
        const usd = await earn(affiliate.id, "usd", ["40", "12.5", "-2.5"])
        const [eur] = await earn(affiliate.id, "eur", ["9"])

        const { data, status } = await api.post(PAYOUTS, { currency_code: "USD" }, { headers })
        expect(status).toBe(200)
        expect(data).toEqual({
          payout: {
            id: expect.stringMatching(/^afpay_/),
            affiliate_id: affiliate.id,
            amount: 50,
            currency_code: "usd",
            status: "requested",
            method: "manual",
            reference: null,
            failure_reason: null,
            created_at: expect.any(String),
            paid_at: null,
            failed_at: null,
            canceled_at: null,
          },
        })
        const entries = await entriesOf(affiliate.id)
        expect(entries.filter((e) => usd.some((u) => u.id === e.id)).map((e) => [e.status, e.payout_id])).toEqual(
          Array(3).fill(["requested", data.payout.id])
        )
        expect(entries.find((e) => e.id === eur.id)).toEqual(expect.objectContaining({ status: "available", payout_id: null }))
        expect((await service().retrieveAffiliatePayout(data.payout.id)).requested_by).toBe(customer.id)
        await eventually(async () => emitted("affiliate_payout.requested").length === 1)
        expect(emitted("affiliate_payout.requested")).toEqual([{ id: data.payout.id, affiliate_id: affiliate.id }])
      })

      it("400 below the program minimum, with nothing available, or with only held entries; nothing is written", async () => {
        const program: any = await service().createAffiliatePrograms({ name: "Min 50", commission_value: 10, min_payout_amount: 50 } as any)
        const { affiliate, headers } = await affiliateAccount("ALICE", { program_id: program.id })
        await earn(affiliate.id, "usd", ["30", "19.99"])
        await service().appendLedgerEntries([
          { affiliate_id: affiliate.id, type: "sale", amount: "500", currency_code: "eur", status: "pending", idempotency_key: "held" },
        ])

        await expectError(api.post(PAYOUTS, { currency_code: "usd" }, { headers }), 400, /currency_code: .*49\.99 USD is below the program minimum of 50/)
        await expectError(api.post(PAYOUTS, { currency_code: "eur" }, { headers }), 400, /currency_code: nothing is available to pay out in EUR/)
        await expectError(api.post(PAYOUTS, { currency_code: "gbp" }, { headers }), 400, /nothing is available/)
        expect(await service().listAffiliatePayouts()).toHaveLength(0)
        expect((await entriesOf(affiliate.id)).map((e) => e.status)).toEqual(["available", "available", "pending"])
        expect(emitted("affiliate_payout.requested")).toEqual([])
      })

      it("a suspended affiliate cannot request a payout", async () => {
        const { affiliate, headers } = await affiliateAccount("ALICE", { status: "suspended" })
        await earn(affiliate.id, "usd", ["30"])
        await expectError(api.post(PAYOUTS, { currency_code: "usd" }, { headers }), 400, /status: only an active affiliate .* suspended/)
        expect(await service().listAffiliatePayouts()).toHaveLength(0)
      })
    })

    describe("ten concurrent payout requests give exactly one payout and no entry in two payouts", () => {
      it("same currency: one 200, nine 400, every entry in the one payout; the other currency is untouched", async () => {
        const { affiliate, headers } = await affiliateAccount("ALICE")
        const usd = await earn(affiliate.id, "usd", ["10", "20", "30", "-5"])
        const eur = await earn(affiliate.id, "eur", ["7", "8"])

        const results = await Promise.allSettled(
          Array.from({ length: 10 }, () => api.post(PAYOUTS, { currency_code: "usd" }, { headers }))
        )
        const created = results.filter((r) => r.status === "fulfilled") as PromiseFulfilledResult<any>[]
        const refused = results.filter((r) => r.status === "rejected") as PromiseRejectedResult[]
        expect(created).toHaveLength(1)
        expect(refused.map((r) => r.reason.response?.status)).toEqual(Array(9).fill(400))

        const payouts = await service().listAffiliatePayouts()
        expect(payouts.map((p) => [p.id, p.currency_code])).toEqual([[created[0].value.data.payout.id, "usd"]])
        expect(created[0].value.data.payout.amount).toBe(55)
        const entries = await entriesOf(affiliate.id)
        expect(entries.filter((e) => usd.some((u) => u.id === e.id)).map((e) => e.payout_id)).toEqual(Array(4).fill(payouts[0].id))
        expect(entries.filter((e) => eur.some((u) => u.id === e.id)).map((e) => [e.status, e.payout_id])).toEqual(
          Array(2).fill(["available", null])
        )
      })

      it("two currencies at once: one payout per currency, each holding only its own entries", async () => {
        const { affiliate, headers } = await affiliateAccount("ALICE")
        await earn(affiliate.id, "usd", ["10", "20"])
        await earn(affiliate.id, "eur", ["7", "8"])

        const results = await Promise.allSettled(
          Array.from({ length: 10 }, (_, i) => api.post(PAYOUTS, { currency_code: i % 2 ? "usd" : "eur" }, { headers }))
        )
        expect(results.filter((r) => r.status === "fulfilled")).toHaveLength(2)
        const payouts = await service().listAffiliatePayouts({}, { order: { currency_code: "ASC" } })
        expect(payouts.map((p) => [p.currency_code, Number(p.amount)])).toEqual([
          ["eur", 15],
          ["usd", 30],
        ])
        for (const entry of await entriesOf(affiliate.id)) {
          expect(entry.payout_id).toBe(payouts.find((p) => p.currency_code === entry.currency_code)!.id)
        }
      })
    })

    describe("a failed payout's entries can be requested again", () => {
      it("after an admin marks the payout failed, the affiliate's next request pays the same entries", async () => {
        const { affiliate, headers } = await affiliateAccount("ALICE")
        await earn(affiliate.id, "usd", ["25"])
        const first = (await api.post(PAYOUTS, { currency_code: "usd" }, { headers })).data.payout
        const admin = await adminHeaders(getContainer())
        await api.post(`/admin/affiliate-payouts/${first.id}/failed`, { reason: "bounced" }, { headers: admin.headers })

        const second = (await api.post(PAYOUTS, { currency_code: "usd" }, { headers })).data.payout
        expect(second).toEqual(expect.objectContaining({ amount: 25, status: "requested" }))
        const { data } = await api.get(PAYOUTS, { headers })
        expect(data.payouts.map((p: any) => [p.id, p.status, p.failure_reason])).toEqual([
          [second.id, "requested", null],
          [first.id, "failed", "bounced"],
        ])
        expect((await entriesOf(affiliate.id)).map((e) => e.payout_id)).toEqual([second.id])
      })
    })

    describe("each affiliate sees only their own payouts", () => {
      it("GET lists the caller's payouts, newest first, paged", async () => {
        const alice = await affiliateAccount("ALICE")
        const bob = await affiliateAccount("BOB")
        const admin = await adminHeaders(getContainer())
        const alicePayouts: string[] = []
        for (const amount of ["10", "11", "12"]) {
          await earn(alice.affiliate.id, "usd", [amount])
          const { payout } = (await api.post(PAYOUTS, { currency_code: "usd" }, { headers: alice.headers })).data
          await api.post(`/admin/affiliate-payouts/${payout.id}/paid`, {}, { headers: admin.headers })
          alicePayouts.unshift(payout.id)
        }
        await earn(bob.affiliate.id, "usd", ["99"])
        const bobPayout = (await api.post(PAYOUTS, { currency_code: "usd" }, { headers: bob.headers })).data.payout

        const all = (await api.get(PAYOUTS, { headers: alice.headers })).data
        expect(all).toEqual({ payouts: expect.any(Array), count: 3, offset: 0, limit: 50 })
        expect(all.payouts.map((p: any) => p.id)).toEqual(alicePayouts)
        expect(all.payouts.map((p: any) => p.amount)).toEqual([12, 11, 10])
        expect(all.payouts[0]).toEqual(
          expect.objectContaining({ status: "paid", paid_at: expect.any(String), affiliate_id: alice.affiliate.id })
        )
        expect(all.payouts[0]).not.toHaveProperty("requested_by")

        const page = (await api.get(`${PAYOUTS}?limit=1&offset=1`, { headers: alice.headers })).data
        expect(page).toEqual({ payouts: [expect.objectContaining({ id: alicePayouts[1] })], count: 3, offset: 1, limit: 1 })

        const ofBob = (await api.get(PAYOUTS, { headers: bob.headers })).data
        expect(ofBob.payouts.map((p: any) => p.id)).toEqual([bobPayout.id])
        // Another affiliate's id in the query is refused, not honoured.
        await expectError(api.get(`${PAYOUTS}?affiliate_id=${alice.affiliate.id}`, { headers: bob.headers }), 400, /affiliate_id/)

        // Medusa's list conventions: order and fields (the portal's fields only).
        const oldest = (await api.get(`${PAYOUTS}?order=created_at&fields=id,amount,requested_by,affiliate.email`, { headers: alice.headers })).data
        expect(oldest.payouts).toEqual([...alicePayouts].reverse().map((id, i) => ({ id, amount: [10, 11, 12][i] })))
        await expectError(api.get(`${PAYOUTS}?order=requested_by`, { headers: alice.headers }), 400, /order/)
      })
    })

    describe("the portal is for logged-in affiliates", () => {
      it("401 without a customer session", async () => {
        const { affiliate } = await affiliateAccount("ALICE")
        await earn(affiliate.id, "usd", ["10"])
        const anonymous = { "x-publishable-api-key": publishableKey }
        await expectError(api.get(PAYOUTS, { headers: anonymous }), 401)
        await expectError(api.post(PAYOUTS, { currency_code: "usd" }, { headers: anonymous }), 401)
        expect(await service().listAffiliatePayouts()).toHaveLength(0)
      })

      it("404 for a customer who is not an affiliate", async () => {
        const { headers } = await customerHeaders(getContainer(), publishableKey, "shopper@shop.test")
        await expectError(api.get(PAYOUTS, { headers }), 404, /not an affiliate/)
        await expectError(api.post(PAYOUTS, { currency_code: "usd" }, { headers }), 404, /not an affiliate/)
      })
    })

    describe("bad input is refused with the field's name and changes nothing", () => {
      it("requesting and listing", async () => {
        const { affiliate, headers } = await affiliateAccount("ALICE")
        await earn(affiliate.id, "usd", ["10"])
        const bodies: [Record<string, unknown>, RegExp][] = [
          [{}, /currency_code/],
          [{ currency_code: "us" }, /currency_code/],
          [{ currency_code: ["usd"] }, /currency_code/],
          [{ currency_code: "usd", amount: 5 }, /amount/],
        ]
        for (const [body, field] of bodies) {
          await expectError(api.post(PAYOUTS, body, { headers }), 400, field)
        }
        for (const [query, field] of [["limit=abc", /limit/], ["offset=-3", /offset/], ["status=paid", /status/]] as const) {
          await expectError(api.get(`${PAYOUTS}?${query}`, { headers }), 400, field)
        }
        expect(await service().listAffiliatePayouts()).toHaveLength(0)
        expect((await entriesOf(affiliate.id)).map((e) => e.status)).toEqual(["available"])
      })
    })
  },
})
