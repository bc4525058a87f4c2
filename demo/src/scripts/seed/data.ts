// What the demo store holds, as plain data. The seed functions look rows up by these natural
// keys (names, handles, codes), which is what makes the seed safe to run again.
import meta from "./meta.json"

export const STORE_NAME = "Affiliates Demo Store"
export const SALES_CHANNEL_NAME = "Default Sales Channel"
/** Title of the publishable key the seed creates when the store has none yet (run.js prints it). */
export const PUBLISHABLE_KEY_TITLE: string = meta.publishableKeyTitle

export const REGIONS = [
  { name: "United States", currency_code: "usd", countries: ["us"] },
  { name: "Europe", currency_code: "eur", countries: ["de", "fr", "it", "es", "nl", "be", "at", "ie"] },
]

export const STOCK_LOCATION = {
  name: "Brooklyn Warehouse",
  address: { address_1: "55 Water St", city: "Brooklyn", postal_code: "11201", country_code: "US" },
  stockPerVariant: 500,
}

export const SHIPPING_ZONES = [
  {
    name: "United States",
    currency_code: "usd",
    countries: ["us"],
    options: [
      { name: "Standard Shipping", label: "Standard", description: "Ships in 3-5 days.", code: "standard", amount: 5 },
      { name: "Express Shipping", label: "Express", description: "Ships in 24 hours.", code: "express", amount: 15 },
    ],
  },
  {
    name: "Europe",
    currency_code: "eur",
    countries: ["de", "fr", "it", "es", "nl", "be", "at", "ie"],
    options: [
      { name: "Standard Shipping EU", label: "Standard", description: "Ships in 5-8 days.", code: "standard", amount: 9 },
      { name: "Express Shipping EU", label: "Express", description: "Ships in 2-3 days.", code: "express", amount: 19 },
    ],
  },
]

export const CATEGORIES = ["Shirts", "Sweatshirts", "Accessories"] as const

export type DemoProduct = {
  title: string
  handle: string
  description: string
  category: (typeof CATEGORIES)[number]
  skuPrefix: string
  weight: number
  images: string[]
  options: { title: string; values: string[] }[]
  /** Per variant, in the currency's main unit (as Medusa stores prices). */
  prices: { usd: number; eur: number }
}

const IMAGES = "https://medusa-public-images.s3.eu-west-1.amazonaws.com"

export const PRODUCTS: DemoProduct[] = [
  {
    title: "Classic Tee",
    handle: "classic-tee",
    description: "A heavyweight cotton T-shirt with a relaxed fit. The one you reach for every morning.",
    category: "Shirts",
    skuPrefix: "TEE",
    weight: 200,
    images: [`${IMAGES}/tee-black-front.png`, `${IMAGES}/tee-white-front.png`],
    options: [
      { title: "Size", values: ["S", "M", "L", "XL"] },
      { title: "Color", values: ["Black", "White"] },
    ],
    prices: { usd: 25, eur: 23 },
  },
  {
    title: "Linen Shirt",
    handle: "linen-shirt",
    description: "A breathable linen button-down for warm days, washed for softness.",
    category: "Shirts",
    skuPrefix: "LINEN",
    weight: 250,
    images: [],
    options: [{ title: "Size", values: ["S", "M", "L"] }],
    prices: { usd: 59, eur: 55 },
  },
  {
    title: "Everyday Hoodie",
    handle: "everyday-hoodie",
    description: "A brushed-fleece hoodie with a roomy hood and a kangaroo pocket.",
    category: "Sweatshirts",
    skuPrefix: "HOODIE",
    weight: 600,
    images: [`${IMAGES}/sweatshirt-vintage-front.png`, `${IMAGES}/sweatshirt-vintage-back.png`],
    options: [{ title: "Size", values: ["S", "M", "L", "XL"] }],
    prices: { usd: 69, eur: 65 },
  },
  {
    title: "Canvas Tote",
    handle: "canvas-tote",
    description: "A sturdy organic-canvas tote bag. Sold at cost, so it earns no commission.",
    category: "Accessories",
    skuPrefix: "TOTE",
    weight: 300,
    images: [],
    options: [{ title: "Color", values: ["Natural"] }],
    prices: { usd: 15, eur: 14 },
  },
]

/** The second program, next to the default one the plugin options describe. */
export const VIP_PROGRAM = {
  name: "VIP partners",
  commission_type: "percentage" as const,
  commission_value: 15,
  hold_days: 14,
  cookie_days: 30,
  trailing_months: 12,
  min_payout_amount: 50,
  auto_approve: false,
  /** A higher rate on one product... */
  productRates: [{ handle: "everyday-hoodie", commission_value: 25 }],
  /** ...and one product that earns nothing. */
  excludedProducts: ["canvas-tote"],
}

export type DemoAffiliate = {
  code: string
  name: string
  email: string
  status: "pending" | "active" | "suspended"
  program: "default" | "vip"
  payout_email?: string
  metadata?: Record<string, unknown>
}

export const AFFILIATES: DemoAffiliate[] = [
  {
    code: "ALICE",
    name: "Alice Martin",
    email: "alice.martin@example.com",
    status: "active",
    program: "default",
    payout_email: "payouts@alicecooks.example.com",
    metadata: { website: "https://alicecooks.example.com", channel: "food blog" },
  },
  {
    code: "BOB",
    name: "Bob Nguyen",
    email: "bob.nguyen@example.com",
    status: "active",
    program: "vip",
    payout_email: "bob.nguyen@example.com",
    metadata: { website: "https://youtube.com/@bobwears", channel: "YouTube fashion reviews" },
  },
  {
    code: "CARLA",
    name: "Carla Rossi",
    email: "carla.rossi@example.com",
    status: "pending",
    program: "default",
    metadata: { website: "https://instagram.com/carla.outfits", channel: "Instagram" },
  },
  {
    code: "DEALHUNTER",
    name: "Dave Fischer",
    email: "dave@dealhunter.example.com",
    status: "suspended",
    program: "default",
    metadata: { channel: "coupon site", suspended_reason: "posted codes on coupon aggregators" },
  },
]

/** Promotion codes owned by affiliates (linked affiliate -> promotion). */
export const AFFILIATE_PROMOTIONS = [
  {
    code: "ALICE10",
    affiliate: "ALICE",
    description: "10 % off the whole order",
    percentage: 10,
    target: "order" as const,
  },
  {
    code: "BOBSHIRTS",
    affiliate: "BOB",
    description: "15 % off shirts",
    percentage: 15,
    target: "items" as const,
    productHandles: ["classic-tee", "linen-shirt"],
  },
]
