import { medusaIntegrationTestRunner } from "@medusajs/test-utils"
import { createStep, createWorkflow, WorkflowResponse } from "@medusajs/framework/workflows-sdk"
import { requestAffiliatePayoutsStep } from "../../src/workflows/payouts/steps/request-payouts"
import { affiliateService, createAffiliate, eventually } from "../fixtures/affiliates"
import { adminHeaders } from "../fixtures/auth"
import { captureEvents } from "../fixtures/events"
import { expectError } from "../fixtures/http"

jest.setTimeout(120_000)

/** A workflow that requests payouts and then fails, so the request step is compensated. */
const failAfterRequest = createStep("test-fail-after-payout-request", async () => {
  throw new Error("the next step failed")
})
const requestThenFailWorkflow = createWorkflow("test-request-payouts-then-fail", (input: { currency_code: string }) => {
  const payouts = requestAffiliatePayoutsStep(input)
  failAfterRequest()
  return new WorkflowResponse(payouts)
})

medusaIntegrationTestRunner({
  testSuite: ({ api, getContainer }) => {
    let headers: Record<string, string>
    let adminId: string
    const service = () => affiliateService(getContainer())
    const { emitted } = captureEvents(getContainer)


    /** Books entries straight into `available` (as after the hold), one key each. */
    let keys = 0
    const earn = async (affiliateId: string, currency: string, amount: string, type: "sale" | "clawback" | "adjustment" = "sale") => {
      const [{ entry }] = await service().appendLedgerEntries([
        {
          affiliate_id: affiliateId,
          type,
          amount,
          currency_code: currency,
          status: "available",
          note: type === "adjustment" ? "test" : null,
          idempotency_key: `test:${++keys}`,
        },
      ])
      return entry
    }
    const entriesOf = async (affiliateId: string) =>
      await service().listAffiliateCommissions({ affiliate_id: affiliateId }, { order: { created_at: "ASC" } })
    const programWithMinimum = async (minimum: number) =>
      (await service().createAffiliatePrograms({
        name: `Minimum ${minimum}`,
        commission_value: 10,
        min_payout_amount: minimum,
      } as any)) as any
    const requestBatch = async (body: Record<string, unknown>) =>
      (await api.post("/admin/affiliate-payouts", body, { headers })).data.affiliate_payouts

    beforeEach(async () => {
      const admin = await adminHeaders(getContainer())
      headers = admin.headers
      adminId = admin.user.id
    })

    describe("an admin requests payouts for many affiliates at once: one per affiliate at or over the minimum", () => {
      it("pays every affiliate whose available net in the currency reaches their minimum, and skips the rest", async () => {
        const alice = await createAffiliate(getContainer(), "ALICE")
        const bob = await createAffiliate(getContainer(), "BOB", { program_id: (await programWithMinimum(50)).id })
        const carol = await createAffiliate(getContainer(), "CAROL")
        await earn(alice.id, "usd", "30")
        await earn(alice.id, "usd", "20.5")
        const aliceEur = await earn(alice.id, "eur", "10")
        await earn(bob.id, "usd", "49.99")
        await service().appendLedgerEntries([
          { affiliate_id: carol.id, type: "sale", amount: "100", currency_code: "usd", status: "pending", idempotency_key: "held" },
        ])

        const { data, status } = await api.post("/admin/affiliate-payouts", { currency_code: "USD" }, { headers })
        expect(status).toBe(200)
        expect(data.affiliate_payouts).toEqual([
          expect.objectContaining({
            id: expect.stringMatching(/^afpay_/),
            affiliate_id: alice.id,
            amount: 50.5,
            currency_code: "usd",
            status: "requested",
            reference: null,
            paid_at: null,
            requested_by: adminId,
            created_at: expect.any(String),
          }),
        ])
        const payout = data.affiliate_payouts[0]

        const aliceEntries = await entriesOf(alice.id)
        expect(aliceEntries.filter((e) => e.currency_code === "usd").map((e) => [e.status, e.payout_id])).toEqual([
          ["requested", payout.id],
          ["requested", payout.id],
        ])
        expect(aliceEntries.find((e) => e.id === aliceEur.id)).toEqual(
          expect.objectContaining({ status: "available", payout_id: null })
        )
        expect((await entriesOf(bob.id)).map((e) => e.status)).toEqual(["available"])
        expect((await entriesOf(carol.id)).map((e) => e.status)).toEqual(["pending"])
        await eventually(async () => emitted("affiliate_payout.requested").length === 1)
        expect(emitted("affiliate_payout.requested")).toEqual([{ id: payout.id, affiliate_id: alice.id }])
      })

      it("with affiliate_ids, only those affiliates are paid", async () => {
        const alice = await createAffiliate(getContainer(), "ALICE")
        const erin = await createAffiliate(getContainer(), "ERIN")
        await earn(alice.id, "usd", "10")
        await earn(erin.id, "usd", "20")

        const payouts = await requestBatch({ currency_code: "usd", affiliate_ids: [erin.id, "aff_unknown"] })
        expect(payouts.map((p: any) => [p.affiliate_id, p.amount])).toEqual([[erin.id, 20]])
        expect((await entriesOf(alice.id)).map((e) => e.status)).toEqual(["available"])
      })

      it("a second batch finds nothing left: every entry belongs to exactly one payout", async () => {
        const alice = await createAffiliate(getContainer(), "ALICE")
        const bob = await createAffiliate(getContainer(), "BOB")
        await earn(alice.id, "usd", "10")
        await earn(bob.id, "usd", "15")

        const [first, second] = await Promise.all([
          requestBatch({ currency_code: "usd" }),
          requestBatch({ currency_code: "usd" }),
        ])
        const payouts = [...first, ...second]
        expect(payouts.map((p: any) => p.affiliate_id).sort()).toEqual([alice.id, bob.id].sort())
        expect(await requestBatch({ currency_code: "usd" })).toEqual([])
        expect(await service().listAffiliatePayouts()).toHaveLength(2)
      })
    })

    describe("clawback entries net against the payout", () => {
      it("the payout amount is the net of sales and clawbacks, and holds both", async () => {
        const alice = await createAffiliate(getContainer(), "ALICE")
        const sale = await earn(alice.id, "usd", "100")
        const clawback = await earn(alice.id, "usd", "-30", "clawback")
        const bonus = await earn(alice.id, "usd", "5.25", "adjustment")

        const [payout] = await requestBatch({ currency_code: "usd" })
        expect(payout.amount).toBe(75.25)
        const entries = await entriesOf(alice.id)
        expect(entries.map((e) => [e.id, e.payout_id])).toEqual([
          [sale.id, payout.id],
          [clawback.id, payout.id],
          [bonus.id, payout.id],
        ])
      })

      it("a net of zero or less is not paid out and its entries stay available", async () => {
        const alice = await createAffiliate(getContainer(), "ALICE")
        await earn(alice.id, "usd", "10")
        await earn(alice.id, "usd", "-12", "clawback")

        expect(await requestBatch({ currency_code: "usd" })).toEqual([])
        expect((await entriesOf(alice.id)).map((e) => e.status)).toEqual(["available", "available"])
      })
    })

    describe("marking a payout paid pays its entries", () => {
      it("records the reference and paid_at; entries become paid; balances move to paid", async () => {
        const alice = await createAffiliate(getContainer(), "ALICE")
        await earn(alice.id, "usd", "40")
        await earn(alice.id, "usd", "2")
        const [payout] = await requestBatch({ currency_code: "usd" })

        const { data, status } = await api.post(
          `/admin/affiliate-payouts/${payout.id}/paid`,
          { reference: "PAYPAL-BATCH-7" },
          { headers }
        )
        expect(status).toBe(200)
        expect(data.affiliate_payout).toEqual(
          expect.objectContaining({ id: payout.id, status: "paid", reference: "PAYPAL-BATCH-7", amount: 42, paid_at: expect.any(String) })
        )
        const entries = await entriesOf(alice.id)
        expect(entries.every((e) => e.status === "paid" && e.payout_id === payout.id && e.paid_at)).toBe(true)
        expect(await service().getBalances(alice.id)).toEqual([
          { currency_code: "usd", pending: 0, available: 0, requested: 0, paid: 42 },
        ])
        await eventually(async () => emitted("affiliate_payout.paid").length === 1)
        expect(emitted("affiliate_payout.paid")).toEqual([{ id: payout.id, affiliate_id: alice.id }])
      })

      it("concurrent mark-paid of one payout: one succeeds, the others get a 4xx, entries are paid once", async () => {
        const alice = await createAffiliate(getContainer(), "ALICE")
        await earn(alice.id, "usd", "25")
        await earn(alice.id, "usd", "25")
        const [payout] = await requestBatch({ currency_code: "usd" })

        const results = await Promise.allSettled(
          Array.from({ length: 8 }, (_, i) =>
            api.post(`/admin/affiliate-payouts/${payout.id}/paid`, { reference: `try-${i}` }, { headers })
          )
        )
        const succeeded = results.filter((r) => r.status === "fulfilled") as PromiseFulfilledResult<any>[]
        const refused = results.filter((r) => r.status === "rejected") as PromiseRejectedResult[]
        expect(succeeded).toHaveLength(1)
        expect(refused.map((r) => r.reason.response?.status)).toEqual(Array(7).fill(400))
        expect(refused[0].reason.response.data.message).toMatch(/status: a payout cannot move from "paid" to "paid"/)

        const stored = await service().retrieveAffiliatePayout(payout.id)
        expect(stored.reference).toBe(succeeded[0].value.data.affiliate_payout.reference)
        const entries = await entriesOf(alice.id)
        expect(new Set(entries.map((e) => new Date(e.paid_at!).getTime()))).toEqual(
          new Set([new Date(stored.paid_at!).getTime()])
        )
        expect((await service().getBalances(alice.id))[0].paid).toBe(50)
        await eventually(async () => emitted("affiliate_payout.paid").length >= 1)
        await new Promise((r) => setTimeout(r, 200))
        expect(emitted("affiliate_payout.paid")).toHaveLength(1)
      })

      it("404 for an unknown payout", async () => {
        await expectError(api.post("/admin/affiliate-payouts/afpay_nope/paid", {}, { headers }), 404, /afpay_nope/)
      })
    })

    describe("a failed payout returns its entries to available, and they can be requested again", () => {
      it("failed with a reason; entries leave the payout; the next request pays them; a failed payout cannot be paid", async () => {
        const alice = await createAffiliate(getContainer(), "ALICE")
        await earn(alice.id, "usd", "60")
        const [payout] = await requestBatch({ currency_code: "usd" })

        const { data } = await api.post(
          `/admin/affiliate-payouts/${payout.id}/failed`,
          { reason: "PayPal: receiver unconfirmed" },
          { headers }
        )
        expect(data.affiliate_payout).toEqual(
          expect.objectContaining({ id: payout.id, status: "failed", failure_reason: "PayPal: receiver unconfirmed", paid_at: null })
        )
        expect((await entriesOf(alice.id)).map((e) => [e.status, e.payout_id])).toEqual([["available", null]])
        await eventually(async () => emitted("affiliate_payout.failed").length === 1)
        expect(emitted("affiliate_payout.failed")).toEqual([{ id: payout.id, affiliate_id: alice.id }])

        await expectError(api.post(`/admin/affiliate-payouts/${payout.id}/paid`, {}, { headers }), 400, /"failed" to "paid"/)

        const [again] = await requestBatch({ currency_code: "usd" })
        expect(again).toEqual(expect.objectContaining({ amount: 60, status: "requested" }))
        expect(again.id).not.toBe(payout.id)
        expect((await entriesOf(alice.id)).map((e) => [e.status, e.payout_id])).toEqual([["requested", again.id]])
      })
    })

    describe("a payout request undone by a later failure cancels its payouts and frees their entries", () => {
      it("compensation settles the created payouts as canceled; the entries are available and requestable again", async () => {
        const alice = await createAffiliate(getContainer(), "ALICE")
        const bob = await createAffiliate(getContainer(), "BOB")
        await earn(alice.id, "usd", "10")
        await earn(bob.id, "usd", "20")

        const { errors } = await requestThenFailWorkflow(getContainer()).run({
          input: { currency_code: "usd" },
          throwOnError: false,
        })
        expect(errors.map((e: any) => e.error?.message)).toEqual(["the next step failed"])
        const payouts = await service().listAffiliatePayouts()
        expect(payouts.map((p) => [p.status, p.failure_reason])).toEqual(
          Array(2).fill(["canceled", "The payout request was rolled back"])
        )
        const entries = [...(await entriesOf(alice.id)), ...(await entriesOf(bob.id))]
        expect(entries.map((e) => [e.status, e.payout_id])).toEqual(Array(2).fill(["available", null]))
        expect(await requestBatch({ currency_code: "usd" })).toHaveLength(2)
      })
    })

    describe("GET /admin/affiliate-payouts lists payouts, filtered and paged", () => {
      it("newest first with count, offset and limit; filters by affiliate_id and status, one or many", async () => {
        const alice = await createAffiliate(getContainer(), "ALICE", { payout_email: "alice@paypal.test" })
        const bob = await createAffiliate(getContainer(), "BOB")
        await earn(alice.id, "usd", "10")
        const [paid] = await requestBatch({ currency_code: "usd" })
        await api.post(`/admin/affiliate-payouts/${paid.id}/paid`, {}, { headers })
        await earn(alice.id, "usd", "11")
        await earn(bob.id, "usd", "12")
        const fresh = await requestBatch({ currency_code: "usd" })

        const all = (await api.get("/admin/affiliate-payouts", { headers })).data
        expect(all).toEqual({ affiliate_payouts: expect.any(Array), count: 3, offset: 0, limit: 50 })
        expect(all.affiliate_payouts.map((p: any) => p.amount)).toEqual(
          [...fresh].sort((a: any, b: any) => b.id.localeCompare(a.id)).map((p: any) => p.amount).concat(10)
        )
        expect(all.affiliate_payouts[0]).toEqual(
          expect.objectContaining({
            id: expect.any(String),
            affiliate_id: expect.any(String),
            amount: expect.any(Number),
            currency_code: "usd",
            status: "requested",
            reference: null,
            created_at: expect.any(String),
            paid_at: null,
            affiliate: expect.objectContaining({ code: expect.any(String), email: expect.any(String) }),
          })
        )

        const ofAlice = (await api.get(`/admin/affiliate-payouts?affiliate_id=${alice.id}`, { headers })).data
        expect(ofAlice.affiliate_payouts.map((p: any) => p.amount)).toEqual([11, 10])
        const paidOnly = (await api.get("/admin/affiliate-payouts?status=paid", { headers })).data
        expect(paidOnly.affiliate_payouts.map((p: any) => p.id)).toEqual([paid.id])
        const both = (await api.get("/admin/affiliate-payouts?status=paid&status=requested&limit=2&offset=1", { headers })).data
        expect(both).toEqual(expect.objectContaining({ count: 3, offset: 1, limit: 2 }))
        expect(both.affiliate_payouts).toHaveLength(2)
      })
    })

    describe("GET /admin/affiliate-payouts?format=csv is a PayPal payment file", () => {
      it("header row, then recipient, amount in the currency's decimals, currency, payout id, note", async () => {
        const alice = await createAffiliate(getContainer(), "ALICE", { payout_email: "alice@paypal.test" })
        const bob = await createAffiliate(getContainer(), "BOB")
        await earn(alice.id, "usd", "12.34")
        await earn(bob.id, "usd", "7")
        await earn(bob.id, "jpy", "1500")
        const usd = await requestBatch({ currency_code: "usd" })
        const [jpy] = await requestBatch({ currency_code: "jpy" })
        const aliceUsd = usd.find((p: any) => p.affiliate_id === alice.id)
        const bobUsd = usd.find((p: any) => p.affiliate_id === bob.id)

        const response = await api.get("/admin/affiliate-payouts?status=requested&format=csv&limit=1", { headers })
        expect(response.status).toBe(200)
        expect(response.headers["content-type"]).toMatch(/^text\/csv/)
        expect(response.headers["content-disposition"]).toMatch(/attachment; filename=".+\.csv"/)
        const lines = response.data.trim().split("\n")
        expect(lines[0]).toBe("Recipient identifier,Payment amount,Currency,Customer ID,Note to recipient")
        expect(lines.slice(1).sort()).toEqual(
          [
            `bob@affiliates.test,1500,JPY,${jpy.id},Affiliate commission payout ${jpy.id}`,
            `alice@paypal.test,12.34,USD,${aliceUsd.id},Affiliate commission payout ${aliceUsd.id}`,
            `bob@affiliates.test,7.00,USD,${bobUsd.id},Affiliate commission payout ${bobUsd.id}`,
          ].sort()
        )
        // Grouped by currency, so a file per currency is a filter away.
        expect(lines.slice(1).map((l: string) => l.split(",")[2])).toEqual(["JPY", "USD", "USD"])

        const usdOnly = await api.get("/admin/affiliate-payouts?currency_code=usd&format=csv", { headers })
        expect(usdOnly.data.trim().split("\n")).toHaveLength(3)
        const none = await api.get("/admin/affiliate-payouts?status=paid&format=csv", { headers })
        expect(none.data.trim()).toBe("Recipient identifier,Payment amount,Currency,Customer ID,Note to recipient")
      })
    })

    describe("bad input is refused with the field's name and changes nothing", () => {
      it("creating payouts", async () => {
        const alice = await createAffiliate(getContainer(), "ALICE")
        await earn(alice.id, "usd", "10")
        const cases: [Record<string, unknown>, RegExp][] = [
          [{}, /currency_code/],
          [{ currency_code: "dollars" }, /currency_code/],
          [{ currency_code: 840 }, /currency_code/],
          [{ currency_code: "usd", affiliate_ids: alice.id }, /affiliate_ids/],
          [{ currency_code: "usd", affiliate_ids: [] }, /affiliate_ids/],
          [{ currency_code: "usd", affiliate_ids: [42] }, /affiliate_ids/],
          [{ currency_code: "usd", minimum: 5 }, /minimum/],
        ]
        for (const [body, field] of cases) {
          await expectError(api.post("/admin/affiliate-payouts", body, { headers }), 400, field)
        }
        expect(await service().listAffiliatePayouts()).toHaveLength(0)
        expect((await entriesOf(alice.id)).map((e) => e.status)).toEqual(["available"])
      })

      it("settling payouts", async () => {
        const alice = await createAffiliate(getContainer(), "ALICE")
        await earn(alice.id, "usd", "10")
        const [payout] = await requestBatch({ currency_code: "usd" })
        const cases: [string, Record<string, unknown>, RegExp][] = [
          ["paid", { reference: 42 }, /reference/],
          ["paid", { reference: "x".repeat(256) }, /reference/],
          ["paid", { reason: "x" }, /reason/],
          ["failed", { reason: ["x"] }, /reason/],
          ["failed", { reason: "x".repeat(1001) }, /reason/],
          ["failed", { reference: "x" }, /reference/],
        ]
        for (const [action, body, field] of cases) {
          await expectError(api.post(`/admin/affiliate-payouts/${payout.id}/${action}`, body, { headers }), 400, field)
        }
        expect((await service().retrieveAffiliatePayout(payout.id)).status).toBe("requested")
        expect((await entriesOf(alice.id)).map((e) => e.status)).toEqual(["requested"])
        expect(emitted("affiliate_payout.paid").concat(emitted("affiliate_payout.failed"))).toEqual([])
      })

      it("listing payouts", async () => {
        const cases: [string, RegExp][] = [
          ["status=sent", /status: "sent" is not one of requested, paid, failed, canceled/],
          ["format=xml", /format/],
          ["limit=0", /limit/],
          ["offset=-1", /offset/],
          ["order=email", /order/],
          ["currency_code=euro", /currency_code/],
          ["created_at[gte]=yesterday", /created_at\.gte/],
          ["affiliate=aff_1", /affiliate/],
        ]
        for (const [query, field] of cases) {
          await expectError(api.get(`/admin/affiliate-payouts?${query}`, { headers }), 400, field)
        }
      })
    })

    describe("payout routes need an admin", () => {
      it("401 without credentials", async () => {
        const alice = await createAffiliate(getContainer(), "ALICE")
        await earn(alice.id, "usd", "10")
        const [payout] = await requestBatch({ currency_code: "usd" })
        await expectError(api.get("/admin/affiliate-payouts"), 401)
        await expectError(api.get("/admin/affiliate-payouts?format=csv"), 401)
        await expectError(api.post("/admin/affiliate-payouts", { currency_code: "usd" }), 401)
        await expectError(api.post(`/admin/affiliate-payouts/${payout.id}/paid`, {}), 401)
        await expectError(api.post(`/admin/affiliate-payouts/${payout.id}/failed`, {}), 401)
        expect((await service().retrieveAffiliatePayout(payout.id)).status).toBe("requested")
      })
    })
  },
})
