// The demo store's config: a plain Medusa app that installs the plugin exactly as a store
// owner would (`plugins: [{ resolve: "medusa-affiliates", options }]`). `npm run demo` (see
// run.js) sets DATABASE_URL and PORT, links the plugin into demo/node_modules and starts it.
import path from "path"
import { defineConfig, loadEnv } from "@medusajs/framework/utils"
import type { AffiliatePluginOptions } from "medusa-affiliates/modules/affiliate"

loadEnv(process.env.NODE_ENV || "development", process.cwd())

const port = process.env.PORT || "9000"
const adminUrl = `http://localhost:${port}`
const storefrontUrl = process.env.STOREFRONT_URL || "http://localhost:8000"

const affiliateOptions: AffiliatePluginOptions = {
  defaultProgram: { commissionValue: 10, holdDays: 30, cookieDays: 30 },
  hashSalt: process.env.AFFILIATES_HASH_SALT || "demo-salt",
}

// demo/ has its own package.json but no node_modules of its own: the dashboard and the
// linked plugin are served from the repository root. Vite (the admin dev server) only serves
// files under demo/ unless they are imported by a module, so without this the dashboard's
// fonts (CSS url()s under ../node_modules) answer 403. Allow the repository root.
const repoRoot = path.resolve(__dirname, "..")

export default defineConfig({
  projectConfig: {
    databaseUrl: process.env.DATABASE_URL,
    http: {
      storeCors: process.env.STORE_CORS || storefrontUrl,
      adminCors: process.env.ADMIN_CORS || adminUrl,
      authCors: process.env.AUTH_CORS || `${adminUrl},${storefrontUrl}`,
      jwtSecret: process.env.JWT_SECRET || "demo-jwt-secret",
      cookieSecret: process.env.COOKIE_SECRET || "demo-cookie-secret",
    },
  },
  admin: {
    disable: false,
    vite: () => ({ server: { fs: { allow: [repoRoot] } } }),
  },
  plugins: [{ resolve: "medusa-affiliates", options: affiliateOptions }],
})
