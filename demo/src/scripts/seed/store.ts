// The commerce half of the demo: a usable store built with Medusa's core workflows, the way
// Medusa's starter seed does it. Every step looks its data up by a natural key first (name,
// handle, title, country), so running it again completes a half-finished seed instead of
// duplicating it.
import type {
  CreateInventoryLevelInput,
  ExecArgs,
  ProductDTO,
  RegionDTO,
  SalesChannelDTO,
  StockLocationDTO,
} from "@medusajs/framework/types"
import { ContainerRegistrationKeys, Modules, ProductStatus } from "@medusajs/framework/utils"
import {
  createApiKeysWorkflow,
  createInventoryLevelsWorkflow,
  createLocationFulfillmentSetWorkflow,
  createProductCategoriesWorkflow,
  createProductsWorkflow,
  createRegionsWorkflow,
  createSalesChannelsWorkflow,
  createServiceZonesWorkflow,
  createShippingOptionsWorkflow,
  createShippingProfilesWorkflow,
  createStockLocationsWorkflow,
  createTaxRegionsWorkflow,
  linkSalesChannelsToApiKeyWorkflow,
  linkSalesChannelsToStockLocationWorkflow,
  updateStoresWorkflow,
} from "@medusajs/medusa/core-flows"
import {
  CATEGORIES,
  DemoProduct,
  PRODUCTS,
  PUBLISHABLE_KEY_TITLE,
  REGIONS,
  SALES_CHANNEL_NAME,
  SHIPPING_ZONES,
  STOCK_LOCATION,
  STORE_NAME,
} from "./data"

type Container = ExecArgs["container"]

export type SeededStore = {
  salesChannel: SalesChannelDTO
  regions: Record<string, RegionDTO>
  stockLocation: StockLocationDTO
  /** By handle. */
  products: Record<string, ProductDTO>
  publishableKey: { id: string; token: string }
}

function logger(container: Container) {
  return container.resolve(ContainerRegistrationKeys.LOGGER)
}

export async function seedStore(container: Container): Promise<SeededStore> {
  logger(container).info("[demo seed] store: sales channel, currencies, regions, taxes")
  const salesChannel = await ensureSalesChannel(container)
  await ensureStoreSettings(container, salesChannel)
  const regions = await ensureRegions(container)
  await ensureTaxRegions(container)

  logger(container).info("[demo seed] store: stock location, fulfillment and shipping options")
  const stockLocation = await ensureStockLocation(container, salesChannel)
  const shippingProfileId = await ensureShippingProfile(container)
  await ensureShipping(container, stockLocation, shippingProfileId, regions)

  logger(container).info("[demo seed] store: publishable API key, products and inventory")
  const publishableKey = await ensurePublishableKey(container, salesChannel)
  const products = await ensureProducts(container, salesChannel, shippingProfileId)
  await ensureInventory(container, stockLocation)

  return { salesChannel, regions, stockLocation, products, publishableKey }
}

async function ensureSalesChannel(container: Container): Promise<SalesChannelDTO> {
  const salesChannels = container.resolve(Modules.SALES_CHANNEL)
  const [existing] = await salesChannels.listSalesChannels({ name: SALES_CHANNEL_NAME })
  if (existing) {
    return existing
  }
  const { result } = await createSalesChannelsWorkflow(container).run({
    input: { salesChannelsData: [{ name: SALES_CHANNEL_NAME }] },
  })
  return result[0]
}

async function ensureStoreSettings(container: Container, salesChannel: SalesChannelDTO) {
  const [store] = await container.resolve(Modules.STORE).listStores()
  await updateStoresWorkflow(container).run({
    input: {
      selector: { id: store.id },
      update: {
        name: STORE_NAME,
        default_sales_channel_id: salesChannel.id,
        supported_currencies: [
          { currency_code: "usd", is_default: true },
          { currency_code: "eur" },
        ],
      },
    },
  })
}

async function ensureRegions(container: Container): Promise<Record<string, RegionDTO>> {
  const regionModule = container.resolve(Modules.REGION)
  const existing = (await regionModule.listRegions()).filter((r) => REGIONS.some((d) => d.name === r.name))
  const missing = REGIONS.filter((r) => !existing.some((e) => e.name === r.name))
  let created: RegionDTO[] = []
  if (missing.length) {
    ;({ result: created } = await createRegionsWorkflow(container).run({
      input: {
        regions: missing.map((r) => ({
          name: r.name,
          currency_code: r.currency_code,
          countries: r.countries,
          payment_providers: ["pp_system_default"],
          automatic_taxes: true,
        })),
      },
    }))
  }
  return Object.fromEntries([...existing, ...created].map((r) => [r.currency_code, r]))
}

