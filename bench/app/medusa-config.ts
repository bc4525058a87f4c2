// Bench-only app (not shipped: bench/ is outside src/ and excluded by tsconfig). It runs the
// plugin's module, links, middlewares and click route from ../../src, plus a no-op store route
// as the click benchmark's baseline. Subscribers and jobs are left out on purpose: orders
// created by the attribution benchmark must not be attributed behind its back.
import path from "path"
import { defineConfig } from "@medusajs/framework/utils"

export default defineConfig({
  projectConfig: {
    databaseUrl: process.env.DATABASE_URL,
    http: {
      storeCors: "http://localhost:8000",
      adminCors: "http://localhost:9000",
      authCors: "http://localhost:9000",
      jwtSecret: "bench-jwt-secret",
      cookieSecret: "bench-cookie-secret",
    },
  },
  admin: { disable: true },
  modules: [
    {
      resolve: path.resolve(__dirname, "../../src/modules/affiliate"),
      options: {
        defaultProgram: { commissionValue: 10, holdDays: 30 },
        hashSalt: "bench-salt",
      },
    },
  ],
})
