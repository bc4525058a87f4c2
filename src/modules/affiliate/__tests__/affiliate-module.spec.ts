import path from "path"
import { moduleIntegrationTestRunner } from "@medusajs/test-utils"
import { MedusaError } from "@medusajs/framework/utils"
import { AFFILIATE_MODULE } from ".."
import AffiliateModuleService from "../service"
import { NewLedgerEntry } from "../domain/ledger-entry"

jest.setTimeout(60_000)

// The schema comes from the migration files (not the models), so the hand-written
// constraints and the ledger trigger are what is tested here.
moduleIntegrationTestRunner<AffiliateModuleService>({
  moduleName: AFFILIATE_MODULE,
  resolve: path.join(__dirname, ".."),
  pathToMigrations: path.join(__dirname, "..", "migrations"),
  moduleOptions: {
    defaultProgram: { commissionValue: 12.5, holdDays: 14, minPayoutAmount: 50 },
  },
  testSuite: ({ service, MikroOrmWrapper }) => {
    const sql = (query: string, bindings: unknown[] = []) =>
      MikroOrmWrapper.forkManager().execute(query, bindings as any[])

    const expectDatabaseRefusal = async (promise: Promise<unknown>, pattern: RegExp) => {
      const error = await promise.then(
        () => null,
        (e) => e
      )
      expect(error).not.toBeNull()
      expect(String(error?.message ?? error)).toMatch(new RegExp(pattern.source, "i"))
    }

    const createAffiliate = async (code = "ALICE", extra: Record<string, unknown> = {}) =>
      (await service.createAffiliates({
        code,
        name: `Affiliate ${code}`,
        email: `${code.toLowerCase()}@example.com`,
        ...extra,
      } as any)) as any

    const sale = (affiliateId: string, key: string, amount: number | string = 10): NewLedgerEntry => ({
      affiliate_id: affiliateId,
      type: "sale",
      amount,
      currency_code: "usd",
      idempotency_key: key,
      order_id: `order_${key}`,
      rate: 10,
      base_amount: 100,
      available_at: new Date(Date.now() + 86_400_000),
    })

    describe("the default program", () => {
      it("is created from the defaultProgram option", async () => {
        const program = await service.ensureDefaultProgram()
        expect(program).toEqual(
          expect.objectContaining({
            is_default: true,
            commission_type: "percentage",
            commission_value: 12.5,
            hold_days: 14,
            cookie_days: 30,
            trailing_months: null,
            min_payout_amount: 50,
            auto_approve: false,
          })
        )
      })

      it("is never duplicated, also when boots race", async () => {
        const programs = await Promise.all(Array.from({ length: 5 }, () => service.ensureDefaultProgram()))
        expect(new Set(programs.map((p) => p.id)).size).toBe(1)
        expect(await service.listAffiliatePrograms({ is_default: true })).toHaveLength(1)
      })

      it("a second default program is refused by the database", async () => {
        await service.ensureDefaultProgram()
        await expectDatabaseRefusal(
          service.createAffiliatePrograms({ name: "Another", is_default: true, commission_value: 5 }),
          /IDX_affiliate_program_single_default|duplicate|already exists/i
        )
        await expectDatabaseRefusal(
          sql(
            `INSERT INTO affiliate_program (id, name, is_default, commission_value, raw_commission_value)
             VALUES ('afprog_raw', 'Raw', true, 5, '{"value":"5","precision":20}')`
          ),
          /IDX_affiliate_program_single_default/
        )
        const extra = await service.createAffiliatePrograms({ name: "VIP", commission_value: 20 })
        expect(extra.is_default).toBe(false)
      })

      it("a percentage above 100 is refused by the database", async () => {
        await expectDatabaseRefusal(
          service.createAffiliatePrograms({ name: "Too much", commission_value: 101 }),
          /CHK_affiliate_program_commission_value/
        )
      })
    })

    describe("affiliate codes", () => {
      it("are normalised to upper-case and new affiliates join the default program", async () => {
        const affiliate = await createAffiliate("  alice-2026 ")
        const program = await service.retrieveDefaultProgram()
        expect(affiliate.code).toBe("ALICE-2026")
        expect(affiliate.status).toBe("pending")
        expect(affiliate.program_id).toBe(program.id)
        expect((await service.retrieveAffiliateByCode("Alice-2026")).id).toBe(affiliate.id)
      })

      it("an invalid code is refused with a message naming the field", async () => {
        const error = await createAffiliate("a!").catch((e) => e)
        expect(error).toBeInstanceOf(MedusaError)
        expect(error.type).toBe(MedusaError.Types.INVALID_DATA)
        expect(error.message).toMatch(/^code:/)
        expect(await service.listAffiliates()).toHaveLength(0)
      })

      it("a duplicate code in another case is refused by the database", async () => {
        await createAffiliate("BOB")
        await expectDatabaseRefusal(createAffiliate("bob"), /IDX_affiliate_code_unique|already exists/i)
        const program = await service.retrieveDefaultProgram()
        // Straight to the table: a lower-case copy cannot be stored at all.
        await expectDatabaseRefusal(
          sql(
            `INSERT INTO affiliate (id, code, name, email, program_id) VALUES ('aff_raw', 'bob', 'b', 'b@x.io', ?)`,
            [program.id]
          ),
          /CHK_affiliate_code_normalised/
        )
        expect(await service.listAffiliates({ code: "BOB" })).toHaveLength(1)
      })

      it("a customer account belongs to at most one affiliate", async () => {
        await createAffiliate("CAROL", { customer_id: "cus_1" })
        await expectDatabaseRefusal(
          createAffiliate("DAVE", { customer_id: "cus_1" }),
          /IDX_affiliate_customer_id_unique|already exists/i
        )
      })
    })

    describe("affiliate status transitions", () => {
      it("pending -> active -> suspended -> active are allowed", async () => {
        const a = await createAffiliate()
        for (const status of ["active", "suspended", "active"]) {
          const updated = (await service.updateAffiliates({ id: a.id, status } as any)) as any
          expect(updated.status).toBe(status)
        }
      })

      it("the selector form cannot skip the rules; only a compensation restores fields", async () => {
        const a = await createAffiliate()
        await service.updateAffiliates({ id: a.id, status: "active" } as any)
        const error = await service
          .updateAffiliates({ selector: { id: a.id }, data: { status: "pending" } } as any)
          .catch((e) => e)
        expect(error.type).toBe(MedusaError.Types.NOT_ALLOWED)
        await service.restoreAffiliateFields(a.id, { status: "pending" })
        expect((await service.retrieveAffiliate(a.id)).status).toBe("pending")
      })

      it("an illegal transition is a clear error and changes nothing", async () => {
        const a = await createAffiliate()
        await service.updateAffiliates({ id: a.id, status: "rejected" } as any)
        const error = await service.updateAffiliates({ id: a.id, status: "active", name: "New" } as any).catch((e) => e)
        expect(error.type).toBe(MedusaError.Types.NOT_ALLOWED)
        expect(error.message).toContain('cannot move from "rejected" to "active"')
        const stored = await service.retrieveAffiliate(a.id)
        expect(stored.status).toBe("rejected")
        expect(stored.name).toBe("Affiliate ALICE")
      })
    })

    describe("clicks", () => {
      it("one click per (affiliate, session_id) is enforced by the database", async () => {
        const a = await createAffiliate()
        await service.createAffiliateClicks({ affiliate_id: a.id, session_id: "s1" })
        await expectDatabaseRefusal(
          service.createAffiliateClicks({ affiliate_id: a.id, session_id: "s1" }),
          /IDX_affiliate_click_session_unique|already exists/i
        )
        // Clicks without a session are not deduplicated; another affiliate may share the session.
        const b = await createAffiliate("BOB")
        await service.createAffiliateClicks([
          { affiliate_id: a.id },
          { affiliate_id: a.id },
          { affiliate_id: b.id, session_id: "s1" },
        ])
        expect(await service.listAffiliateClicks()).toHaveLength(4)
      })

      it("URL fields are bounded by the database", async () => {
        const a = await createAffiliate()
        await expectDatabaseRefusal(
          service.createAffiliateClicks({ affiliate_id: a.id, landing_url: "x".repeat(2049) }),
          /CHK_affiliate_click_lengths/
        )
      })
    })

    describe("attributions and receipts", () => {
      it("a second live attribution of the same customer is refused by the database", async () => {
        const a = await createAffiliate()
        const b = await createAffiliate("BOB")
        const first = await service.createAffiliateAttributions({
          customer_id: "cus_1",
          affiliate_id: a.id,
          source: "link",
        })
        await expectDatabaseRefusal(
          service.createAffiliateAttributions({ customer_id: "cus_1", affiliate_id: b.id, source: "code" }),
          /IDX_affiliate_attribution_customer_unique|already exists/i
        )
        // An expired attribution is replaced by retiring it first.
        await service.softDeleteAffiliateAttributions([first.id])
        const second = await service.createAffiliateAttributions({
          customer_id: "cus_1",
          affiliate_id: b.id,
          source: "code",
        })
        expect(second.affiliate_id).toBe(b.id)
      })

      it("a manual reassignment retires the live attribution in the same transaction", async () => {
        const a = await createAffiliate()
        const b = await createAffiliate("BOB")
        const first = await service.reassignCustomerAttribution({ customer_id: "cus_9", affiliate_id: a.id })
        const second = await service.reassignCustomerAttribution({ customer_id: "cus_9", affiliate_id: b.id, created_by: "user_1" })
        expect(second).toEqual(expect.objectContaining({ affiliate_id: b.id, source: "manual", created_by: "user_1", expires_at: null }))
        const live = await service.listAffiliateAttributions({ customer_id: "cus_9" })
        expect(live.map((x) => x.id)).toEqual([second.id])
        expect(first.id).not.toBe(second.id)
      })

      it("one receipt per order is enforced by the database", async () => {
        await service.createAffiliateOrderAttributions({
          order_id: "order_1",
          outcome: "no_referral",
          candidates: [] as any,
        })
        await expectDatabaseRefusal(
          service.createAffiliateOrderAttributions({
            order_id: "order_1",
            outcome: "no_referral",
            candidates: [] as any,
          }),
          /IDX_affiliate_order_attribution_order_unique|already exists/i
        )
      })
    })

    describe("appending to the ledger", () => {
      it("stores exact money and returns the entry", async () => {
        const a = await createAffiliate()
        const [result] = await service.appendLedgerEntries([sale(a.id, "k1", "10.1")])
        expect(result.created).toBe(true)
        expect(result.entry).toEqual(
          expect.objectContaining({
            affiliate_id: a.id,
            type: "sale",
            status: "pending",
            amount: 10.1,
            rate: 10,
            base_amount: 100,
            currency_code: "usd",
            idempotency_key: "k1",
          })
        )
      })

      it("a repeated idempotency key returns the existing entry, never a second one", async () => {
        const a = await createAffiliate()
        const [first] = await service.appendLedgerEntries([sale(a.id, "order_1:sale", 10)])
        const [again] = await service.appendLedgerEntries([sale(a.id, "order_1:sale", 99)])
        expect(again.created).toBe(false)
        expect(again.entry.id).toBe(first.entry.id)
        expect(again.entry.amount).toBe(10)
        expect(await service.listAffiliateCommissions({ affiliate_id: a.id })).toHaveLength(1)
      })

      it("concurrent appends of one key write exactly one entry", async () => {
        const a = await createAffiliate()
        const results = await Promise.all(
          Array.from({ length: 10 }, () => service.appendLedgerEntries([sale(a.id, "race", 5)]))
        )
        const ids = new Set(results.map(([r]) => r.entry.id))
        expect(ids.size).toBe(1)
        expect(results.filter(([r]) => r.created)).toHaveLength(1)
        expect(await service.listAffiliateCommissions({ idempotency_key: "race" })).toHaveLength(1)
      })

      // Raw inserts: the database must refuse what a caller going around the service writes.
      const insertEntry = (affiliateId: string, type: string, amount: number, key: string) =>
        sql(
          `INSERT INTO affiliate_commission (id, affiliate_id, type, amount, raw_amount, currency_code, idempotency_key)
           VALUES (?, ?, ?, ?, ?, 'usd', ?)`,
          [`afcom_raw_${key}`, affiliateId, type, amount, JSON.stringify({ value: String(amount), precision: 20 }), key]
        )

      it("a second entry with the same key is refused by the database", async () => {
        const a = await createAffiliate()
        await service.appendLedgerEntries([sale(a.id, "dup", 5)])
        await expectDatabaseRefusal(insertEntry(a.id, "sale", 5, "dup"), /IDX_affiliate_commission_idempotency_key/)
      })

      it("an entry whose sign contradicts its type is refused, by the service and the database", async () => {
        const a = await createAffiliate()
        const error = await service
          .appendLedgerEntries([{ ...sale(a.id, "neg"), amount: -1 }])
          .catch((e) => e)
        expect(error.type).toBe(MedusaError.Types.INVALID_DATA)
        expect(error.message).toMatch(/^amount:/)
        await expectDatabaseRefusal(insertEntry(a.id, "reversal", 3, "bad-reversal"), /CHK_affiliate_commission_sign/)
      })

      it("amounts are never edited and entries never deleted", async () => {
        const a = await createAffiliate()
        const [{ entry }] = await service.appendLedgerEntries([sale(a.id, "frozen", 10)])
        await expectDatabaseRefusal(sql(`UPDATE affiliate_commission SET amount = 20 WHERE id = ?`, [entry.id]), /append-only/)
        await expectDatabaseRefusal(
          sql(`UPDATE affiliate_commission SET rate = 50 WHERE id = ?`, [entry.id]),
          /append-only/
        )
        await expectDatabaseRefusal(sql(`DELETE FROM affiliate_commission WHERE id = ?`, [entry.id]), /append-only/)
        await expectDatabaseRefusal(
          sql(`UPDATE affiliate_commission SET deleted_at = now() WHERE id = ?`, [entry.id]),
          /append-only/
        )
        const [stored] = await service.listAffiliateCommissions({ id: entry.id })
        expect(stored.amount).toBe(10)
        expect(stored.rate).toBe(10)
      })

      it("the generated writes of entries and payouts refuse, naming the method to use", async () => {
        const a = await createAffiliate()
        const [{ entry }] = await service.appendLedgerEntries([sale(a.id, "generated", 10)])
        const s = service as any
        const attempts: [string, () => Promise<unknown>, RegExp][] = [
          ["createAffiliateCommissions", () => s.createAffiliateCommissions({ ...sale(a.id, "x") }), /appendLedgerEntries/],
          ["updateAffiliateCommissions", () => s.updateAffiliateCommissions({ id: entry.id, amount: 20 }), /settlePayout/],
          ["deleteAffiliateCommissions", () => s.deleteAffiliateCommissions([entry.id]), /append-only/],
          ["softDeleteAffiliateCommissions", () => s.softDeleteAffiliateCommissions([entry.id]), /append-only/],
          ["createAffiliatePayouts", () => s.createAffiliatePayouts({ affiliate_id: a.id, amount: 10, currency_code: "usd" }), /requestPayout/],
          ["updateAffiliatePayouts", () => s.updateAffiliatePayouts({ id: "x", status: "paid" }), /settlePayout/],
          ["deleteAffiliatePayouts", () => s.deleteAffiliatePayouts(["x"]), /settlePayout/],
        ]
        for (const [name, attempt, instead] of attempts) {
          const error = await attempt().catch((e) => e)
          expect({ name, type: error?.type }).toEqual({ name, type: MedusaError.Types.NOT_ALLOWED })
          expect(error.message).toMatch(instead)
        }
        const [stored] = await service.listAffiliateCommissions({ id: entry.id })
        expect(stored.amount).toBe(10)
        expect(await service.listAffiliatePayouts({ affiliate_id: a.id })).toHaveLength(0)
      })
    })

    describe("ledger entry status flow", () => {
      const future = () => new Date(Date.now() + 30 * 86_400_000)

      it("pending -> available -> requested -> paid, with payout and timestamps", async () => {
        const a = await createAffiliate()
        const [{ entry }] = await service.appendLedgerEntries([sale(a.id, "flow", 60)])

        expect(await service.releaseDueCommissions({ now: future() })).toEqual(expect.objectContaining({ released: 1 }))
        const [released] = await service.listAffiliateCommissions({ id: entry.id })
        expect(released.status).toBe("available")
        expect(released.released_at).toBeTruthy()

        const payout = await service.requestPayout({ affiliate_id: a.id, currency_code: "usd" })
        expect(payout).toEqual(expect.objectContaining({ status: "requested", amount: 60 }))
        const [requested] = await service.listAffiliateCommissions({ id: entry.id })
        expect(requested.status).toBe("requested")
        expect(requested.payout_id).toBe(payout.id)
        expect(requested.requested_at).toBeTruthy()

        await service.settlePayout({ id: payout.id, status: "paid", reference: "wire-1" })
        const [paid] = await service.listAffiliateCommissions({ id: entry.id })
        expect(paid.status).toBe("paid")
        expect(paid.paid_at).toBeTruthy()
      })

      it("a failed payout returns its entries to available", async () => {
        const a = await createAffiliate()
        const [{ entry }] = await service.appendLedgerEntries([{ ...sale(a.id, "fail", 60), status: "available" }])
        const payout = await service.requestPayout({ affiliate_id: a.id, currency_code: "usd" })
        await service.settlePayout({ id: payout.id, status: "failed", reason: "bounced" })
        const [back] = await service.listAffiliateCommissions({ id: entry.id })
        expect(back.status).toBe("available")
        expect(back.payout_id).toBeNull()
      })

      it("an illegal move is refused, by the service and the database", async () => {
        const a = await createAffiliate()
        const [one, two] = await service.appendLedgerEntries([
          sale(a.id, "one", 1),
          { ...sale(a.id, "two", 60), status: "available" },
        ])
        const payout = await service.requestPayout({ affiliate_id: a.id, currency_code: "usd" })
        await service.settlePayout({ id: payout.id, status: "paid", reference: "wire-2" })
        const error = await service.settlePayout({ id: payout.id, status: "failed" }).catch((e) => e)
        expect(error.type).toBe(MedusaError.Types.NOT_ALLOWED)
        const [stillPaid] = await service.listAffiliateCommissions({ id: two.entry.id })
        expect(stillPaid.status).toBe("paid")

        await expectDatabaseRefusal(
          sql(`UPDATE affiliate_commission SET status = 'pending' WHERE id = ?`, [two.entry.id]),
          /cannot move from paid to pending/
        )
        await expectDatabaseRefusal(
          sql(`UPDATE affiliate_commission SET status = 'requested' WHERE id = ?`, [one.entry.id]),
          /cannot move from pending to requested/
        )
        await expectDatabaseRefusal(
          sql(`UPDATE affiliate_commission SET status = 'available', payout_id = ? WHERE id = ?`, [payout.id, one.entry.id]),
          /CHK_affiliate_commission_payout_status/
        )
      })
    })

    describe("payouts", () => {
      const available = (affiliateId: string, key: string, amount: number, currency_code = "usd"): NewLedgerEntry => ({
        ...sale(affiliateId, key, amount),
        currency_code,
        status: "available",
      })

      it("a payout takes every available entry of one currency, net of clawbacks", async () => {
        const a = await createAffiliate()
        await service.appendLedgerEntries([
          available(a.id, "s1", 40),
          available(a.id, "s2", 30),
          { affiliate_id: a.id, type: "clawback", amount: -10, currency_code: "usd", idempotency_key: "c1" },
          available(a.id, "e1", 99, "eur"),
          sale(a.id, "held", 500),
        ])
        const payout = await service.requestPayout({ affiliate_id: a.id, currency_code: "USD" })
        expect(payout).toEqual(expect.objectContaining({ status: "requested", amount: 60, currency_code: "usd" }))
        const inPayout = await service.listAffiliateCommissions({ payout_id: payout.id })
        expect(inPayout.map((e) => e.idempotency_key).sort()).toEqual(["c1", "s1", "s2"])
        expect(await service.getBalances(a.id)).toEqual([
          { currency_code: "eur", pending: 0, available: 99, requested: 0, paid: 0 },
          { currency_code: "usd", pending: 500, available: 0, requested: 60, paid: 0 },
        ])
      })

      it("is refused below the program minimum or with nothing available, naming the currency", async () => {
        const a = await createAffiliate()
        const nothing = await service.requestPayout({ affiliate_id: a.id, currency_code: "usd" }).catch((e) => e)
        expect(nothing.type).toBe(MedusaError.Types.NOT_ALLOWED)
        expect(nothing.message).toMatch(/^currency_code: nothing is available/)
        await service.appendLedgerEntries([available(a.id, "small", 20)])
        const below = await service.requestPayout({ affiliate_id: a.id, currency_code: "usd" }).catch((e) => e)
        expect(below.message).toContain("below the program minimum of 50")
        expect(await service.listAffiliatePayouts()).toHaveLength(0)
      })

      it("ten concurrent requests make one payout and no entry is in two payouts", async () => {
        const a = await createAffiliate()
        await service.appendLedgerEntries(Array.from({ length: 6 }, (_, i) => available(a.id, `c${i}`, 25)))
        const results = await Promise.allSettled(
          Array.from({ length: 10 }, () => service.requestPayout({ affiliate_id: a.id, currency_code: "usd" }))
        )
        expect(results.filter((r) => r.status === "fulfilled")).toHaveLength(1)
        const [payout] = await service.listAffiliatePayouts()
        expect(payout.amount).toBe(150)
        const entries = await service.listAffiliateCommissions({ affiliate_id: a.id })
        expect(entries.every((e) => e.payout_id === payout.id && e.status === "requested")).toBe(true)
      })

      it("paid settles the entries; failed returns them to available; a settled payout stays settled", async () => {
        const a = await createAffiliate()
        await service.appendLedgerEntries([available(a.id, "p1", 60)])
        const first = await service.requestPayout({ affiliate_id: a.id, currency_code: "usd" })
        const failed = await service.settlePayout({ id: first.id, status: "failed", reason: "bounced" })
        expect(failed).toEqual(expect.objectContaining({ status: "failed", failure_reason: "bounced" }))
        expect((await service.getBalances(a.id))[0].available).toBe(60)

        const second = await service.requestPayout({ affiliate_id: a.id, currency_code: "usd" })
        const settled = await Promise.allSettled([
          service.settlePayout({ id: second.id, status: "paid", reference: "PP-1" }),
          service.settlePayout({ id: second.id, status: "paid", reference: "PP-2" }),
        ])
        expect(settled.filter((r) => r.status === "fulfilled")).toHaveLength(1)
        const paid = await service.retrieveAffiliatePayout(second.id)
        expect(paid.status).toBe("paid")
        expect(paid.paid_at).toBeTruthy()
        expect((await service.getBalances(a.id))[0]).toEqual(
          expect.objectContaining({ available: 0, requested: 0, paid: 60 })
        )
        const again = await service.settlePayout({ id: second.id, status: "failed" }).catch((e) => e)
        expect(again.type).toBe(MedusaError.Types.NOT_ALLOWED)
      })
    })

    describe("balances", () => {
      it("are derived per currency and status from the entries, exactly", async () => {
        const a = await createAffiliate()
        const b = await createAffiliate("BOB")
        await service.appendLedgerEntries([
          sale(a.id, "s1", "0.1"),
          sale(a.id, "s2", "0.2"),
          { ...sale(a.id, "s3", 5), status: "available" },
          {
            affiliate_id: a.id,
            type: "reversal",
            amount: "-0.1",
            currency_code: "usd",
            idempotency_key: "r1",
            status: "pending",
          },
          { ...sale(a.id, "e1", 7), currency_code: "EUR" },
          sale(b.id, "b1", 100),
        ])
        expect(await service.getBalances(a.id)).toEqual([
          { currency_code: "eur", pending: 7, available: 0, requested: 0, paid: 0 },
          { currency_code: "usd", pending: 0.2, available: 5, requested: 0, paid: 0 },
        ])
        expect(await service.getBalances("aff_nobody")).toEqual([])
        const many = await service.getBalancesByAffiliate([a.id, b.id])
        expect(many.get(b.id)).toEqual([
          { currency_code: "usd", pending: 100, available: 0, requested: 0, paid: 0 },
        ])
      })
    })

    describe("statements", () => {
      it("reconcile: opening + earned - reversed - clawed_back + adjustments - paid = closing", async () => {
        const a = await createAffiliate()
        const tick = () => new Promise((r) => setTimeout(r, 20))

        // Before the period: a sale that is paid inside it, and one still unpaid.
        await service.appendLedgerEntries([
          { ...sale(a.id, "before-paid", 60), status: "available" },
          sale(a.id, "before-open", 15),
        ])
        await tick()
        const from = new Date()
        await tick()

        // During the period: a payout, then every type of entry.
        const payout = await service.requestPayout({ affiliate_id: a.id, currency_code: "usd" })
        await service.settlePayout({ id: payout.id, status: "paid", reference: "wire-3" })
        await service.appendLedgerEntries([
          sale(a.id, "during-sale", 100),
          { affiliate_id: a.id, type: "reversal", amount: -30, currency_code: "usd", idempotency_key: "rev" },
          { affiliate_id: a.id, type: "clawback", amount: -5, currency_code: "usd", idempotency_key: "claw" },
          {
            affiliate_id: a.id,
            type: "adjustment",
            amount: -2.5,
            currency_code: "usd",
            idempotency_key: "adj",
            note: "goodwill correction",
          },
          { ...sale(a.id, "other-currency", 1000), currency_code: "eur" },
        ])
        await tick()
        const to = new Date()
        await tick()
        await service.appendLedgerEntries([sale(a.id, "after", 999)])

        const statement = await service.getStatement({ affiliate_id: a.id, currency_code: "USD", from, to })
        expect(statement).toEqual(
          expect.objectContaining({
            currency_code: "usd",
            opening: 75,
            earned: 100,
            reversed: 30,
            clawed_back: 5,
            adjustments: -2.5,
            paid: 60,
            closing: 77.5,
          })
        )
        const { opening, earned, reversed, clawed_back, adjustments, paid, closing } = statement
        expect(opening + earned - reversed - clawed_back + adjustments - paid).toBeCloseTo(closing, 10)
        expect(statement.entries.map((e) => e.idempotency_key).sort()).toEqual(["adj", "claw", "during-sale", "rev"])

        // The closing is the unpaid balance at the period end.
        const balances = await service.getBalances(a.id)
        const usd = balances.find((b) => b.currency_code === "usd")!
        expect(usd.pending + usd.available + usd.requested).toBe(closing + 999)
      })

      it("refuses an empty period", async () => {
        const now = new Date()
        const error = await service
          .getStatement({ affiliate_id: "aff_x", currency_code: "usd", from: now, to: now })
          .catch((e) => e)
        expect(error.message).toMatch(/^from:/)
      })
    })
  },
})