async function ensureTaxRegions(container: Container) {
  const taxModule = container.resolve(Modules.TAX)
  const countries = REGIONS.flatMap((r) => r.countries)
  const existing = await taxModule.listTaxRegions({ country_code: countries })
  const missing = countries.filter((c) => !existing.some((t) => t.country_code === c && !t.parent_id))
  if (missing.length) {
    await createTaxRegionsWorkflow(container).run({
      input: missing.map((country_code) => ({ country_code, provider_id: "tp_system" })),
    })
  }
}

async function ensureStockLocation(
  container: Container,
  salesChannel: SalesChannelDTO
): Promise<StockLocationDTO> {
  const stockLocations = container.resolve(Modules.STOCK_LOCATION)
  let [location] = await stockLocations.listStockLocations({ name: STOCK_LOCATION.name })
  if (!location) {
    const { result } = await createStockLocationsWorkflow(container).run({
      input: { locations: [{ name: STOCK_LOCATION.name, address: STOCK_LOCATION.address }] },
    })
    location = result[0]

    const [store] = await container.resolve(Modules.STORE).listStores()
    await updateStoresWorkflow(container).run({
      input: { selector: { id: store.id }, update: { default_location_id: location.id } },
    })
    // The manual fulfillment provider ships from this location.
    await container.resolve(ContainerRegistrationKeys.LINK).create({
      [Modules.STOCK_LOCATION]: { stock_location_id: location.id },
      [Modules.FULFILLMENT]: { fulfillment_provider_id: "manual_manual" },
    })
    await linkSalesChannelsToStockLocationWorkflow(container).run({
      input: { id: location.id, add: [salesChannel.id] },
    })
  }
  return location
}

async function ensureShippingProfile(container: Container): Promise<string> {
  const fulfillment = container.resolve(Modules.FULFILLMENT)
  const [profile] = await fulfillment.listShippingProfiles({ type: "default" })
  if (profile) {
    return profile.id
  }
  const { result } = await createShippingProfilesWorkflow(container).run({
    input: { data: [{ name: "Default Shipping Profile", type: "default" }] },
  })
  return result[0].id
}

async function ensureShipping(
  container: Container,
  location: StockLocationDTO,
  shippingProfileId: string,
  regions: Record<string, RegionDTO>
) {
  const query = container.resolve(ContainerRegistrationKeys.QUERY)
  const fulfillment = container.resolve(Modules.FULFILLMENT)
  const setName = `${STOCK_LOCATION.name} shipping`

  const readSet = async () => {
    const { data } = await query.graph({
      entity: "stock_location",
      fields: ["id", "fulfillment_sets.id", "fulfillment_sets.name"],
      filters: { id: location.id },
    })
    return (data[0]?.fulfillment_sets ?? []).find((s: any) => s?.name === setName)
  }
  let set = await readSet()
  if (!set) {
    await createLocationFulfillmentSetWorkflow(container).run({
      input: { location_id: location.id, fulfillment_set_data: { name: setName, type: "shipping" } },
    })
    set = await readSet()
  }
  if (!set) {
    throw new Error(`demo seed: fulfillment set "${setName}" was not created`)
  }

  const zones = await fulfillment.listServiceZones({ fulfillment_set: { id: set.id } })
  const missingZones = SHIPPING_ZONES.filter((z) => !zones.some((e) => e.name === z.name))
  if (missingZones.length) {
    const { result } = await createServiceZonesWorkflow(container).run({
      input: {
        data: missingZones.map((z) => ({
          fulfillment_set_id: set.id,
          name: z.name,
          geo_zones: z.countries.map((country_code) => ({ type: "country" as const, country_code })),
        })),
      },
    })
    zones.push(...result)
  }

  const options = await fulfillment.listShippingOptions({ service_zone: { id: zones.map((z) => z.id) } })
  const toCreate = SHIPPING_ZONES.flatMap((zone) => {
    const serviceZone = zones.find((z) => z.name === zone.name)!
    const region = regions[zone.currency_code]
    return zone.options
      .filter((o) => !options.some((e) => e.name === o.name && e.service_zone_id === serviceZone.id))
      .map((o) => ({
        name: o.name,
        price_type: "flat" as const,
        provider_id: "manual_manual",
        service_zone_id: serviceZone.id,
        shipping_profile_id: shippingProfileId,
        type: { label: o.label, description: o.description, code: o.code },
        prices: [
          { currency_code: zone.currency_code, amount: o.amount },
          ...(region ? [{ region_id: region.id, amount: o.amount }] : []),
        ],
        rules: [
          { attribute: "enabled_in_store", value: "true", operator: "eq" as const },
          { attribute: "is_return", value: "false", operator: "eq" as const },
        ],
      }))
  })
  if (toCreate.length) {
    await createShippingOptionsWorkflow(container).run({ input: toCreate })
  }
}

