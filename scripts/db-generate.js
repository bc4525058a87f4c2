#!/usr/bin/env node
// Generates the affiliate module's migration from its models against an empty scratch
// database (plugin:db:generate diffs against the committed snapshot), then drops it.
const { execSync } = require("node:child_process")

const host = process.env.DB_HOST || "localhost"
const port = process.env.DB_PORT || "5432"
const user = process.env.DB_USERNAME || "postgres"
const password = process.env.DB_PASSWORD || ""
const db = `medusa_affiliates_generate_${Date.now()}`
const auth = password ? `${user}:${encodeURIComponent(password)}` : user
const psql = (sql) =>
  execSync(`psql -h ${host} -p ${port} -U ${user} -d postgres -c ${JSON.stringify(sql)}`, {
    stdio: "inherit",
    env: { ...process.env, PGPASSWORD: password },
  })

psql(`CREATE DATABASE "${db}"`)
try {
  execSync("npx medusa plugin:db:generate", {
    stdio: "inherit",
    env: {
      ...process.env,
      DATABASE_URL: `postgres://${auth}@${host}:${port}/${db}`,
      DB_HOST: host,
      DB_PORT: port,
      DB_USERNAME: user,
      DB_PASSWORD: password,
      MEDUSA_DISABLE_TELEMETRY: "true",
    },
  })
} finally {
  psql(`DROP DATABASE IF EXISTS "${db}"`)
}
