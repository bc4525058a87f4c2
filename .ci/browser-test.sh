#!/usr/bin/env bash
# The admin dashboard extension in a real browser (`npm run test:browser`):
#   npm run build -> npm pack -> a production-like Medusa app in a temp dir with the packed
#   plugin and the admin enabled -> medusa build -> scratch database, db:migrate, the demo
#   seed (demo/src/scripts), an admin user -> medusa start (NODE_ENV=production, from
#   .medusa/server) -> the Playwright tests in integration-tests/browser/ (node --test)
#   drive Debian's Chromium against it -> clean up (server, database, temp dir).
#
# Needs: PostgreSQL on localhost:5432 (user postgres, no password; if nothing listens there,
# an embedded PostgreSQL is started via scripts/ensure-postgres.js), and Chromium at
# /usr/bin/chromium (`apt-get install -y chromium`; CHROMIUM_PATH to use another binary).
# Playwright downloads no browser: the tests use playwright-core with that executable.
#
# Screenshots (element screenshots of each page's main content) and the server log land in
# test-results/browser/.
#
# Environment:
#   BROWSER_TEST_SKIP_BUILD=1  use the existing .medusa/server instead of `npm run build`
#   BROWSER_TEST_SERVE=1       set everything up, print the URL and the login, and keep the
#                              store running until Ctrl-C instead of running the tests
#   BROWSER_TEST_ONLY=<regex>  run only the tests whose name matches (node --test-name-pattern)
#   BROWSER_TEST_UPDATE_SCREENSHOTS=1
#                              when the tests pass, copy the README's screenshots
#                              (affiliates.png, order-widget.png) to docs/screenshots/
#   HEADED=1                   show the browser window (needs a display)
set -euo pipefail

REPO="$(cd "$(dirname "$0")/.." && pwd)"
export MEDUSA_DISABLE_TELEMETRY=true
PG_HOST=localhost
PG_PORT=5432
DB_NAME="medusa_affiliates_browser_$(date +%s)_$$"
DATABASE_URL="postgres://postgres@${PG_HOST}:${PG_PORT}/${DB_NAME}"
WORK="$(mktemp -d /tmp/medusa-affiliates-browser-XXXXXX)"
APP="$WORK/app"
ARTIFACTS="$REPO/test-results/browser"
ADMIN_EMAIL="admin@medusa-affiliates.test"
ADMIN_PASSWORD="supersecret"
CHROMIUM_PATH="${CHROMIUM_PATH:-/usr/bin/chromium}"
BUILD_PID=""
SERVING=0
HARNESS_NAME="browser test"
source "$REPO/.ci/lib/harness.sh"

cleanup() {
  local rc=$?
  set +e
  stop_group "$BUILD_PID"
  stop_group "$SERVER_PID"
  if [ -f "$WORK/server.log" ]; then
    mkdir -p "$ARTIFACTS" && cp "$WORK/server.log" "$ARTIFACTS/server.log"
  fi
  harness_cleanup
  if [ "$SERVING" = 1 ]; then
    echo "stopped after $((SECONDS - START)) s"
  elif [ "$rc" = 0 ]; then
    echo "browser tests passed in $((SECONDS - START)) s"
  else
    echo "browser tests failed (exit $rc) after $((SECONDS - START)) s; screenshots and server.log in ${ARTIFACTS#"$REPO"/}/" >&2
  fi
  exit "$rc"
}
trap cleanup EXIT
trap 'exit 130' INT
trap 'exit 143' TERM

# ---------------------------------------------------------------------------
step "Chromium"
[ -x "$CHROMIUM_PATH" ] ||
  fail "no Chromium at $CHROMIUM_PATH: install it with \`apt-get install -y chromium\` (or set CHROMIUM_PATH)"
"$CHROMIUM_PATH" --version 2>/dev/null | head -n 1 || true
node -e 'require(process.argv[1])' "$REPO/node_modules/playwright-core" 2>/dev/null ||
  fail "playwright-core is not installed: run \`npm install\`"
