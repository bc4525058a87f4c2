import { medusaIntegrationTestRunner } from "@medusajs/test-utils"
import { createAffiliate, linkPromotion } from "../fixtures/affiliates"
import { adminHeaders, customerHeaders } from "../fixtures/auth"
import { expectError } from "../fixtures/http"
import { createPromotion, seedStore, TestStore } from "../fixtures/store"

jest.setTimeout(120_000)

const PROGRAMS = "/admin/affiliate-programs"
const REFERRAL_CODE = "/store/customers/me/referral-code"

// The app of this suite has no loyalty plugin (store-credit-payouts.spec.ts has it).
medusaIntegrationTestRunner({
  testSuite: ({ api, getContainer }) => {
    const c = () => getContainer()
    let store: TestStore
    let admin: Record<string, string>

    beforeEach(async () => {
      store = await seedStore(c())
      admin = (await adminHeaders(c())).headers
    })

    it("any customer gets a personal code once, active at once; an affiliate keeps the code they have", async () => {
      const customer = await customerHeaders(c(), store.publishableKey, "noor@friends.test")
      await expectError(api.post(REFERRAL_CODE, {}, { headers: customer.headers }), 404, /no customer referral program/)
      await expectError(api.post(REFERRAL_CODE, {}, { headers: { "x-publishable-api-key": store.publishableKey } }), 401)

      const { data } = await api.post(PROGRAMS, { name: "Refer a friend", kind: "customer", commission_type: "flat", commission_value: 5 }, { headers: admin })
      const first = await api.post(REFERRAL_CODE, { code: "noor-friends" }, { headers: customer.headers })
      expect(first.status).toBe(201)
      expect(first.data.affiliate).toEqual(
        expect.objectContaining({ code: "NOOR-FRIENDS", status: "active", program_id: data.affiliate_program.id, program: expect.objectContaining({ kind: "customer", payout_method: "manual" }) })
      )
      const again = await api.post(REFERRAL_CODE, {}, { headers: customer.headers })
      expect([again.status, again.data.affiliate.id]).toEqual([200, first.data.affiliate.id])
      await expectError(api.post(REFERRAL_CODE, { code: "x" }, { headers: customer.headers }), 400, /code/)

      // A customer who is an affiliate of an affiliate program already has their code.
      const partner = await customerHeaders(c(), store.publishableKey, "pat@partners.test")
      const affiliate = await createAffiliate(c(), "PAT", { customer_id: partner.customer.id })
      const own = await api.post(REFERRAL_CODE, {}, { headers: partner.headers })
      expect([own.status, own.data.affiliate.id, own.data.affiliate.program.kind]).toEqual([200, affiliate.id, "affiliate"])
    })

    it("program rules: store credit needs the loyalty plugin, one customer program, not the default, a link discount of no affiliate", async () => {
      await expectError(
        api.post(PROGRAMS, { name: "Credit", commission_value: 5, payout_method: "store_credit" }, { headers: admin }),
        400,
        /payout_method: paying in store credit needs @medusajs\/loyalty-plugin/
      )
      await expectError(api.post(PROGRAMS, { name: "Wire", commission_value: 5, payout_method: "wire" }, { headers: admin }), 400, /payout_method/)
      await expectError(api.post(PROGRAMS, { name: "Kind", commission_value: 5, kind: "partner" }, { headers: admin }), 400, /kind/)

      const { data: first } = await api.post(PROGRAMS, { name: "Friends", commission_value: 5, kind: "customer" }, { headers: admin })
      await expectError(api.post(PROGRAMS, { name: "More friends", commission_value: 5, kind: "customer" }, { headers: admin }), 400, /kind: Friends .* is the store's customer referral program already/)
      const { data: list } = await api.get(`${PROGRAMS}?limit=50`, { headers: admin })
      const fallback = list.affiliate_programs.find((p: any) => p.is_default)
      await expectError(api.post(`${PROGRAMS}/${fallback.id}`, { kind: "customer" }, { headers: admin }), 400, /kind: the default program/)
      // Saving the customer program as it is stays allowed.
      expect((await api.post(`${PROGRAMS}/${first.affiliate_program.id}`, { kind: "customer", name: "Friends & family" }, { headers: admin })).status).toBe(200)

      const owned = await createPromotion(c(), "ALICE10")
      await linkPromotion(c(), (await createAffiliate(c(), "ALICE")).id, owned.id)
      await expectError(api.post(`${PROGRAMS}/${first.affiliate_program.id}`, { link_promotion_id: owned.id }, { headers: admin }), 400, /link_promotion_id: ALICE10 belongs to affiliate ALICE/)
      await expectError(api.post(`${PROGRAMS}/${first.affiliate_program.id}`, { link_promotion_id: "promo_nope" }, { headers: admin }), 404, /link_promotion_id: promotion not found/)
      const welcome = await createPromotion(c(), "WELCOME10")
      const { data: set } = await api.post(`${PROGRAMS}/${first.affiliate_program.id}`, { link_promotion_id: welcome.id }, { headers: admin })
      expect(set.affiliate_program.link_promotion_id).toBe(welcome.id)
    })
  },
})
