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
  description: "Hand-picked creators: higher rate, shorter hold, 12-month customer lifetime",
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

/**
 * A program without a hold: its sales are due as soon as the order is placed, so the
 * release workflow makes them `available` at once. The seed uses it to show available
 * balances, a paid payout and a clawback without waiting 30 days.
 */
export const INSTANT_PROGRAM = {
  name: "Instant payouts",
  description: "Newsletter partners settled weekly: no hold, a 6-month customer lifetime",
  commission_type: "percentage" as const,
  commission_value: 12,
  hold_days: 0,
  cookie_days: 30,
  trailing_months: 6,
  min_payout_amount: 0,
  auto_approve: false,
  /** With no hold, a suspicious sale would be payable at once: an email alias of the partner holds it for review. */
  risk_rules: { review_on: ["email_alias", "contact_match", "visitor_match"] },
}

export type DemoAffiliate = {
  code: string
  name: string
  email: string
  status: "pending" | "active" | "suspended"
  program: "default" | "vip" | "instant"
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
  {
    code: "EMMA",
    name: "Emma Schmidt",
    email: "emma@weeklyfinds.example.com",
    status: "active",
    program: "instant",
    payout_email: "emma@weeklyfinds.example.com",
    metadata: { website: "https://weeklyfinds.example.com", channel: "weekly deals newsletter" },
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

// ---------------------------------------------------------------------------------------
// Activity: clicks, customers and orders, made through the plugin's service and Medusa's
// checkout workflows (see activity.ts). Natural keys: click session ids, customer emails,
// and `demo_order` in the order's metadata.

/** Where the demo's links point (the Next.js starter's routes; no storefront is started). */
export const DEMO_STOREFRONT_URL = "http://localhost:8000"

/**
 * Link campaigns: each visit is a recordClick with its own session id
 * (`demo-<code>-<sub_id or "direct">-<n>`); `repeats` of those sessions click again and are
 * deduplicated. Clicks for CARLA (pending) and DEALHUNTER (suspended) are refused.
 */
export type DemoClickCampaign = {
  affiliate: string
  sub_id: string | null
  referrer: string | null
  /** Path on the storefront; `?ref=<code>` (and `&sub_id=`) is appended. */
  landing: string
  visits: number
  repeats?: number
}

export const CLICK_CAMPAIGNS: DemoClickCampaign[] = [
  { affiliate: "ALICE", sub_id: "newsletter", referrer: null, landing: "/us/products/classic-tee", visits: 7, repeats: 2 },
  { affiliate: "ALICE", sub_id: "instagram", referrer: "https://www.instagram.com/", landing: "/us/products/linen-shirt", visits: 6, repeats: 1 },
  {
    affiliate: "ALICE",
    sub_id: "blog-sidebar",
    referrer: "https://alicecooks.example.com/recipes/summer-salad",
    landing: "/us/store",
    visits: 5,
  },
  {
    affiliate: "BOB",
    sub_id: "youtube",
    referrer: "https://www.youtube.com/watch?v=demoLinenReview",
    landing: "/us/products/linen-shirt",
    visits: 8,
    repeats: 2,
  },
  {
    affiliate: "BOB",
    sub_id: "shorts",
    referrer: "https://m.youtube.com/shorts/demoHoodieFit",
    landing: "/us/products/everyday-hoodie",
    visits: 5,
    repeats: 1,
  },
  { affiliate: "BOB", sub_id: null, referrer: "https://www.youtube.com/@bobwears/community", landing: "/de/products/classic-tee", visits: 3 },
  {
    affiliate: "EMMA",
    sub_id: "newsletter-week-47",
    referrer: "https://mail.google.com/",
    landing: "/us/products/everyday-hoodie",
    visits: 6,
    repeats: 1,
  },
  { affiliate: "EMMA", sub_id: "newsletter-week-48", referrer: null, landing: "/us/store", visits: 4 },
  // Not active: recordClick records nothing (the storefront route answers 404).
  { affiliate: "CARLA", sub_id: "instagram", referrer: "https://www.instagram.com/", landing: "/us/store", visits: 2 },
  {
    affiliate: "DEALHUNTER",
    sub_id: "coupon-page",
    referrer: "https://coupons.example.net/affiliates-demo-store",
    landing: "/us/store",
    visits: 2,
  },
]

export const CLICK_USER_AGENTS = [
  "Mozilla/5.0 (iPhone; CPU iPhone OS 17_5 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/17.5 Mobile/15E148 Safari/604.1",
  "Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/126.0 Safari/537.36",
  "Mozilla/5.0 (Macintosh; Intel Mac OS X 14_5) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/17.5 Safari/605.1.15",
  "Mozilla/5.0 (Linux; Android 14; Pixel 8) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/126.0 Mobile Safari/537.36",
]

export type DemoAddress = {
  first_name: string
  last_name: string
  address_1: string
  city: string
  postal_code: string
  country_code: string
  province?: string
}

/** Registered customers (no password: they cannot log in to a storefront; the portal login is PORTAL_ACCOUNT). */
export const CUSTOMERS: { email: string; first_name: string; last_name: string; address: DemoAddress }[] = [
  {
    email: "olivia.bennett@example.com",
    first_name: "Olivia",
    last_name: "Bennett",
    address: { first_name: "Olivia", last_name: "Bennett", address_1: "120 W 72nd St", city: "New York", postal_code: "10023", country_code: "us", province: "NY" },
  },
  {
    email: "liam.walker@example.com",
    first_name: "Liam",
    last_name: "Walker",
    address: { first_name: "Liam", last_name: "Walker", address_1: "801 Congress Ave", city: "Austin", postal_code: "78701", country_code: "us", province: "TX" },
  },
  {
    email: "sofia.keller@example.de",
    first_name: "Sofia",
    last_name: "Keller",
    address: { first_name: "Sofia", last_name: "Keller", address_1: "Torstrasse 49", city: "Berlin", postal_code: "10119", country_code: "de" },
  },
  {
    email: "noah.park@example.com",
    first_name: "Noah",
    last_name: "Park",
    address: { first_name: "Noah", last_name: "Park", address_1: "400 Pine St", city: "Seattle", postal_code: "98101", country_code: "us", province: "WA" },
  },
]

/** Where guest orders ship (US). */
export const GUEST_ADDRESS: Omit<DemoAddress, "first_name" | "last_name"> = {
  address_1: "55 Prospect St",
  city: "Brooklyn",
  postal_code: "11201",
  country_code: "us",
  province: "NY",
}

export type DemoOrder = {
  /** Natural key, kept in the order's metadata as `demo_order`. */
  key: string
  /** What the order shows (printed in the seed's summary). */
  story: string
  currency: "usd" | "eur"
  /** A registered customer (CUSTOMERS) by email... */
  customer?: string
  /** ...or a guest checkout with this email and name. */
  guest?: { email: string; first_name: string; last_name: string }
  /** By SKU. */
  items: { sku: string; quantity: number }[]
  shipping?: "standard" | "express"
  promo_codes?: string[]
  /** Written into the cart's metadata when it is created (what a storefront may do itself). */
  cart_metadata?: Record<string, unknown>
  /** Put on the cart with the plugin's attachCartReferralWorkflow (POST /store/carts/:id/affiliate). */
  referral?: { code: string } | { click_session: string }
  /** Capture the payment (needed before a refund). */
  capture?: boolean
  /** Pay the sale out (payout marked paid) before the money events below. */
  pay_out?: boolean
  /** Placed after the payout, so its sale stays out of it. */
  after_payout?: boolean
  /** A refund of this share of the paid total, not explained by a return (refundPaymentWorkflow). */
  refund?: { share: number; note: string }
  /** Cancel the order (cancelOrderWorkflow). */
  cancel?: boolean
}

export const ORDERS: DemoOrder[] = [
  {
    key: "olivia-first",
    story: "ALICE10 code: credited to ALICE, and Olivia is now ALICE's customer",
    currency: "usd",
    customer: "olivia.bennett@example.com",
    items: [
      { sku: "TEE-M-BLACK", quantity: 2 },
      { sku: "LINEN-M", quantity: 1 },
    ],
    promo_codes: ["ALICE10"],
    capture: true,
  },
  {
    key: "olivia-repeat",
    story: "no code or link: credited to ALICE through Olivia's attribution",
    currency: "usd",
    customer: "olivia.bennett@example.com",
    items: [{ sku: "HOODIE-M", quantity: 1 }],
    shipping: "express",
  },
  {
    key: "liam-bob-video",
    story: "BOB's YouTube click: hoodie at VIP's 25 %, the tote excluded",
    currency: "usd",
    customer: "liam.walker@example.com",
    items: [
      { sku: "HOODIE-L", quantity: 1 },
      { sku: "TOTE-NATURAL", quantity: 1 },
    ],
    referral: { click_session: "demo-bob-youtube-1" },
    capture: true,
  },
  {
    key: "sofia-bobshirts",
    story: "BOBSHIRTS code in the Europe region: a sale in EUR",
    currency: "eur",
    customer: "sofia.keller@example.de",
    items: [
      { sku: "LINEN-S", quantity: 1 },
      { sku: "TEE-S-WHITE", quantity: 1 },
    ],
    promo_codes: ["BOBSHIRTS"],
  },
  {
    key: "noah-direct",
    story: "no referral at all",
    currency: "usd",
    customer: "noah.park@example.com",
    items: [
      { sku: "TEE-L-WHITE", quantity: 1 },
      { sku: "TOTE-NATURAL", quantity: 1 },
    ],
  },
  {
    key: "jordan-alice-refund",
    story: "referral code ALICE in the cart's metadata, then a partial refund: a pending reversal",
    currency: "usd",
    guest: { email: "jordan.lee@example.com", first_name: "Jordan", last_name: "Lee" },
    items: [
      { sku: "LINEN-L", quantity: 1 },
      { sku: "HOODIE-S", quantity: 1 },
    ],
    cart_metadata: { affiliate_code: "ALICE" },
    capture: true,
    refund: { share: 0.25, note: "Goodwill refund: the parcel arrived a week late" },
  },
  {
    key: "mia-alice-canceled",
    story: "ALICE's Instagram click, then the order is canceled: the sale is reversed in full",
    currency: "usd",
    guest: { email: "mia.chen@example.com", first_name: "Mia", last_name: "Chen" },
    items: [{ sku: "TEE-M-WHITE", quantity: 3 }],
    referral: { click_session: "demo-alice-instagram-2" },
    cancel: true,
  },
  {
    key: "alice-self-referral",
    story: "ALICE buys with her own code: self-referral, nothing credited",
    currency: "usd",
    guest: { email: "alice.martin@example.com", first_name: "Alice", last_name: "Martin" },
    items: [{ sku: "TEE-S-BLACK", quantity: 1 }],
    promo_codes: ["ALICE10"],
  },
  {
    key: "bill-dealhunter",
    story: "a stale DEALHUNTER referral from before the suspension: affiliate inactive",
    currency: "usd",
    guest: { email: "bargain.bill@example.com", first_name: "Bill", last_name: "Baxter" },
    items: [{ sku: "HOODIE-XL", quantity: 1 }],
    cart_metadata: { affiliate_code: "DEALHUNTER" },
  },
  {
    key: "ava-code-beats-link",
    story: "BOBSHIRTS code and an ALICE link: the code wins (attributionPriority: code)",
    currency: "usd",
    guest: { email: "ava.rossi@example.com", first_name: "Ava", last_name: "Rossi" },
    items: [{ sku: "LINEN-M", quantity: 2 }],
    promo_codes: ["BOBSHIRTS"],
    referral: { code: "ALICE" },
  },
  {
    key: "lucas-emma-clawback",
    story: "EMMA's newsletter click, released at once, paid out, then partly refunded: a clawback",
    currency: "usd",
    guest: { email: "lucas.meyer@example.com", first_name: "Lucas", last_name: "Meyer" },
    items: [
      { sku: "HOODIE-M", quantity: 2 },
      { sku: "LINEN-S", quantity: 1 },
    ],
    referral: { click_session: "demo-emma-newsletter-week-47-1" },
    capture: true,
    pay_out: true,
    refund: { share: 0.25, note: "Refund after payout: a seam came loose on one hoodie" },
  },
  {
    key: "zoe-emma-reversal",
    story: "EMMA's newsletter click, released at once, then partly refunded: an available reversal",
    currency: "usd",
    guest: { email: "zoe.martin@example.com", first_name: "Zoe", last_name: "Martin" },
    items: [
      { sku: "HOODIE-L", quantity: 2 },
      { sku: "LINEN-M", quantity: 1 },
    ],
    referral: { click_session: "demo-emma-newsletter-week-48-2" },
    capture: true,
    after_payout: true,
    refund: { share: 0.3, note: "Partial refund: price match" },
  },
  {
    key: "emma-own-mailbox",
    story: "EMMA's newsletter click, bought from her own mailbox (plus address): held for review (Instant payouts reviews email aliases)",
    currency: "usd",
    guest: { email: "emma+deals@weeklyfinds.example.com", first_name: "Em", last_name: "Schmidt" },
    items: [{ sku: "HOODIE-S", quantity: 1 }],
    referral: { click_session: "demo-emma-newsletter-week-48-3" },
  },
]

/** The payout that pays EMMA's first sale (found again by its reference). */
export const DEMO_PAYOUT = { method: "paypal", reference: "DEMO-PAYPAL-0001" }

// ---------------------------------------------------------------------------------------
// The affiliate portal (portal.ts): a customer account that logs in with a password and is
// an affiliate, with money in every state of the ledger. The login is in meta.json (run.js
// prints it in the banner).

/** Nina's store account: `POST /auth/customer/emailpass` with this email and password. */
export const PORTAL_ACCOUNT = {
  email: meta.portalLogin.email,
  password: meta.portalLogin.password,
  first_name: "Nina",
  last_name: "Patel",
  phone: "+1 503 555 0142",
}

/** What Nina sends with her application (`POST /store/customers/me/affiliate`). */
export const PORTAL_APPLICATION = {
  code: "NINA",
  payout_email: "nina.patel@example.com",
  metadata: { website: "https://ninaplans.example.com", channel: "TikTok and a capsule-wardrobe blog" },
}

/** Nina's links: sessions `demo-nina-<sub_id>-<n>`, recorded once she is approved. */
export const PORTAL_CLICK_CAMPAIGNS: DemoClickCampaign[] = [
  {
    affiliate: "NINA",
    sub_id: "tiktok",
    referrer: "https://www.tiktok.com/",
    landing: "/us/products/everyday-hoodie",
    visits: 9,
    repeats: 2,
  },
  {
    affiliate: "NINA",
    sub_id: "blog",
    referrer: "https://ninaplans.example.com/capsule-wardrobe",
    landing: "/us/store",
    visits: 5,
  },
]

/**
 * Nina's history, one stage after the other, all in USD. Each stage puts the affiliate on
 * its program before its orders are placed (the program's terms are frozen into each sale),
 * then releases what is due and requests (and settles) a payout as it says:
 *
 *   paid       Instant payouts (12 %, no hold): released, requested, marked paid;
 *   requested  Instant payouts: released and requested in the portal, not paid yet;
 *   available  Instant payouts: released, then partly refunded (an available reversal),
 *              waiting for her next request (above VIP's minimum payout of 50);
 *   pending    then the admin promotes her to "VIP partners" (15 %, hoodie 25 %, tote
 *              excluded, 14-day hold): her latest sale is held for 14 days.
 */
export type PortalStage = {
  key: "paid" | "requested" | "available" | "pending"
  program: "instant" | "vip"
  /**
   * Run releaseCommissionsWorkflow after the orders (a no-hold program's sales are due at
   * once); the orders' refunds follow it.
   */
  release: boolean
  /**
   * Then request a payout of everything available (what the portal's POST .../payouts
   * does) and leave it `requested`, or mark it `paid` with this reference.
   */
  payout?: { status: "paid"; reference: string } | { status: "requested" }
  orders: DemoOrder[]
}

export const PORTAL_STAGES: PortalStage[] = [
  {
    key: "paid",
    program: "instant",
    release: true,
    payout: { status: "paid", reference: "DEMO-PAYPAL-0002" },
    orders: [
      {
        key: "ethan-nina-tiktok",
        story: "NINA's TikTok click: credited to NINA (Instant payouts), paid out in her first payout",
        currency: "usd",
        guest: { email: "ethan.brooks@example.com", first_name: "Ethan", last_name: "Brooks" },
        items: [
          { sku: "HOODIE-M", quantity: 1 },
          { sku: "TEE-M-BLACK", quantity: 1 },
        ],
        referral: { click_session: "demo-nina-tiktok-1" },
      },
      {
        key: "noah-nina-code",
        story: "NINA's referral code on Noah's cart (no referral before): credited, Noah is now NINA's customer",
        currency: "usd",
        customer: "noah.park@example.com",
        items: [{ sku: "LINEN-L", quantity: 1 }],
        referral: { code: "NINA" },
      },
    ],
  },
  {
    key: "requested",
    program: "instant",
    release: true,
    payout: { status: "requested" },
    orders: [
      {
        key: "noah-nina-repeat",
        story: "no code or link: credited to NINA through Noah's attribution; in her requested payout",
        currency: "usd",
        customer: "noah.park@example.com",
        items: [
          { sku: "HOODIE-L", quantity: 1 },
          { sku: "TOTE-NATURAL", quantity: 1 },
        ],
      },
      {
        key: "grace-nina-blog",
        story: "NINA's blog link: credited, in her requested payout",
        currency: "usd",
        guest: { email: "grace.kim@example.com", first_name: "Grace", last_name: "Kim" },
        items: [{ sku: "TEE-L-BLACK", quantity: 3 }],
        referral: { click_session: "demo-nina-blog-2" },
      },
    ],
  },
  {
    key: "available",
    program: "instant",
    release: true,
    orders: [
      {
        key: "harper-nina-team",
        story: "a team order through NINA's TikTok link, released, then partly refunded: available, less a reversal",
        currency: "usd",
        guest: { email: "harper.lane@example.com", first_name: "Harper", last_name: "Lane" },
        // Five hoodies and five shirts (640 USD): 12 % is 76.80, and the 10 % refund
        // reverses 7.68, whole cents.
        items: [
          { sku: "HOODIE-M", quantity: 3 },
          { sku: "HOODIE-L", quantity: 2 },
          { sku: "LINEN-M", quantity: 3 },
          { sku: "LINEN-L", quantity: 2 },
        ],
        referral: { click_session: "demo-nina-tiktok-4" },
        capture: true,
        refund: { share: 0.1, note: "Goodwill refund: the team order shipped in two parcels" },
      },
    ],
  },
  {
    key: "pending",
    program: "vip",
    release: false,
    orders: [
      {
        key: "ruby-nina-vip",
        story: "NINA, now VIP: hoodie at 25 %, tee at 15 %, tote excluded, held 14 days (pending)",
        currency: "usd",
        guest: { email: "ruby.evans@example.com", first_name: "Ruby", last_name: "Evans" },
        items: [
          { sku: "HOODIE-S", quantity: 1 },
          { sku: "TEE-S-WHITE", quantity: 1 },
          { sku: "TOTE-NATURAL", quantity: 1 },
        ],
        referral: { click_session: "demo-nina-tiktok-7" },
      },
    ],
  },
]

/** Nina's orders, in the order they are placed. */
export const PORTAL_ORDERS: DemoOrder[] = PORTAL_STAGES.flatMap((s) => s.orders)