async function ensurePublishableKey(
  container: Container,
  salesChannel: SalesChannelDTO
): Promise<{ id: string; token: string }> {
  const apiKeys = container.resolve(Modules.API_KEY)
  // Medusa creates a "Default Publishable API Key" on boot: use that one rather than a second.
  const keys = (
    await apiKeys.listApiKeys({ type: "publishable" }, { order: { created_at: "ASC" } })
  ).filter((k) => !k.revoked_at)
  let key = keys.find((k) => k.title === PUBLISHABLE_KEY_TITLE) ?? keys[0]
  if (!key) {
    const { result } = await createApiKeysWorkflow(container).run({
      input: { api_keys: [{ title: PUBLISHABLE_KEY_TITLE, type: "publishable", created_by: "" }] },
    })
    key = result[0]
  }
  // Idempotent: linking an already linked channel is a no-op.
  await linkSalesChannelsToApiKeyWorkflow(container).run({
    input: { id: key.id, add: [salesChannel.id] },
  })
  return { id: key.id, token: key.token }
}

async function ensureCategories(container: Container): Promise<Record<string, string>> {
  const products = container.resolve(Modules.PRODUCT)
  const existing = await products.listProductCategories({ name: [...CATEGORIES] })
  const missing = CATEGORIES.filter((name) => !existing.some((c) => c.name === name))
  let created: { id: string; name: string }[] = []
  if (missing.length) {
    ;({ result: created } = await createProductCategoriesWorkflow(container).run({
      input: { product_categories: missing.map((name) => ({ name, is_active: true })) },
    }))
  }
  return Object.fromEntries([...existing, ...created].map((c) => [c.name, c.id]))
}

async function ensureProducts(
  container: Container,
  salesChannel: SalesChannelDTO,
  shippingProfileId: string
): Promise<Record<string, ProductDTO>> {
  const productModule = container.resolve(Modules.PRODUCT)
  const categories = await ensureCategories(container)
  const handles = PRODUCTS.map((p) => p.handle)
  const existing = await productModule.listProducts({ handle: handles })
  const missing = PRODUCTS.filter((p) => !existing.some((e) => e.handle === p.handle))
  let created: ProductDTO[] = []
  if (missing.length) {
    ;({ result: created } = await createProductsWorkflow(container).run({
      input: {
        products: missing.map((p) => toProductInput(p, categories, salesChannel, shippingProfileId)),
      },
    }))
  }
  return Object.fromEntries([...existing, ...created].map((p) => [p.handle, p]))
}

function toProductInput(
  p: DemoProduct,
  categories: Record<string, string>,
  salesChannel: SalesChannelDTO,
  shippingProfileId: string
) {
  // Every combination of the option values is a variant.
  const combinations = p.options.reduce<Record<string, string>[]>(
    (acc, option) => acc.flatMap((combo) => option.values.map((v) => ({ ...combo, [option.title]: v }))),
    [{}]
  )
  return {
    title: p.title,
    handle: p.handle,
    description: p.description,
    status: ProductStatus.PUBLISHED,
    weight: p.weight,
    category_ids: [categories[p.category]],
    shipping_profile_id: shippingProfileId,
    images: p.images.map((url) => ({ url })),
    thumbnail: p.images[0],
    options: p.options,
    variants: combinations.map((combo) => {
      const values = Object.values(combo)
      return {
        title: values.join(" / "),
        sku: [p.skuPrefix, ...values].join("-").toUpperCase(),
        options: combo,
        manage_inventory: true,
        prices: [
          { amount: p.prices.usd, currency_code: "usd" },
          { amount: p.prices.eur, currency_code: "eur" },
        ],
      }
    }),
    sales_channels: [{ id: salesChannel.id }],
  }
}

async function ensureInventory(container: Container, location: StockLocationDTO) {
  const query = container.resolve(ContainerRegistrationKeys.QUERY)
  const { data: items } = await query.graph({
    entity: "inventory_item",
    fields: ["id", "location_levels.location_id"],
  })
  const levels: CreateInventoryLevelInput[] = items
    .filter((item: any) => !(item.location_levels ?? []).some((l: any) => l?.location_id === location.id))
    .map((item: any) => ({
      inventory_item_id: item.id,
      location_id: location.id,
      stocked_quantity: STOCK_LOCATION.stockPerVariant,
    }))
  if (levels.length) {
    await createInventoryLevelsWorkflow(container).run({ input: { inventory_levels: levels } })
  }
}
