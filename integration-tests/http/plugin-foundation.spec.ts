import { medusaIntegrationTestRunner } from "@medusajs/test-utils"
import { ContainerRegistrationKeys, Modules } from "@medusajs/framework/utils"
import {
  createCustomersWorkflow,
  createOrderWorkflow,
  createRegionsWorkflow,
} from "@medusajs/medusa/core-flows"
import { AFFILIATE_MODULE } from "../../src/modules/affiliate"
import type AffiliateModuleService from "../../src/modules/affiliate/service"
import { createPromotion } from "../fixtures/store"

jest.setTimeout(120_000)

// Boots Medusa with the plugin (src/ as the app's source, medusa-config.ts at the root),
// which runs every core migration and the plugin's migration files, then syncs links.
medusaIntegrationTestRunner({
  testSuite: ({ api, getContainer, dbConnection }) => {
    const affiliates = () => getContainer().resolve<AffiliateModuleService>(AFFILIATE_MODULE)
    const query = () => getContainer().resolve(ContainerRegistrationKeys.QUERY)

    const createAffiliate = async (code: string, extra: Record<string, unknown> = {}) =>
      (await affiliates().createAffiliates({
        code,
        name: code,
        email: `${code.toLowerCase()}@example.com`,
        ...extra,
      } as any)) as any

    const createOrder = async (customerId: string) => {
      const { result: regions } = await createRegionsWorkflow(getContainer()).run({
        input: { regions: [{ name: "US", currency_code: "usd", countries: ["us"] }] },
      })
      const { result: order } = await createOrderWorkflow(getContainer()).run({
        input: {
          region_id: regions[0].id,
          customer_id: customerId,
          email: "buyer@example.com",
          currency_code: "usd",
          items: [{ title: "Shirt", quantity: 1, unit_price: 100 }],
        },
      })
      return order
    }

    describe("the plugin in a booted Medusa app", () => {
      it("serves /health", async () => {
        const response = await api.get("/health")
        expect(response.status).toBe(200)
      })

      it("migrated the module from its migration files, trigger included", async () => {
        const tables = await dbConnection.raw(
          `SELECT table_name FROM information_schema.tables
           WHERE table_schema = 'public' AND table_name LIKE 'affiliate%' ORDER BY table_name`
        )
        expect(tables.rows.map((r: { table_name: string }) => r.table_name)).toEqual(
          expect.arrayContaining([
            "affiliate",
            "affiliate_attribution",
            "affiliate_click",
            "affiliate_commission",
            "affiliate_order_attribution",
            "affiliate_payout",
            "affiliate_program",
            "affiliate_program_rule",
          ])
        )
        const migrations = await dbConnection.raw(`SELECT name FROM mikro_orm_migrations WHERE name LIKE 'Migration2026%'`)
        expect(migrations.rows.length).toBeGreaterThanOrEqual(2)
        const trigger = await dbConnection.raw(
          `SELECT tgname FROM pg_trigger WHERE tgname = 'affiliate_commission_append_only'`
        )
        expect(trigger.rows).toHaveLength(1)
      })

      it("created the default program on boot, exactly once", async () => {
        const programs = await affiliates().listAffiliatePrograms({ is_default: true })
        expect(programs).toHaveLength(1)
        expect(programs[0].commission_value).toBe(10)
        await affiliates().ensureDefaultProgram()
        expect(await affiliates().listAffiliatePrograms({ is_default: true })).toHaveLength(1)
      })
    })

    describe("module links", () => {
      it("an affiliate has many promotions, joined by query.graph", async () => {
        const affiliate = await createAffiliate("PROMOTER")
        const summer = await createPromotion(getContainer(), "SUMMER10")
        const winter = await createPromotion(getContainer(), "WINTER10")
        const link = getContainer().resolve(ContainerRegistrationKeys.LINK)
        await link.create(
          [summer, winter].map((p) => ({
            [AFFILIATE_MODULE]: { affiliate_id: affiliate.id },
            [Modules.PROMOTION]: { promotion_id: p.id },
          }))
        )

        const { data } = await query().graph({
          entity: "affiliate",
          fields: ["id", "code", "promotions.code"],
          filters: { id: affiliate.id },
        })
        expect(data[0].promotions.map((p: { code: string }) => p.code).sort()).toEqual(["SUMMER10", "WINTER10"])

        const { data: promotions } = await query().graph({
          entity: "promotion",
          fields: ["code", "affiliate.code"],
          filters: { id: summer.id },
        })
        expect(promotions[0].affiliate.code).toBe("PROMOTER")
      })

      it("a promotion belongs to at most one affiliate", async () => {
        const first = await createAffiliate("FIRST")
        const second = await createAffiliate("SECOND")
        const promotion = await createPromotion(getContainer(), "ONLYONE")
        const link = getContainer().resolve(ContainerRegistrationKeys.LINK)
        await link.create({
          [AFFILIATE_MODULE]: { affiliate_id: first.id },
          [Modules.PROMOTION]: { promotion_id: promotion.id },
        })
        const error = await link
          .create({
            [AFFILIATE_MODULE]: { affiliate_id: second.id },
            [Modules.PROMOTION]: { promotion_id: promotion.id },
          })
          .catch((e: Error) => e)
        expect(error).toBeInstanceOf(Error)

        const { data } = await query().graph({
          entity: "promotion",
          fields: ["affiliate.id"],
          filters: { id: promotion.id },
        })
        expect(data[0].affiliate.id).toBe(first.id)
      })

      it("read-only links join customers and orders through the module's own columns", async () => {
        const { result: customers } = await createCustomersWorkflow(getContainer()).run({
          input: { customersData: [{ email: "affiliate@example.com", first_name: "Ada" }] },
        })
        const customer = customers[0]
        const affiliate = await createAffiliate("ADA", { customer_id: customer.id })
        const order = await createOrder(customer.id)

        const service = affiliates()
        await service.createAffiliateAttributions({
          customer_id: customer.id,
          affiliate_id: affiliate.id,
          source: "link",
        })
        await service.createAffiliateOrderAttributions({
          order_id: order.id,
          customer_id: customer.id,
          affiliate_id: affiliate.id,
          outcome: "credited",
          source: "attribution",
          candidates: [] as any,
        })
        await service.appendLedgerEntries([
          {
            affiliate_id: affiliate.id,
            type: "sale",
            amount: 10,
            currency_code: "usd",
            order_id: order.id,
            idempotency_key: `sale:${order.id}`,
          },
        ])

        const { data: [withCustomer] } = await query().graph({
          entity: "affiliate",
          fields: ["code", "customer.email"],
          filters: { id: affiliate.id },
        })
        expect(withCustomer.customer.email).toBe("affiliate@example.com")

        const { data: [attribution] } = await query().graph({
          entity: "affiliate_attribution",
          fields: ["id", "customer.first_name", "affiliate.code"],
          filters: { customer_id: customer.id },
        })
        expect(attribution.customer.first_name).toBe("Ada")
        expect(attribution.affiliate.code).toBe("ADA")

        const { data: [receipt] } = await query().graph({
          entity: "affiliate_order_attribution",
          fields: ["outcome", "order.id", "order.email"],
          filters: { order_id: order.id },
        })
        expect(receipt.order).toEqual(expect.objectContaining({ id: order.id, email: "buyer@example.com" }))

        const { data: [entry] } = await query().graph({
          entity: "affiliate_commission",
          fields: ["amount", "order.id", "affiliate.code"],
          filters: { order_id: order.id },
        })
        expect(entry.order.id).toBe(order.id)
        expect(entry.affiliate.code).toBe("ADA")
      })
    })
  },
})
