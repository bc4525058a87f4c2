import { medusaIntegrationTestRunner } from "@medusajs/test-utils"
import { Modules } from "@medusajs/framework/utils"
import { createStep, createWorkflow } from "@medusajs/framework/workflows-sdk"
import { affiliateService, createAffiliate } from "../fixtures/affiliates"
import { adminHeaders } from "../fixtures/auth"
import { updateAffiliateProgramWorkflow } from "../../src/workflows/programs/workflows/update-program"
import { createAffiliateProgramWorkflow } from "../../src/workflows/programs/workflows/create-program"
import { expectError } from "../fixtures/http"
import { DEFAULT_RISK_RULES } from "../../src/modules/affiliate/domain/risk/rules"

jest.setTimeout(120_000)

const failAfterwardsStep = createStep("test-programs-fail-afterwards", async () => {
  throw new Error("a later step failed")
})
const failAfterCreate = createWorkflow("test-fail-after-create-program", (input: any) => {
  createAffiliateProgramWorkflow.runAsStep({ input })
  failAfterwardsStep()
})
const failAfterUpdate = createWorkflow("test-fail-after-update-program", (input: any) => {
  updateAffiliateProgramWorkflow.runAsStep({ input })
  failAfterwardsStep()
})

medusaIntegrationTestRunner({
  testSuite: ({ api, getContainer }) => {
    let headers: Record<string, string>
    const service = () => affiliateService(getContainer())
    /** Programs and their rules as stored, to prove a refused request wrote nothing. */
    const snapshot = async () =>
      JSON.stringify({
        programs: await service().listAffiliatePrograms({}, { order: { id: "ASC" }, withDeleted: true }),
        rules: await service().listAffiliateProgramRules({}, { order: { id: "ASC" }, withDeleted: true }),
      })
    const rulesOf = async (programId: string) =>
      (await service().listAffiliateProgramRules({ program_id: programId }, { order: { target_id: "ASC" } })).map((r) => ({
        target_type: r.target_type,
        target_id: r.target_id,
        commission_type: r.commission_type,
        commission_value: r.commission_value,
        excluded: r.excluded,
      }))
    const catalog = async () => {
      const products = getContainer().resolve(Modules.PRODUCT)
      const [shirt, mug] = await products.createProducts([{ title: "Shirt" }, { title: "Mug" }])
      const [summer] = await products.createProductCollections([{ title: "Summer" }])
      return { shirt, mug, summer }
    }

    beforeEach(async () => {
      headers = (await adminHeaders(getContainer())).headers
    })

    describe("GET /admin/affiliate-programs lists programs with their terms and rules", () => {
      it("lists the default program and others, paged, ordered and searched by name", async () => {
        await service().createAffiliatePrograms([
          { name: "VIP partners", commission_value: "12.5", min_payout_amount: 50 },
          { name: "Bloggers", commission_type: "flat", commission_value: 5, trailing_months: 6 },
        ] as any)
        const { data, status } = await api.get("/admin/affiliate-programs", { headers })
        expect(status).toBe(200)
        expect(data).toEqual({ affiliate_programs: expect.any(Array), count: 3, offset: 0, limit: 50 })
        const [first, vip, bloggers] = data.affiliate_programs
        expect(first).toEqual(expect.objectContaining({ is_default: true, commission_type: "percentage", commission_value: 10 }))
        expect(vip).toEqual(
          expect.objectContaining({
            id: expect.stringMatching(/^afprog_/),
            name: "VIP partners",
            is_default: false,
            commission_type: "percentage",
            commission_value: 12.5,
            hold_days: 30,
            cookie_days: 30,
            trailing_months: null,
            first_order_only: false,
            min_payout_amount: 50,
            auto_approve: false,
            rules: [],
          })
        )
        expect(bloggers).toEqual(expect.objectContaining({ commission_type: "flat", commission_value: 5, trailing_months: 6 }))
        expect(JSON.stringify(data)).not.toMatch(/raw_/)

        const names = async (params: string) =>
          (await api.get(`/admin/affiliate-programs?${params}`, { headers })).data.affiliate_programs.map((p: any) => p.name)
        expect(await names("q=vip")).toEqual(["VIP partners"])
        expect(await names("order=-name&limit=1")).toEqual(["VIP partners"])
        expect(await names("order=name&limit=1&offset=1")).toEqual(["Default program"])
        expect(await names("is_default=false&order=name")).toEqual(["Bloggers", "VIP partners"])
      })

      it("bad query parameters are refused naming the parameter", async () => {
        for (const [params, field] of [
          ["limit=-5", /limit/],
          ["order=commission_value", /order/],
          ["is_default=maybe", /is_default/],
          ["program=1", /program/],
        ] as [string, RegExp][]) {
          await expectError(api.get(`/admin/affiliate-programs?${params}`, { headers }), 400, field)
        }
      })
    })

    describe("POST /admin/affiliate-programs creates a program with its rules", () => {
      it("creates a program with every term and product and collection rules", async () => {
        const { shirt, mug, summer } = await catalog()
        const body = {
          name: "Creators",
          commission_type: "percentage",
          commission_value: "15.5",
          hold_days: 14,
          cookie_days: 60,
          trailing_months: 12,
          first_order_only: true,
          min_payout_amount: 25,
          auto_approve: true,
          metadata: { owner: "marketing" },
          rules: [
            { target_type: "product", target_id: shirt.id, commission_value: 20 },
            { target_type: "product", target_id: mug.id, excluded: true },
            { target_type: "collection", target_id: summer.id, commission_type: "flat", commission_value: "2.5" },
          ],
        }
        const { data, status } = await api.post("/admin/affiliate-programs", body, { headers })
        expect(status).toBe(200)
        expect(data.affiliate_program).toEqual(
          expect.objectContaining({
            id: expect.stringMatching(/^afprog_/),
            name: "Creators",
            is_default: false,
            commission_type: "percentage",
            commission_value: 15.5,
            hold_days: 14,
            cookie_days: 60,
            trailing_months: 12,
            first_order_only: true,
            min_payout_amount: 25,
            auto_approve: true,
            metadata: { owner: "marketing" },
          })
        )
        expect(data.affiliate_program.rules).toEqual(
          expect.arrayContaining([
            expect.objectContaining({ target_type: "product", target_id: shirt.id, commission_type: null, commission_value: 20, excluded: false }),
            expect.objectContaining({ target_type: "product", target_id: mug.id, excluded: true }),
            expect.objectContaining({ target_type: "collection", target_id: summer.id, commission_type: "flat", commission_value: 2.5 }),
          ])
        )
        expect(data.affiliate_program.rules).toHaveLength(3)
      })

      it("takes the model's defaults for terms not given; a flat amount may exceed 100", async () => {
        const { data } = await api.post("/admin/affiliate-programs", { name: "Flat", commission_type: "flat", commission_value: 150 }, { headers })
        expect(data.affiliate_program).toEqual(
          expect.objectContaining({ commission_value: 150, hold_days: 30, cookie_days: 30, trailing_months: null, min_payout_amount: 0, rules: [] })
        )
      })
    })

    describe("bad program input is refused naming the field, and nothing is written", () => {
      it("wrong types, ranges, lengths, read-only and unknown fields are 400", async () => {
        const { shirt } = await catalog()
        const valid = { name: "P", commission_value: 10 }
        const rule = { target_type: "product", target_id: shirt.id, commission_value: 5 }
        const cases: [Record<string, unknown>, RegExp][] = [
          [{ commission_value: 10 }, /name/],
          [{ name: "P" }, /commission_value/],
          [{ ...valid, name: "n".repeat(256) }, /name/],
          [{ ...valid, commission_type: "tiered" }, /commission_type/],
          [{ ...valid, commission_value: 101 }, /commission_value/],
          [{ ...valid, commission_value: -1 }, /commission_value/],
          [{ ...valid, commission_value: "lots" }, /commission_value/],
          [{ ...valid, hold_days: -1 }, /hold_days/],
          [{ ...valid, hold_days: 1.5 }, /hold_days/],
          [{ ...valid, hold_days: "30" }, /hold_days/],
          [{ ...valid, cookie_days: 100000 }, /cookie_days/],
          [{ ...valid, trailing_months: 0 }, /trailing_months/],
          [{ ...valid, first_order_only: "yes" }, /first_order_only/],
          [{ ...valid, min_payout_amount: -5 }, /min_payout_amount/],
          [{ ...valid, auto_approve: 1 }, /auto_approve/],
          [{ ...valid, is_default: true }, /is_default/],
          [{ ...valid, rate: 5 }, /rate/],
          [{ ...valid, rules: "none" }, /rules/],
          [{ ...valid, rules: [{ ...rule, target_type: "category" }] }, /rules\.0\.target_type: must be one of product, collection/],
          [{ ...valid, rules: [{ ...rule, commission_value: undefined }] }, /rules\.0\.commission_value/],
          [{ ...valid, rules: [{ ...rule, commission_value: 120 }] }, /rules\.0\.commission_value/],
          [{ ...valid, rules: [rule, { ...rule, commission_value: 7 }] }, /rules\.1\.target_id/],
          [{ ...valid, rules: [{ ...rule, colour: "red" }] }, /colour/],
          [{ ...valid, rules: [{ ...rule, target_id: "t".repeat(65) }] }, /target_id/],
        ]
        const before = await snapshot()
        for (const [body, field] of cases) {
          await expectError(api.post("/admin/affiliate-programs", body, { headers }), 400, field)
        }
        expect(await snapshot()).toBe(before)
      })

      it("unknown rule targets are 404 naming them", async () => {
        const before = await snapshot()
        await expectError(
          api.post(
            "/admin/affiliate-programs",
            { name: "P", commission_value: 10, rules: [{ target_type: "collection", target_id: "pcol_nope", excluded: true }] },
            { headers }
          ),
          404,
          /rules: collection not found: pcol_nope/
        )
        expect(await snapshot()).toBe(before)
      })

      it("a failure after the creation removes the program and its rules", async () => {
        const { shirt } = await catalog()
        const before = await snapshot()
        const { errors } = await failAfterCreate(getContainer()).run({
          input: { name: "Ghost", commission_value: "10", rules: [{ target_type: "product", target_id: shirt.id, excluded: true }] },
          throwOnError: false,
        })
        expect(errors).toHaveLength(1)
        expect(await snapshot()).toBe(before)
      })
    })

    describe("POST /admin/affiliate-programs/:id updates terms; rules, when given, replaces the set", () => {
      it("updates terms and keeps the rules when none are given", async () => {
        const { shirt } = await catalog()
        const program = await service().createAffiliatePrograms({ name: "P", commission_value: 10 } as any)
        await service().createAffiliateProgramRules({ program_id: program.id, target_type: "product", target_id: shirt.id, commission_value: 20 } as any)
        const { data } = await api.post(
          `/admin/affiliate-programs/${program.id}`,
          { name: "P2", commission_value: 12, hold_days: 0, trailing_months: null, auto_approve: true },
          { headers }
        )
        expect(data.affiliate_program).toEqual(
          expect.objectContaining({ name: "P2", commission_value: 12, hold_days: 0, trailing_months: null, auto_approve: true })
        )
        expect(data.affiliate_program.rules).toEqual([expect.objectContaining({ target_id: shirt.id, commission_value: 20 })])
      })

      it("rules replaces the whole set; an empty set clears it", async () => {
        const { shirt, mug, summer } = await catalog()
        const program = await service().createAffiliatePrograms({ name: "P", commission_value: 10 } as any)
        await service().createAffiliateProgramRules([
          { program_id: program.id, target_type: "product", target_id: shirt.id, commission_value: 20 },
          { program_id: program.id, target_type: "product", target_id: mug.id, excluded: true },
        ] as any)

        const { data } = await api.post(
          `/admin/affiliate-programs/${program.id}`,
          {
            rules: [
              { target_type: "product", target_id: shirt.id, commission_value: 25 },
              { target_type: "collection", target_id: summer.id, excluded: true },
            ],
          },
          { headers }
        )
        expect(data.affiliate_program.rules).toHaveLength(2)
        expect(await rulesOf(program.id)).toEqual([
          { target_type: "collection", target_id: summer.id, commission_type: null, commission_value: null, excluded: true },
          { target_type: "product", target_id: shirt.id, commission_type: null, commission_value: 25, excluded: false },
        ].sort((a, b) => a.target_id.localeCompare(b.target_id)))

        const cleared = await api.post(`/admin/affiliate-programs/${program.id}`, { rules: [] }, { headers })
        expect(cleared.data.affiliate_program.rules).toEqual([])
        expect(await rulesOf(program.id)).toEqual([])
      })

      it("the default program's terms can change, but is_default is read-only", async () => {
        const defaultProgram = await service().retrieveDefaultProgram()
        const { data } = await api.post(`/admin/affiliate-programs/${defaultProgram.id}`, { commission_value: 8 }, { headers })
        expect(data.affiliate_program).toEqual(expect.objectContaining({ is_default: true, commission_value: 8 }))
        const other = await service().createAffiliatePrograms({ name: "Other", commission_value: 10 } as any)
        await expectError(api.post(`/admin/affiliate-programs/${other.id}`, { is_default: true }, { headers }), 400, /is_default/)
        expect((await service().retrieveDefaultProgram()).id).toBe(defaultProgram.id)
      })

      it("a percentage above 100 is refused however it comes about, changing nothing", async () => {
        const { shirt } = await catalog()
        const flat = await service().createAffiliatePrograms({ name: "Flat", commission_type: "flat", commission_value: 150 } as any)
        const withRule = await service().createAffiliatePrograms({ name: "Ruled", commission_type: "flat", commission_value: 5 } as any)
        await service().createAffiliateProgramRules({ program_id: withRule.id, target_type: "product", target_id: shirt.id, commission_value: 300 } as any)
        const before = await snapshot()
        await expectError(api.post(`/admin/affiliate-programs/${flat.id}`, { commission_type: "percentage" }, { headers }), 400, /commission_value/)
        await expectError(
          api.post(`/admin/affiliate-programs/${withRule.id}`, { commission_type: "percentage", commission_value: 10 }, { headers }),
          400,
          /commission_type: the rule for product/
        )
        await expectError(
          api.post(
            `/admin/affiliate-programs/${withRule.id}`,
            { rules: [{ target_type: "product", target_id: shirt.id, commission_type: "percentage", commission_value: 101 }] },
            { headers }
          ),
          400,
          /rules\.0\.commission_value/
        )
        expect(await snapshot()).toBe(before)
        // Replacing the rule at the same time makes the switch valid.
        const { data } = await api.post(
          `/admin/affiliate-programs/${withRule.id}`,
          { commission_type: "percentage", commission_value: 10, rules: [{ target_type: "product", target_id: shirt.id, commission_value: 30 }] },
          { headers }
        )
        expect(data.affiliate_program).toEqual(expect.objectContaining({ commission_type: "percentage", commission_value: 10 }))
      })

      it("bad fields and unknown ids are refused naming them, changing nothing", async () => {
        const program = await service().createAffiliatePrograms({ name: "P", commission_value: 10 } as any)
        const before = await snapshot()
        for (const [body, status, field] of [
          [{ name: "" }, 400, /name/],
          [{ hold_days: null }, 400, /hold_days/],
          [{ cookie_days: -3 }, 400, /cookie_days/],
          [{ rules: [{ target_type: "product", target_id: "prod_nope", excluded: true }] }, 404, /prod_nope/],
          [{ unknown: 1 }, 400, /unknown/],
        ] as [Record<string, unknown>, number, RegExp][]) {
          await expectError(api.post(`/admin/affiliate-programs/${program.id}`, body, { headers }), status, field)
        }
        await expectError(api.post("/admin/affiliate-programs/afprog_nope", { name: "X" }, { headers }), 404, /afprog_nope/)
        await expectError(api.get("/admin/affiliate-programs/afprog_nope", { headers }), 404, /afprog_nope/)
        expect(await snapshot()).toBe(before)
      })

      it("a failure after the update puts the old terms and rules back", async () => {
        const { shirt, mug } = await catalog()
        const program = await service().createAffiliatePrograms({ name: "P", commission_value: 10, metadata: { a: 1 } } as any)
        await service().createAffiliateProgramRules({ program_id: program.id, target_type: "product", target_id: shirt.id, commission_value: 20 } as any)
        const rulesBefore = await rulesOf(program.id)
        const { errors } = await failAfterUpdate(getContainer()).run({
          input: {
            id: program.id,
            name: "Changed",
            commission_value: "50",
            metadata: { a: 2, b: 3 },
            rules: [{ target_type: "product", target_id: mug.id, excluded: true }],
          },
          throwOnError: false,
        })
        expect(errors).toHaveLength(1)
        expect(await service().retrieveAffiliateProgram(program.id)).toEqual(
          expect.objectContaining({ name: "P", commission_value: 10, metadata: { a: 1 } })
        )
        expect(await rulesOf(program.id)).toEqual(rulesBefore)
      })
    })

    describe("risk_rules: a program's fraud rules, stored as changed and shown in full", () => {
      it("shows the defaults until set; a part given replaces what was set; null puts the defaults back", async () => {
        const { data: created } = await api.post("/admin/affiliate-programs", { name: "Coupon sites", commission_value: 10 }, { headers })
        const id = created.affiliate_program.id
        expect(created.affiliate_program.risk_rules).toEqual(DEFAULT_RISK_RULES)

        const { data: updated } = await api.post(
          `/admin/affiliate-programs/${id}`,
          {
            risk_rules: {
              review_on: ["visitor_match"],
              code_binding: "no_credit",
              velocity: { factor: 4 },
              holds: { new_affiliate: { first_orders: 5, hold_days: 60 }, order_over: [{ currency_code: "USD", amount: 500, hold_days: 45 }] },
            },
          },
          { headers }
        )
        const expected = {
          ...DEFAULT_RISK_RULES,
          review_on: ["visitor_match"],
          code_binding: "no_credit",
          velocity: { ...DEFAULT_RISK_RULES.velocity, factor: 4 },
          holds: { ...DEFAULT_RISK_RULES.holds, new_affiliate: { first_orders: 5, hold_days: 60 }, order_over: [{ currency_code: "usd", amount: "500", hold_days: 45 }] },
        }
        expect(updated.affiliate_program.risk_rules).toEqual(expected)
        const { data: listed } = await api.get(`/admin/affiliate-programs?q=Coupon`, { headers })
        expect(listed.affiliate_programs[0].risk_rules).toEqual(expected)
        // Only what the admin changed is stored: later defaults reach the rest.
        expect((await service().retrieveAffiliateProgram(id)).risk_rules).toEqual({
          review_on: ["visitor_match"],
          code_binding: "no_credit",
          velocity: { factor: 4 },
          holds: { new_affiliate: { first_orders: 5, hold_days: 60 }, order_over: [{ currency_code: "usd", amount: "500", hold_days: 45 }] },
        })

        const { data: replaced } = await api.post(`/admin/affiliate-programs/${id}`, { risk_rules: { email_same_domain: true } }, { headers })
        expect(replaced.affiliate_program.risk_rules).toEqual({ ...DEFAULT_RISK_RULES, email_same_domain: true })
        const { data: reset } = await api.post(`/admin/affiliate-programs/${id}`, { risk_rules: null }, { headers })
        expect(reset.affiliate_program.risk_rules).toEqual(DEFAULT_RISK_RULES)
      })

      it("an unknown rule, a negative threshold or a percent over 100 is a 400 naming the field, changing nothing", async () => {
        const program = await service().createAffiliatePrograms({ name: "P", commission_value: 10, risk_rules: { review_on: ["velocity"] } } as any)
        const before = await snapshot()
        for (const [risk_rules, field] of [
          [{ ip_match: true }, /risk_rules: unknown field ip_match/],
          [{ review_on: ["ip_match"] }, /risk_rules\.review_on: must be one of/],
          [{ velocity: { min_orders: -2 } }, /risk_rules\.velocity\.min_orders: must be at least 1/],
          [{ refund_rate: { max_percent: 150 } }, /risk_rules\.refund_rate\.max_percent: must be at most 100/],
          [{ holds: { new_affiliate: { hold_days: 30 } } }, /risk_rules\.holds\.new_affiliate\.first_orders/],
          [{ holds: { order_over: [{ currency_code: "usd", amount: "-1", hold_days: 30 }] } }, /risk_rules\.holds\.order_over\.0\.amount/],
        ] as [Record<string, unknown>, RegExp][]) {
          await expectError(api.post(`/admin/affiliate-programs/${program.id}`, { risk_rules }, { headers }), 400, field)
          await expectError(api.post("/admin/affiliate-programs", { name: "Q", commission_value: 5, risk_rules }, { headers }), 400, field)
        }
        expect(await snapshot()).toBe(before)
      })
    })

    describe("DELETE /admin/affiliate-programs/:id: never the default program, never one with affiliates", () => {
      it("soft-deletes a program without affiliates, with its rules", async () => {
        const { shirt } = await catalog()
        const program = await service().createAffiliatePrograms({ name: "Old", commission_value: 10 } as any)
        await service().createAffiliateProgramRules({ program_id: program.id, target_type: "product", target_id: shirt.id, excluded: true } as any)
        const { data, status } = await api.delete(`/admin/affiliate-programs/${program.id}`, { headers })
        expect(status).toBe(200)
        expect(data).toEqual({ id: program.id, object: "affiliate_program", deleted: true })
        expect(await service().listAffiliatePrograms({ id: program.id })).toHaveLength(0)
        expect(await service().listAffiliateProgramRules({ program_id: program.id })).toHaveLength(0)
        await expectError(api.get(`/admin/affiliate-programs/${program.id}`, { headers }), 404)
        await expectError(api.delete(`/admin/affiliate-programs/${program.id}`, { headers }), 404)
      })

      it("the default program cannot be deleted", async () => {
        const defaultProgram = await service().retrieveDefaultProgram()
        await expectError(api.delete(`/admin/affiliate-programs/${defaultProgram.id}`, { headers }), 400, /default/)
        expect((await service().retrieveDefaultProgram()).id).toBe(defaultProgram.id)
      })

      it("a program with affiliates cannot be deleted, naming it; once they are gone it can", async () => {
        const program = await service().createAffiliatePrograms({ name: "Busy", commission_value: 10 } as any)
        const alice = await createAffiliate(getContainer(), "ALICE", { program_id: program.id })
        await expectError(api.delete(`/admin/affiliate-programs/${program.id}`, { headers }), 400, /"Busy".*1 affiliate/)
        expect(await service().listAffiliatePrograms({ id: program.id })).toHaveLength(1)
        await service().softDeleteAffiliates([alice.id])
        await api.delete(`/admin/affiliate-programs/${program.id}`, { headers })
        expect(await service().listAffiliatePrograms({ id: program.id })).toHaveLength(0)
      })
    })

    describe("admin program routes need an admin", () => {
      it("anonymous requests are 401 and change nothing", async () => {
        const program = await service().createAffiliatePrograms({ name: "P", commission_value: 10 } as any)
        const before = await snapshot()
        for (const request of [
          () => api.get("/admin/affiliate-programs"),
          () => api.post("/admin/affiliate-programs", { name: "Anon", commission_value: 10 }),
          () => api.get(`/admin/affiliate-programs/${program.id}`),
          () => api.post(`/admin/affiliate-programs/${program.id}`, { name: "Anon" }),
          () => api.delete(`/admin/affiliate-programs/${program.id}`),
        ]) {
          await expectError(request(), 401)
        }
        expect(await snapshot()).toBe(before)
      })
    })
  },
})
