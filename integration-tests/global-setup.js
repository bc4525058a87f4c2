/* eslint-disable no-console */
// Jest globalSetup: sensible DB defaults for @medusajs/test-utils, and a
// PostgreSQL server. If nothing listens on DB_HOST:DB_PORT, an embedded
// PostgreSQL is started there for this jest run (see scripts/ensure-postgres.js)
// and stopped again by global-teardown.js.
const { ensurePostgres } = require("../scripts/ensure-postgres")

const defaults = {
  // Must be the literal "localhost": with 127.0.0.1 test-utils turns on SSL.
  DB_HOST: "localhost",
  DB_USERNAME: "postgres",
  DB_PASSWORD: "",
  DB_PORT: "5432",
  MEDUSA_DISABLE_TELEMETRY: "true",
  NODE_ENV: "test",
}

module.exports = async function globalSetup() {
  for (const [key, value] of Object.entries(defaults)) {
    if (process.env[key] === undefined) process.env[key] = value
  }

  const host = process.env.DB_HOST
  const port = Number(process.env.DB_PORT)
  const pg = await ensurePostgres({ host, port, user: process.env.DB_USERNAME, log: () => {} })
  globalThis.__EMBEDDED_PG__ = pg

  console.log(
    pg.started
      ? `\n[global-setup] nothing listened on ${host}:${port}; started embedded PostgreSQL there (data dir ${pg.dataDir})`
      : `\n[global-setup] using the PostgreSQL server already listening on ${host}:${port}`
  )
}
