import { medusaIntegrationTestRunner } from "@medusajs/test-utils"
import { MathBN } from "@medusajs/framework/utils"
import { config as releaseJobConfig } from "../../src/jobs/release-commissions"
import { config as reconcileJobConfig } from "../../src/jobs/reconcile-orders"
import { affiliateService, createAffiliate, eventually, ledgerOf, linkPromotion, receiptOf } from "../fixtures/affiliates"
import { adminHeaders } from "../fixtures/auth"
import { captureEvents } from "../fixtures/events"
import { expectError } from "../fixtures/http"
import { unscheduleJob } from "../fixtures/jobs"
import { sumAmounts } from "../fixtures/ledger"
import { createPromotion, placeOrder, refund, seedStore, TestStore } from "../fixtures/store"

jest.setTimeout(300_000)

const REVIEWS = "/admin/affiliate-commission-reviews"

/**
 * The review hold (issue 11, item 2): a credited sale whose signals meet the program's
 * `review_on` is booked pending with a review, and no entry of its order is released until
 * an admin approves; declining books a reversal with the reason. Real orders through
 * completeCartWorkflow, decisions through the admin API, the release job racing them.
 */
medusaIntegrationTestRunner({
  testSuite: ({ api, getContainer }) => {
    let store: TestStore
    let headers: Record<string, string>
    let adminId: string
    const c = () => getContainer()
    const service = () => affiliateService(c())
    const { emitted } = captureEvents(c)

    /** An affiliate whose code, used on a cart without their click, holds the sale for review; no hold days. */
    const watchedAffiliate = async (code: string) => {
      const program = await service().createAffiliatePrograms({
        name: `${code} watched`,
        commission_value: 10,
        hold_days: 0,
        risk_rules: { review_on: ["code_without_click"] },
      } as any)
      const affiliate = await createAffiliate(c(), code, { program_id: program.id })
      await linkPromotion(c(), affiliate.id, (await createPromotion(c(), `${code}10`)).id)
      return affiliate
    }
    let buyers = 0
    /** An order with the leaked code (no click on the cart): credited, held for review. */
    const heldOrder = async (code: string, capture = false) => {
      const orderId = await placeOrder(c(), store, {
        items: [{ variant_id: store.products.shirt.variant_id, quantity: 1 }],
        promo_codes: [`${code}10`],
        email: `${code.toLowerCase()}-buyer-${++buyers}@example.com`,
        capture,
      })
      const receipt = await receiptOf(c(), orderId)
      const [sale] = await ledgerOf(c(), orderId)
      const [review] = await service().listAffiliateCommissionReviews({ commission_id: sale.id })
      return { orderId, receipt, sale, review }
    }
    const entry = async (id: string) => await service().retrieveAffiliateCommission(id)
    const booked = async (orderId: string) => sumAmounts((await ledgerOf(c(), orderId)).filter((e) => e.type !== "adjustment"))

    beforeAll(async () => {
      await unscheduleJob(reconcileJobConfig)
      await unscheduleJob(releaseJobConfig)
    })

    beforeEach(async () => {
      store = await seedStore(c())
      const admin = await adminHeaders(c())
      headers = admin.headers
      adminId = admin.user.id
    })

    it("a sale whose signals meet the rule waits for review: the release passes it by until an admin approves", async () => {
      await watchedAffiliate("LEAKY")
      const held = await heldOrder("LEAKY")
      expect(held.receipt.outcome).toBe("credited")
      expect(held.receipt.risk.review).toEqual({ because: ["code_without_click"] })
      expect(held.sale).toEqual(expect.objectContaining({ type: "sale", status: "pending" }))
      expect(held.review).toEqual(expect.objectContaining({ status: "required", order_id: held.orderId, because: ["code_without_click"] }))
      expect(emitted("affiliate_commission.review_required")).toEqual([
        { id: held.review.id, commission_id: held.sale.id, affiliate_id: held.sale.affiliate_id, order_id: held.orderId, because: ["code_without_click"] },
      ])

      // Its hold (0 days) is over, yet the release job leaves it; an unheld sale beside it goes.
      const plain = await service().createAffiliatePrograms({ name: "Plain terms", commission_value: 10, hold_days: 0 } as any)
      const trusted = await createAffiliate(c(), "TRUSTED", { program_id: plain.id })
      const { click } = (await service().recordClick({ code: "TRUSTED", session_id: "fan" }))!
      const clean = await placeOrder(c(), store, {
        items: [{ variant_id: store.products.shirt.variant_id, quantity: 1 }],
        email: "clean@example.com",
        metadata: { affiliate_click_id: click.id },
      })
      await receiptOf(c(), clean)
      const [cleanSale] = await ledgerOf(c(), clean)
      expect(cleanSale.affiliate_id).toBe(trusted.id)
      const later = new Date(Date.now() + 60_000)
      expect((await service().releaseDueCommissions({ now: later })).released).toBe(1)
      expect((await entry(cleanSale.id)).status).toBe("available")
      expect((await entry(held.sale.id)).status).toBe("pending")

      // The queue shows it with its signals and their evidence.
      const { data: queue } = await api.get(`${REVIEWS}?status=required`, { headers })
      expect(queue.count).toBe(1)
      expect(queue.affiliate_commission_reviews[0]).toEqual(
        expect.objectContaining({
          id: held.review.id,
          status: "required",
          because: ["code_without_click"],
          commission: expect.objectContaining({ id: held.sale.id, amount: held.sale.amount, currency_code: "usd", status: "pending" }),
          affiliate: expect.objectContaining({ code: "LEAKY" }),
          order_attribution: expect.objectContaining({
            risk: expect.objectContaining({
              signals: expect.arrayContaining([
                { type: "code_without_click", triggered: true, evidence: { code: "LEAKY10", cart_click_affiliate_id: null, customer_attributed: false } },
              ]),
            }),
          }),
        })
      )

      // Approved: the sale, due already, is released at once; the decision is recorded.
      const { data } = await api.post(`${REVIEWS}/approve`, { ids: [held.review.id], reason: "Known newsletter" }, { headers })
      expect(data.affiliate_commission_reviews).toEqual([
        expect.objectContaining({ id: held.review.id, status: "approved", reason: "Known newsletter", decided_by: adminId, reversal_id: null }),
      ])
      expect((await entry(held.sale.id)).status).toBe("available")
      expect(emitted("affiliate_commission.approved")).toEqual([
        { id: held.review.id, commission_id: held.sale.id, affiliate_id: held.sale.affiliate_id, order_id: held.orderId, reason: "Known newsletter" },
      ])
      expect(emitted("affiliate_commission.released")).toEqual([{ id: held.sale.affiliate_id, affiliate_id: held.sale.affiliate_id, count: 1 }])

      // The order's affiliate route names the review and its decision.
      const { data: onOrder } = await api.get(`/admin/orders/${held.orderId}/affiliate`, { headers })
      expect(onOrder.order_attribution.review).toEqual(
        expect.objectContaining({ id: held.review.id, status: "approved", because: ["code_without_click"], reason: "Known newsletter" })
      )

      // A decided review is not decided again; the ledger is as it was.
      const ledgerBefore = await ledgerOf(c(), held.orderId)
      await expectError(api.post(`${REVIEWS}/decline`, { ids: [held.review.id], reason: "Second thoughts" }, { headers }), 400, /^ids: afrev_\w+ is already approved$/)
      expect(await ledgerOf(c(), held.orderId)).toEqual(ledgerBefore)
      const { data: empty } = await api.get(`${REVIEWS}?status=required`, { headers })
      expect(empty.count).toBe(0)
    })

    it("declining books a reversal with the reason for what the order still has booked; both go out together at net zero", async () => {
      const affiliate = await watchedAffiliate("DECLINED")
      const refunded = await heldOrder("DECLINED", true)
      const plain = await heldOrder("DECLINED")
      // A refund of a held sale books a reversal that waits with it.
      await refund(c(), refunded.orderId, 20)
      await eventually(async () => (await ledgerOf(c(), refunded.orderId)).length === 2)
      expect((await service().releaseDueCommissions({ now: new Date(Date.now() + 60_000) })).released).toBe(0)

      // Bad requests change nothing.
      await expectError(api.post(`${REVIEWS}/decline`, { ids: [plain.review.id] }, { headers }), 400, /reason: is required$/)
      await expectError(api.post(`${REVIEWS}/decline`, { ids: [plain.review.id], reason: "  " }, { headers }), 400, /reason: must not be empty$/)
      await expectError(api.post(`${REVIEWS}/decline`, { ids: [], reason: "x" }, { headers }), 400, /ids/)
      await expectError(api.post(`${REVIEWS}/decline`, { ids: [plain.review.id, "afrev_unknown"], reason: "x" }, { headers }), 404, /afrev_unknown/)
      expect((await service().retrieveAffiliateCommissionReview(plain.review.id)).status).toBe("required")

      const reason = "Coupon posted on a deal site"
      const { data } = await api.post(`${REVIEWS}/decline`, { ids: [refunded.review.id, plain.review.id], reason }, { headers })
      expect(data.affiliate_commission_reviews.map((r: any) => [r.id, r.status, r.reason])).toEqual([
        [refunded.review.id, "declined", reason],
        [plain.review.id, "declined", reason],
      ])
      for (const held of [refunded, plain]) {
        const ledger = await ledgerOf(c(), held.orderId)
        expect(Number(sumAmounts(ledger))).toBe(0)
        const reversal = ledger.find((e) => e.reference === "review")!
        expect(reversal).toEqual(
          expect.objectContaining({ type: "reversal", note: reason, reference_id: held.review.id, created_by: adminId, idempotency_key: `review-decline:${held.sale.id}` })
        )
        // The hold is over: sale and reversals are released together.
        expect(ledger.map((e) => e.status)).toEqual(ledger.map(() => "available"))
      }
      const declined = emitted("affiliate_commission.declined")
      expect(declined).toHaveLength(2)
      expect(declined[0]).toEqual(expect.objectContaining({ id: refunded.review.id, reason, reversal_id: expect.stringMatching(/^afcom_/) }))
      const [balance] = await service().getBalances(affiliate.id)
      expect(MathBN.convert(balance.available).toNumber()).toBe(0)

      // A refund after the decline books nothing more: the order has nothing left booked.
      await refund(c(), refunded.orderId, 20)
      await new Promise((r) => setTimeout(r, 2_000))
      expect(Number(sumAmounts(await ledgerOf(c(), refunded.orderId)))).toBe(0)
      expect(Number(await booked(refunded.orderId))).toBe(0)
    })

    it("an approve racing the release job releases each sale once; two declines racing book one reversal", async () => {
      await watchedAffiliate("RACER")
      const held = []
      for (let n = 0; n < 4; n++) {
        held.push(await heldOrder("RACER"))
      }
      const ids = held.map((h) => h.review.id)
      const now = new Date(Date.now() + 60_000)
      const [approved, ...runs] = await Promise.all([
        api.post(`${REVIEWS}/approve`, { ids }, { headers }),
        service().releaseDueCommissions({ now }),
        service().releaseDueCommissions({ now }),
      ])
      expect(approved.status).toBe(200)
      const byApproval = emitted("affiliate_commission.released").reduce((sum, e) => sum + e.count, 0)
      const byJob = runs.reduce((sum, r) => sum + r.released, 0)
      expect(byApproval + byJob).toBe(4)
      for (const h of held) {
        expect((await entry(h.sale.id)).status).toBe("available")
      }
      expect((await service().releaseDueCommissions({ now })).released).toBe(0)

      const contested = await heldOrder("RACER")
      const answers = await Promise.all(
        [1, 2].map((n) =>
          api.post(`${REVIEWS}/decline`, { ids: [contested.review.id], reason: `admin ${n}` }, { headers, validateStatus: () => true })
        )
      )
      expect(answers.map((a) => a.status).sort()).toEqual([200, 400])
      const reversals = (await ledgerOf(c(), contested.orderId)).filter((e) => e.type === "reversal")
      expect(reversals).toHaveLength(1)
      expect(emitted("affiliate_commission.declined")).toHaveLength(1)
    })
  },
})
