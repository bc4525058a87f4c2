import { medusaIntegrationTestRunner } from "@medusajs/test-utils"
import { ContainerRegistrationKeys } from "@medusajs/framework/utils"
import { createPricePreferencesWorkflow, createTaxRegionsWorkflow } from "@medusajs/medusa/core-flows"
import { orderLineFields, orderLineTotals } from "../../src/workflows/attribution/order-lines"
import { createPromotion, placeOrder, seedStore, TestStore } from "../fixtures/store"

jest.setTimeout(180_000)

/*
 * Attribution computes a sale's lines from the order's raw fields (orderLineTotals) rather
 * than asking Query for totals, which makes the order module load and decorate the whole
 * order. The figures must be the ones Medusa's own totals read gives: with a discount, a
 * tax rate, shipping, and tax-inclusive prices.
 */
medusaIntegrationTestRunner({
  testSuite: ({ getContainer }) => {
    let store: TestStore
    const c = () => getContainer()

    /** Medusa's totals of the order's lines and shipping, as an order read with totals gives them. */
    const medusaTotals = async (orderId: string) => {
      const { data: [order] } = await c().resolve(ContainerRegistrationKeys.QUERY).graph({
        entity: "order",
        fields: ["shipping_total", "tax_total", "discount_total", "items.*"],
        filters: { id: orderId },
      })
      return order
    }
    const ourTotals = async (orderId: string) => {
      const { data: [order] } = await c().resolve(ContainerRegistrationKeys.QUERY).graph({
        entity: "order",
        fields: orderLineFields("total"),
        filters: { id: orderId },
      })
      return orderLineTotals(order)
    }
    const expectSameFigures = async (orderId: string) => {
      const medusa = await medusaTotals(orderId)
      const ours = await ourTotals(orderId)
      const n = (v: unknown) => Number(v)
      expect(n(medusa.discount_total)).toBeGreaterThan(0)
      expect(n(medusa.tax_total)).toBeGreaterThan(0)
      expect(ours.lines).toHaveLength(medusa.items.length)
      for (const item of medusa.items) {
        const line = ours.lines.find((l) => l.id === item.id)!
        expect(line.product_id).toBe(item.product_id)
        expect(n(line.quantity)).toBe(n(item.quantity))
        expect(n(line.subtotal_after_discounts)).toBeCloseTo(n(item.subtotal) - n(item.discount_subtotal), 10)
        expect(n(line.total)).toBeCloseTo(n(item.total), 10)
      }
      expect(n(ours.shipping_total)).toBeCloseTo(n(medusa.shipping_total), 10)
      return { medusa, ours }
    }

    beforeEach(async () => {
      store = await seedStore(c())
      await createTaxRegionsWorkflow(c()).run({
        input: [{ country_code: "us", provider_id: "tp_system", default_tax_rate: { rate: 20, code: "US20", name: "US 20 %" } }],
      })
      await createPromotion(c(), "TENOFF", 10)
    })

    const order = () =>
      placeOrder(c(), store, {
        items: [
          { variant_id: store.products.shirt.variant_id, quantity: 2 },
          { variant_id: store.products.mug.variant_id, quantity: 1 },
        ],
        promo_codes: ["TENOFF"],
      })

    it("an order with a discount, a 20 % tax rate and shipping: the same lines as Medusa's totals", async () => {
      const { ours } = await expectSameFigures(await order())
      // 250 of goods, 10 % off: 225 before tax, 270 with it.
      const sum = (key: "subtotal_after_discounts" | "total") => ours.lines.reduce((s, l) => s + Number(l[key]), 0)
      expect(sum("subtotal_after_discounts")).toBeCloseTo(225, 10)
      expect(sum("total")).toBeCloseTo(270, 10)
    })

    it("tax-inclusive prices: the same lines as Medusa's totals, tax taken out of the base", async () => {
      await createPricePreferencesWorkflow(c()).run({
        input: [{ attribute: "currency_code", value: "usd", is_tax_inclusive: true }],
      })
      const { medusa, ours } = await expectSameFigures(await order())
      expect(medusa.items.every((i: any) => i.is_tax_inclusive)).toBe(true)
      // 250 with tax, 10 % off: 225 with tax, 187.5 without.
      const sum = (key: "subtotal_after_discounts" | "total") => ours.lines.reduce((s, l) => s + Number(l[key]), 0)
      expect(sum("total")).toBeCloseTo(225, 10)
      expect(sum("subtotal_after_discounts")).toBeCloseTo(187.5, 10)
    })
  },
})