echo "playwright-core $(node -p 'require(process.argv[1]).version' "$REPO/node_modules/playwright-core/package.json")"

# ---------------------------------------------------------------------------
ensure_postgres

# ---------------------------------------------------------------------------
if [ "${BROWSER_TEST_SKIP_BUILD:-}" = 1 ]; then
  step "npm run build skipped (BROWSER_TEST_SKIP_BUILD=1)"
else
  step "npm run build"
  (cd "$REPO" && npm run build >"$WORK/plugin-build.log" 2>&1) || {
    tail -n 60 "$WORK/plugin-build.log" >&2
    fail "npm run build failed"
  }
  tail -n 3 "$WORK/plugin-build.log"
fi

[ -d "$REPO/.medusa/server/src/admin" ] || fail "$REPO/.medusa/server/src/admin is missing: run \`npm run build\` first"
pack_plugin

# ---------------------------------------------------------------------------
step "Medusa app with the admin in $APP"
scratch_app "$APP" browser-test-app
PORT="$(free_port)"
BASE_URL="http://localhost:$PORT"

# The demo seed lives in seed/ (copied from demo/src/scripts below), outside src/ and
# excluded here, so the app build running at the same time does not compile it.
cat >"$APP/tsconfig.json" <<'JSON'
{
  "compilerOptions": {
    "target": "ES2021",
    "module": "Node16",
    "moduleResolution": "Node16",
    "esModuleInterop": true,
    "emitDecoratorMetadata": true,
    "experimentalDecorators": true,
    "skipLibCheck": true,
    "resolveJsonModule": true,
    "declaration": false,
    "inlineSourceMap": true,
    "outDir": "./.medusa/server",
    "rootDir": "./",
    "strictNullChecks": true
  },
  "ts-node": { "swc": true },
  "include": ["**/*", ".medusa/types/*"],
  "exclude": ["node_modules", ".medusa/server", ".medusa/admin", ".cache", "seed"]
}
JSON

# As demo/medusa-config.ts, plus what a production build over plain http needs: the session
# cookie is `Secure` in production, so the browser would drop it on http://localhost.
cat >"$APP/medusa-config.ts" <<TS
import { defineConfig } from "@medusajs/framework/utils"

const adminUrl = "$BASE_URL"

module.exports = defineConfig({
  projectConfig: {
    databaseUrl: "$DATABASE_URL",
    http: {
      jwtSecret: "browser-test-jwt-secret",
      cookieSecret: "browser-test-cookie-secret",
      storeCors: "http://localhost:8000",
      adminCors: adminUrl,
      authCors: adminUrl + ",http://localhost:8000",
    },
    cookieOptions: { secure: false },
  },
  admin: { disable: false },
  plugins: [
    {
      resolve: "medusa-affiliates",
      options: {
        defaultProgram: { commissionValue: 10, holdDays: 30, cookieDays: 30 },
        hashSalt: "browser-test-salt",
      },
    },
  ],
})
TS
cd "$APP"
MEDUSA="$APP/node_modules/.bin/medusa"

# ---------------------------------------------------------------------------
# `medusa build` (backend and admin bundle, ~20-40 s) needs no database: it runs in the
# background while the database is migrated and seeded.
step "medusa build (in the background)"
# NODE_PATH: the admin bundler finds the plugin's files for Tailwind with require.resolve
# from its own (real) location in the repo's node_modules, where the plugin is not.
NODE_PATH="$APP/node_modules" setsid "$MEDUSA" build >"$WORK/app-build.log" 2>&1 &
BUILD_PID=$!

step "create database $DB_NAME, medusa db:migrate"
create_database
"$MEDUSA" db:migrate --execute-safe-links >"$WORK/migrate.log" 2>&1 || {
  tail -n 60 "$WORK/migrate.log" >&2
  fail "medusa db:migrate failed"
}
tail -n 2 "$WORK/migrate.log"

