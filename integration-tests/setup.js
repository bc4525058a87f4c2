const { MetadataStorage } = require("@medusajs/framework/mikro-orm/core")

MetadataStorage.clear()

// When a suite ends, the test runner drops its database and PostgreSQL ends the idle
// connections of the app's knex pool; knex reports each one on console.log. Nothing is
// wrong then, so only that line is dropped; everything else still prints.
const KNEX_POOL_TEARDOWN = /^Connection Error: Connection ended unexpectedly$/
const log = console.log.bind(console)
console.log = (...args) => {
  if (args.length === 1 && KNEX_POOL_TEARDOWN.test(String(args[0]).replace(/\x1b\[[0-9;]*m/g, ""))) {
    return
  }
  log(...args)
}
