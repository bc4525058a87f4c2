const { loadEnv } = require("@medusajs/framework/utils")

loadEnv("test", process.cwd())

// A passing run stays quiet: Medusa's logger (read at load) prints only errors in tests.
// LOG_LEVEL=info npm test shows everything again.
process.env.LOG_LEVEL ??= "error"

// One runner, three kinds of suite, chosen by TEST_TYPE (see package.json scripts).
const testMatchByType = {
  unit: ["**/src/**/__tests__/**/*.unit.spec.[jt]s"],
  "integration:modules": ["**/src/modules/*/__tests__/**/*.spec.[jt]s"],
  "integration:http": ["**/integration-tests/http/**/*.spec.[jt]s"],
}

const testType = process.env.TEST_TYPE ?? "unit"
if (!testMatchByType[testType]) {
  throw new Error(`Unknown TEST_TYPE "${testType}"`)
}

module.exports = {
  transform: {
    "^.+\\.[jt]s$": [
      "@swc/jest",
      { jsc: { parser: { syntax: "typescript", decorators: true } } },
    ],
  },
  testEnvironment: "node",
  moduleFileExtensions: ["js", "ts", "json"],
  modulePathIgnorePatterns: ["dist/", "<rootDir>/.medusa/", "<rootDir>/.demo/"],
  testPathIgnorePatterns:
    testType === "integration:modules" ? ["\\.unit\\.spec\\.[jt]s$", "/node_modules/"] : ["/node_modules/"],
  setupFiles: ["./integration-tests/setup.js"],
  globalSetup: "./integration-tests/global-setup.js",
  globalTeardown: "./integration-tests/global-teardown.js",
  testMatch: testMatchByType[testType],
  testTimeout: 120_000,
}