step "demo seed (demo/src/scripts/seed.ts via medusa exec)"
cp -r "$REPO/demo/src/scripts" "$APP/seed"
"$MEDUSA" exec ./seed/seed.ts >"$WORK/seed.log" 2>&1 || {
  tail -n 80 "$WORK/seed.log" >&2
  fail "the demo seed failed"
}
grep -A6 'demo seed\] affiliates (balances' "$WORK/seed.log" || true
grep -q '\[demo seed\] done' "$WORK/seed.log" || { tail -n 40 "$WORK/seed.log" >&2; fail "the demo seed did not finish"; }

step "admin user $ADMIN_EMAIL"
"$MEDUSA" user -e "$ADMIN_EMAIL" -p "$ADMIN_PASSWORD" >"$WORK/user.log" 2>&1 || {
  tail -n 20 "$WORK/user.log" >&2
  fail "could not create the admin user"
}

step "waiting for medusa build"
BUILD_RC=0
wait "$BUILD_PID" || BUILD_RC=$?
BUILD_PID=""
[ "$BUILD_RC" = 0 ] || { tail -n 60 "$WORK/app-build.log" >&2; fail "medusa build failed (exit $BUILD_RC)"; }
[ -f "$APP/.medusa/server/public/admin/index.html" ] || {
  tail -n 40 "$WORK/app-build.log" >&2
  fail "medusa build wrote no admin bundle (.medusa/server/public/admin/index.html)"
}
grep -iE 'completed|built|success' "$WORK/app-build.log" | tail -n 3 || true

# ---------------------------------------------------------------------------
step "medusa start (NODE_ENV=production, from .medusa/server) on port $PORT"
# The production server is the build output; its packages are the app's.
ln -s ../../node_modules "$APP/.medusa/server/node_modules"
cd "$APP/.medusa/server"
NODE_ENV=production PORT="$PORT" setsid "$MEDUSA" start >"$WORK/server.log" 2>&1 &
SERVER_PID=$!
cd "$APP"
wait_healthy "$BASE_URL" 120 "$WORK/server.log"
curl -fsS -o /dev/null "$BASE_URL/app/login" || fail "the admin dashboard is not served at $BASE_URL/app"
echo "GET /health and /app/login -> OK"

export BASE_URL ADMIN_EMAIL ADMIN_PASSWORD CHROMIUM_PATH
export BROWSER_ARTIFACTS="$ARTIFACTS"

if [ "${BROWSER_TEST_SERVE:-}" = 1 ]; then
  SERVING=1
  step "serving (BROWSER_TEST_SERVE=1): $BASE_URL/app  login $ADMIN_EMAIL / $ADMIN_PASSWORD  (Ctrl-C stops)"
  wait "$SERVER_PID" || true
  exit 0
fi

# ---------------------------------------------------------------------------
step "Playwright tests (integration-tests/browser, node --test)"
rm -rf "$ARTIFACTS"
mkdir -p "$ARTIFACTS"
cd "$REPO"
NAME_PATTERN=()
[ -n "${BROWSER_TEST_ONLY:-}" ] && NAME_PATTERN=(--test-name-pattern "$BROWSER_TEST_ONLY")
node --test --test-reporter=spec ${NAME_PATTERN[@]+"${NAME_PATTERN[@]}"} integration-tests/browser/*.test.mjs

if [ "${BROWSER_TEST_UPDATE_SCREENSHOTS:-}" = 1 ]; then
  step "README screenshots -> docs/screenshots/"
  mkdir -p "$REPO/docs/screenshots"
  for shot in affiliates order-widget; do
    cp "$ARTIFACTS/$shot.png" "$REPO/docs/screenshots/$shot.png"
    echo "docs/screenshots/$shot.png ($(du -k "$REPO/docs/screenshots/$shot.png" | cut -f1) KB)"
  done
fi
