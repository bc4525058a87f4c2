import { medusaIntegrationTestRunner } from "@medusajs/test-utils"
import { ContainerRegistrationKeys } from "@medusajs/framework/utils"
import { affiliateService, createAffiliate } from "../fixtures/affiliates"
import { adminHeaders } from "../fixtures/auth"
import { expectError } from "../fixtures/http"
import { seedStore } from "../fixtures/store"

jest.setTimeout(120_000)

/**
 * What PostgreSQL raises from the module's own SQL reaches HTTP clients as a 4xx with a
 * message, or is retried where retrying is the answer. Each class of error is provoked for
 * real: constraints and triggers added by the test, a row lock held by the test.
 */
medusaIntegrationTestRunner({
  testSuite: ({ api, getContainer, dbConnection }) => {
    const c = () => getContainer()
    const service = () => affiliateService(c())
    const count = async (table: string) => Number((await dbConnection.raw(`SELECT count(*) AS n FROM ${table}`)).rows[0].n)

    /** Runs `body` with extra SQL in place, removed afterwards whatever happens. */
    const withSql = async (setup: string[], teardown: string[], body: () => Promise<void>) => {
      for (const statement of setup) {
        await dbConnection.raw(statement)
      }
      try {
        await body()
      } finally {
        for (const statement of teardown) {
          await dbConnection.raw(statement)
        }
      }
    }

    describe("the click route (raw INSERT)", () => {
      let store: Awaited<ReturnType<typeof seedStore>>
      beforeEach(async () => {
        store = await seedStore(c())
        await createAffiliate(c(), "ALICE")
      })
      const click = (body: Record<string, unknown>) =>
        api.post("/store/affiliates/ALICE/clicks", body, { headers: { "x-publishable-api-key": store.publishableKey } })

      it("a unique violation is a 400 naming the key, and writes nothing", async () => {
        await withSql(
          [`CREATE UNIQUE INDEX test_click_landing_unique ON affiliate_click (landing_url)`],
          [`DROP INDEX test_click_landing_unique`],
          async () => {
            expect((await click({ session_id: "s1", landing_url: "https://shop.test/a" })).status).toBe(201)
            await expectError(
              click({ session_id: "s2", landing_url: "https://shop.test/a" }),
              400,
              /^Affiliate click with landing_url: https:\/\/shop\.test\/a, already exists\.$/
            )
            expect(await count("affiliate_click")).toBe(1)
          }
        )
      })

      it("a CHECK violation is a 400 naming the rule, and writes nothing", async () => {
        await withSql(
          [`ALTER TABLE affiliate_click ADD CONSTRAINT chk_test_sub_id CHECK (sub_id IS DISTINCT FROM 'forbidden')`],
          [`ALTER TABLE affiliate_click DROP CONSTRAINT chk_test_sub_id`],
          async () => {
            await expectError(click({ session_id: "s1", sub_id: "forbidden" }), 400, /chk_test_sub_id/)
            expect(await count("affiliate_click")).toBe(0)
          }
        )
      })
    })

    describe("payouts (locks, the ledger trigger, retries)", () => {
      let headers: Record<string, string>
      let aliceId: string
      beforeEach(async () => {
        headers = (await adminHeaders(c())).headers
        aliceId = (await createAffiliate(c(), "ALICE")).id
        await service().appendLedgerEntries([
          {
            affiliate_id: aliceId,
            type: "sale",
            amount: "12.5",
            currency_code: "usd",
            status: "available",
            idempotency_key: "sale:order_1",
            order_id: "order_1",
          },
        ])
      })
      const requestPayouts = () => api.post("/admin/affiliate-payouts", { currency_code: "usd" }, { headers })
      const entryStatuses = async () =>
        (await service().listAffiliateCommissions({ affiliate_id: aliceId })).map((e) => e.status)

      it("the append-only trigger's refusal is a 400 with its message, and the payout stays requested", async () => {
        const { data } = await requestPayouts()
        const [payout] = data.affiliate_payouts
        // Something in the store's database edits entry amounts when a payout is paid.
        await withSql(
          [
            `CREATE FUNCTION test_edit_amounts() RETURNS trigger LANGUAGE plpgsql AS $$
             BEGIN UPDATE affiliate_commission SET amount = amount + 1 WHERE payout_id = NEW.id; RETURN NEW; END $$`,
            `CREATE TRIGGER test_edit_amounts AFTER UPDATE ON affiliate_payout FOR EACH ROW EXECUTE FUNCTION test_edit_amounts()`,
          ],
          [`DROP TRIGGER test_edit_amounts ON affiliate_payout`, `DROP FUNCTION test_edit_amounts()`],
          async () => {
            await expectError(
              api.post(`/admin/affiliate-payouts/${payout.id}/paid`, { reference: "wire-1" }, { headers }),
              400,
              /append-only/
            )
          }
        )
        expect((await service().retrieveAffiliatePayout(payout.id)).status).toBe("requested")
        expect(await entryStatuses()).toEqual(["requested"])
      })

      it("a payout request waiting on a row lock past the timeout is a 409, and changes nothing", async () => {
        const db = c().resolve(ContainerRegistrationKeys.PG_CONNECTION)
        let release!: () => void
        const released = new Promise<void>((resolve) => (release = resolve))
        let locked!: () => void
        const isLocked = new Promise<void>((resolve) => (locked = resolve))
        // Another transaction holds ALICE's row (as a stuck request would) until released.
        const holder = db.transaction(async (trx: any) => {
          await trx.raw(`SELECT id FROM affiliate WHERE id = ? FOR UPDATE`, [aliceId])
          locked()
          await released
        })
        await isLocked
        try {
          // Medusa answers every CONFLICT with its own message: retry.
          await expectError(requestPayouts(), 409, /retry/)
        } finally {
          release()
          await holder
        }
        expect(await count("affiliate_payout")).toBe(0)
        expect(await entryStatuses()).toEqual(["available"])

        const { data } = await requestPayouts()
        expect(data.affiliate_payouts).toEqual([expect.objectContaining({ amount: 12.5, status: "requested" })])
      })

      const failPayoutInsert = (times: "once" | "always") => [
        `CREATE SEQUENCE test_fail_payout`,
        `CREATE FUNCTION test_fail_payout() RETURNS trigger LANGUAGE plpgsql AS $$
         BEGIN
           -- nextval is not rolled back with the failed transaction: "once" fails the first try only.
           IF nextval('test_fail_payout') ${times === "once" ? "= 1" : "> 0"} THEN
             RAISE EXCEPTION 'could not serialize access (injected)' USING ERRCODE = '40001';
           END IF;
           RETURN NEW;
         END $$`,
        `CREATE TRIGGER test_fail_payout BEFORE INSERT ON affiliate_payout FOR EACH ROW EXECUTE FUNCTION test_fail_payout()`,
      ]
      const dropFailPayoutInsert = [
        `DROP TRIGGER test_fail_payout ON affiliate_payout`,
        `DROP FUNCTION test_fail_payout()`,
        `DROP SEQUENCE test_fail_payout`,
      ]
      const attempts = async () => Number((await dbConnection.raw(`SELECT last_value FROM test_fail_payout`)).rows[0].last_value)

      it("a serialization failure is retried: the request succeeds, exactly once", async () => {
        await withSql(failPayoutInsert("once"), dropFailPayoutInsert, async () => {
          const { status, data } = await requestPayouts()
          expect(status).toBe(200)
          expect(data.affiliate_payouts).toHaveLength(1)
          expect(await attempts()).toBe(2)
        })
        expect(await count("affiliate_payout")).toBe(1)
        expect(await entryStatuses()).toEqual(["requested"])
      })

      it("a serialization failure on every try is a 409, and changes nothing", async () => {
        await withSql(failPayoutInsert("always"), dropFailPayoutInsert, async () => {
          await expectError(requestPayouts(), 409, /retry/)
          expect(await attempts()).toBe(3)
        })
        expect(await count("affiliate_payout")).toBe(0)
        expect(await entryStatuses()).toEqual(["available"])
      })
    })
  },
})
