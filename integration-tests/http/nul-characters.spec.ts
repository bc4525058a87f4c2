import { medusaIntegrationTestRunner } from "@medusajs/test-utils"
import { createCartWorkflow } from "@medusajs/medusa/core-flows"
import { affiliateService, createAffiliate } from "../fixtures/affiliates"
import { adminHeaders } from "../fixtures/auth"
import { expectError } from "../fixtures/http"
import { createCustomer, seedStore, TestStore } from "../fixtures/store"

jest.setTimeout(120_000)

const NUL = "a\u0000b"

/**
 * PostgreSQL cannot store a NUL character in text: a string holding one, in any field of
 * any of the plugin's routes, is a 400 naming the field, and nothing is written.
 */
medusaIntegrationTestRunner({
  testSuite: ({ api, getContainer, dbConnection }) => {
    const c = () => getContainer()
    let store: TestStore
    let storeHeaders: Record<string, string>
    let admin: Record<string, string>
    let aliceId: string
    const rows = async () => {
      const counts = await Promise.all(
        ["affiliate", "affiliate_click", "affiliate_program", "affiliate_attribution"].map(
          async (table) => (await dbConnection.raw(`SELECT count(*)::int AS n FROM ${table}`)).rows[0].n
        )
      )
      return counts.join(",")
    }

    beforeEach(async () => {
      store = await seedStore(c())
      storeHeaders = { "x-publishable-api-key": store.publishableKey }
      admin = (await adminHeaders(c())).headers
      aliceId = (await createAffiliate(c(), "ALICE")).id
    })

    it("clicks: every field, and the code in the path", async () => {
      const before = await rows()
      for (const field of ["session_id", "sub_id", "landing_url", "referrer"]) {
        await expectError(
          api.post("/store/affiliates/ALICE/clicks", { [field]: NUL }, { headers: storeHeaders }),
          400,
          new RegExp(`^${field}: must not contain a NUL character$`)
        )
      }
      await expectError(api.post("/store/affiliates/AL%00ICE/clicks", {}, { headers: storeHeaders }), 400, /^code: /)
      expect(await rows()).toBe(before)
    })

    it("the cart referral's click_id and code", async () => {
      const { result: cart } = await createCartWorkflow(c()).run({
        input: { region_id: store.region.id, sales_channel_id: store.salesChannel.id, currency_code: "usd" },
      })
      for (const field of ["click_id", "code"]) {
        await expectError(
          api.post(`/store/carts/${cart.id}/affiliate`, { [field]: NUL }, { headers: storeHeaders }),
          400,
          new RegExp(`^${field}: must not contain a NUL character$`)
        )
      }
    })

    it("admin: an affiliate's name and program_id, a program's name, a reassignment's affiliate_id, a query", async () => {
      const before = await rows()
      await expectError(
        api.post("/admin/affiliates", { code: "BOB", name: NUL, email: "bob@affiliates.test" }, { headers: admin }),
        400,
        /^name: must not contain a NUL character$/
      )
      await expectError(api.post(`/admin/affiliates/${aliceId}`, { program_id: NUL }, { headers: admin }), 400, /^program_id: /)
      await expectError(
        api.post("/admin/affiliate-programs", { name: NUL, commission_value: 5 }, { headers: admin }),
        400,
        /^name: must not contain a NUL character$/
      )
      const customer = await createCustomer(c(), "nul@shop.test")
      await expectError(
        api.post(`/admin/customers/${customer.id}/affiliate`, { affiliate_id: NUL }, { headers: admin }),
        400,
        /^affiliate_id: /
      )
      await expectError(api.get(`/admin/affiliates?q=${encodeURIComponent(NUL)}`, { headers: admin }), 400, /^q: /)
      expect(await rows()).toBe(before)
      expect((await affiliateService(c()).retrieveAffiliate(aliceId)).program_id).not.toBe(NUL)
    })
  },
})
