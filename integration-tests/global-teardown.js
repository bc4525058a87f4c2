// Jest globalTeardown: stops the embedded PostgreSQL started by global-setup.js
// (if any) and removes its temporary data directory.
module.exports = async function globalTeardown() {
  const pg = globalThis.__EMBEDDED_PG__
  globalThis.__EMBEDDED_PG__ = undefined
  if (pg && pg.started) await pg.stop()
}
