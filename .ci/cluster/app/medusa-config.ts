// The cluster test's app (.ci/cluster-test.sh): one config for servers and workers, as a
// production deployment has; each process picks its role from MEDUSA_WORKER_MODE.
import { defineConfig } from "@medusajs/framework/utils"

const redisUrl = process.env.REDIS_URL!

module.exports = defineConfig({
  projectConfig: {
    databaseUrl: process.env.DATABASE_URL,
    redisUrl,
    workerMode: process.env.MEDUSA_WORKER_MODE as "server" | "worker" | "shared",
    http: {
      jwtSecret: "cluster-test-jwt-secret",
      cookieSecret: "cluster-test-cookie-secret",
      storeCors: "http://localhost:8000",
      adminCors: "http://localhost:9000",
      authCors: "http://localhost:8000,http://localhost:9000",
    },
    // The app's pool: small, as one of several instances sharing a PostgreSQL would have.
    databaseDriverOptions: { pool: { min: 0, max: 10 } },
  },
  admin: { disable: true },
  modules: [
    {
      resolve: "@medusajs/medusa/event-bus-redis",
      options: { redisUrl, jobOptions: { attempts: 3, backoff: { type: "fixed", delay: 2000 } } },
    },
    { resolve: "@medusajs/medusa/workflow-engine-redis", options: { redis: { redisUrl } } },
    {
      resolve: "@medusajs/medusa/locking",
      options: {
        providers: [{ resolve: "@medusajs/medusa/locking-redis", id: "locking-redis", is_default: true, options: { redisUrl } }],
      },
    },
    { resolve: "@medusajs/medusa/cache-redis", options: { redisUrl } },
  ],
  plugins: [
    {
      resolve: "medusa-affiliates",
      // No hold: every sale is due at once, so the release job has work on every tick.
      options: { defaultProgram: { commissionValue: 10, holdDays: 0, cookieDays: 30 }, hashSalt: "cluster-test-salt" },
    },
  ],
})
