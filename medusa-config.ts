// Test-only app config: the HTTP test runner treats this repo as a Medusa app whose src/
// holds the plugin's api, subscribers, jobs, links and workflows. Not shipped (tsconfig).
import { defineConfig, loadEnv } from "@medusajs/framework/utils"

loadEnv(process.env.NODE_ENV || "development", process.cwd())

export default defineConfig({
  projectConfig: {
    databaseUrl: process.env.DATABASE_URL,
    http: {
      storeCors: process.env.STORE_CORS || "http://localhost:8000",
      adminCors: process.env.ADMIN_CORS || "http://localhost:9000",
      authCors: process.env.AUTH_CORS || "http://localhost:9000",
      jwtSecret: process.env.JWT_SECRET || "supersecret",
      cookieSecret: process.env.COOKIE_SECRET || "supersecret",
    },
  },
  admin: { disable: true },
  // The loyalty plugin (store credit) only where a suite asks for it (store-credit-payouts.spec
  // sets AFFILIATE_TEST_LOYALTY): every other suite proves the plugin works without it.
  plugins: process.env.AFFILIATE_TEST_LOYALTY === "true" ? [{ resolve: "@medusajs/loyalty-plugin", options: {} }] : [],
  modules: [
    {
      resolve: "./src/modules/affiliate",
      options: {
        defaultProgram: { commissionValue: 10, holdDays: 30 },
        hashSalt: "test-salt",
      },
    },
  ],
})
