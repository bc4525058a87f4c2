#!/usr/bin/env bash
# Proves the packed plugin loads in a separate, minimal Medusa app:
#   npm pack -> temp app with plugins: [{ resolve: "medusa-affiliates", options }]
#   -> medusa db:migrate (plugin tables exist) -> medusa start (/health answers,
#   the default affiliate program row exists) -> clean up.
# Run after `npm run build`. Needs PostgreSQL on localhost:5432 (user postgres,
# no password); if nothing listens there, an embedded PostgreSQL is started via
# scripts/ensure-postgres.js for the duration of the test.
# Offline: the app reuses the repo's node_modules (symlinked entries) and only
# the plugin itself is extracted from the tarball.
set -euo pipefail

REPO="$(cd "$(dirname "$0")/.." && pwd)"
export MEDUSA_DISABLE_TELEMETRY=true
PG_HOST=localhost
PG_PORT=5432
DB_NAME="medusa_affiliates_pack_$(date +%s)_$$"
DATABASE_URL="postgres://postgres@${PG_HOST}:${PG_PORT}/${DB_NAME}"
WORK="$(mktemp -d /tmp/medusa-affiliates-pack-XXXXXX)"
APP="$WORK/app"
HARNESS_NAME="pack test"
source "$REPO/.ci/lib/harness.sh"

cleanup() {
  local rc=$?
  set +e
  harness_cleanup
  if [ "$rc" = 0 ]; then
    echo "pack test passed in $((SECONDS - START)) s"
  else
    echo "pack test failed (exit $rc) after $((SECONDS - START)) s" >&2
  fi
  exit "$rc"
}
trap cleanup EXIT
trap 'exit 130' INT
trap 'exit 143' TERM

# ---------------------------------------------------------------------------
ensure_postgres

# ---------------------------------------------------------------------------
pack_plugin
# (no `tar | grep -q`: with pipefail, grep -q closing early makes tar fail)
grep -q '^package/.medusa/server/src/modules/' "$WORK/pack.files" ||
  fail "the tarball holds no .medusa/server/src/modules/: was the plugin built?"

# ---------------------------------------------------------------------------
step "minimal Medusa app in $APP"
scratch_app "$APP" pack-test-app
# What store code imports from the package resolves through its exports map.
(cd "$APP" && node -e '
  const { AffiliateEvents } = require("medusa-affiliates/events")
  const workflows = require("medusa-affiliates/workflows")
  if (AffiliateEvents.PAYOUT_PAID !== "affiliate_payout.paid") throw new Error("medusa-affiliates/events: unexpected names")
  if (typeof workflows.reconcileOrdersWorkflow !== "function") throw new Error("medusa-affiliates/workflows: no reconcileOrdersWorkflow")
  console.log("medusa-affiliates/events and /workflows resolve")
') || fail "the package exports do not resolve"

# The medusa CLI loads medusa-config.ts through ts-node; "swc" keeps it fast.
cat >"$APP/tsconfig.json" <<'JSON'
{
  "compilerOptions": {
    "target": "ES2021",
    "module": "Node16",
    "moduleResolution": "Node16",
    "esModuleInterop": true,
    "skipLibCheck": true,
    "resolveJsonModule": true
  },
  "ts-node": { "swc": true }
}
JSON

cat >"$APP/medusa-config.ts" <<TS
import { defineConfig } from "@medusajs/framework/utils"

module.exports = defineConfig({
  projectConfig: {
    databaseUrl: "$DATABASE_URL",
    http: {
      jwtSecret: "pack-test-jwt-secret",
      cookieSecret: "pack-test-cookie-secret",
      storeCors: "http://localhost:8000",
      adminCors: "http://localhost:9000",
      authCors: "http://localhost:8000,http://localhost:9000",
    },
  },
  admin: { disable: true },
  plugins: [
    {
      resolve: "medusa-affiliates",
      options: { defaultProgram: { commissionValue: 12 } },
    },
  ],
})
TS
echo "app ready"

cd "$APP"
MEDUSA="$APP/node_modules/.bin/medusa"

# ---------------------------------------------------------------------------
step "create database $DB_NAME"
create_database

# ---------------------------------------------------------------------------
step "medusa db:migrate"
"$MEDUSA" db:migrate --execute-safe-links >"$WORK/migrate.log" 2>&1 || {
  tail -n 60 "$WORK/migrate.log" >&2
  fail "medusa db:migrate failed"
}
tail -n 5 "$WORK/migrate.log"
AFFILIATE_TABLES="$(sql "$DB_NAME" "select string_agg(table_name, ', ' order by table_name) from information_schema.tables where table_schema = 'public' and table_name like 'affiliate%'")"
[ -n "$AFFILIATE_TABLES" ] || fail "db:migrate created no affiliate* tables: the plugin's migrations did not run (is the module shipped with migrations?)"
echo "plugin tables: $AFFILIATE_TABLES"

# ---------------------------------------------------------------------------
PORT="$(free_port)"

# start_server: `medusa start` in its own process group, waits for /health.
start_server() {
  PORT="$PORT" setsid "$MEDUSA" start >"$WORK/server.log" 2>&1 &
  SERVER_PID=$!
  wait_healthy "http://localhost:$PORT" 60 "$WORK/server.log"
  echo "GET /health -> OK after $((SECONDS - START)) s"
}

stop_server() {
  stop_group "$SERVER_PID"
  SERVER_PID=""
}

count_default_programs() {
  sql "$DB_NAME" "select count(*) from affiliate_program where is_default and deleted_at is null" ||
    fail "could not query affiliate_program"
}

step "a real order through the packed plugin (medusa exec .ci/pack-flow.ts)"
cp "$REPO/.ci/pack-flow.ts" "$APP/pack-flow.ts"
"$MEDUSA" exec ./pack-flow.ts >"$WORK/flow.log" 2>&1 || {
  tail -n 60 "$WORK/flow.log" >&2
  fail "the order flow failed in the packed plugin"
}
grep '^pack flow:' "$WORK/flow.log"
PUBLISHABLE_KEY="$(grep -m1 '^PUBLISHABLE_KEY=' "$WORK/flow.log" | cut -d= -f2-)"
[ -n "$PUBLISHABLE_KEY" ] || fail "the order flow printed no publishable key"

step "jobs run by hand (medusa exec)"
for job in release-commissions reconcile-orders; do
  "$MEDUSA" exec "./node_modules/medusa-affiliates/.medusa/server/src/jobs/$job.js" >"$WORK/job.log" 2>&1 || {
    tail -n 40 "$WORK/job.log" >&2
    fail "medusa exec of the $job job failed"
  }
  echo "$job: ok"
done

step "admin user"
"$MEDUSA" user -e admin@pack.test -p pack-admin-secret >"$WORK/user.log" 2>&1 || {
  tail -n 20 "$WORK/user.log" >&2
  fail "could not create the admin user"
}

step "medusa start on port $PORT"
start_server

step "storefront routes of the packed plugin"
AFFILIATE_JSON="$(curl -fsS -H "x-publishable-api-key: $PUBLISHABLE_KEY" "http://localhost:$PORT/store/affiliates/alice")" ||
  fail "GET /store/affiliates/alice failed"
echo "GET /store/affiliates/alice -> $AFFILIATE_JSON"
echo "$AFFILIATE_JSON" | grep -q '"promotion_codes":\["ALICE10"\]' || fail "unexpected affiliate response"
CLICK_STATUS="$(curl -sS -o "$WORK/click.json" -w '%{http_code}' -X POST -H 'content-type: application/json' \
  -H "x-publishable-api-key: $PUBLISHABLE_KEY" -d '{"session_id":"pack"}' "http://localhost:$PORT/store/affiliates/ALICE/clicks")"
[ "$CLICK_STATUS" = 201 ] || { cat "$WORK/click.json" >&2; fail "POST /store/affiliates/ALICE/clicks returned $CLICK_STATUS"; }
echo "POST /store/affiliates/ALICE/clicks -> $CLICK_STATUS $(cat "$WORK/click.json")"

step "storefront kit from the package (.ci/storefront-check.ts, a project without the framework)"
STOREFRONT="$WORK/storefront"
mkdir -p "$STOREFRONT/node_modules/@medusajs" "$STOREFRONT/node_modules/@types"
ln -s "$REPO/node_modules/@medusajs/js-sdk" "$STOREFRONT/node_modules/@medusajs/js-sdk"
ln -s "$REPO/node_modules/typescript" "$STOREFRONT/node_modules/typescript"
ln -s "$REPO/node_modules/@types/node" "$STOREFRONT/node_modules/@types/node"
ln -s "$APP/node_modules/medusa-affiliates" "$STOREFRONT/node_modules/medusa-affiliates"
cp "$REPO/.ci/storefront-check.ts" "$STOREFRONT/storefront-check.ts"
cat >"$STOREFRONT/tsconfig.json" <<'JSON'
{
  "compilerOptions": {
    "target": "ES2022",
    "module": "Node16",
    "moduleResolution": "Node16",
    "strict": true,
    "skipLibCheck": true,
    "outDir": "dist"
  },
  "files": ["storefront-check.ts"]
}
JSON
(cd "$STOREFRONT" && node node_modules/typescript/bin/tsc -p tsconfig.json) ||
  fail "the storefront kit does not type-check from the package (medusa-affiliates/storefront)"
node "$STOREFRONT/dist/storefront-check.js" "http://localhost:$PORT" "$PUBLISHABLE_KEY" ||
  fail "the storefront kit failed against the packed plugin"

step "portal and admin APIs of the packed plugin (.ci/pack-api-flow.mjs)"
node "$REPO/.ci/pack-api-flow.mjs" "http://localhost:$PORT" "$PUBLISHABLE_KEY" admin@pack.test pack-admin-secret ||
  fail "the portal and admin API flow failed"

# ---------------------------------------------------------------------------
step "default affiliate program"
DEFAULTS="$(count_default_programs)"
[ "$DEFAULTS" = 1 ] || fail "expected 1 default affiliate program after boot, found ${DEFAULTS:-none}"
VALUE="$(sql "$DB_NAME" "select commission_value::text from affiliate_program where is_default and deleted_at is null")"
echo "default program exists (commission_value = $VALUE)"
[ "$(node -p "Number('$VALUE') === 12")" = true ] ||
  fail "the default program's commission_value is $VALUE, expected 12 from the plugin options"
stop_server

step "second boot keeps one default program"
start_server
DEFAULTS="$(count_default_programs)"
[ "$DEFAULTS" = 1 ] || fail "expected 1 default affiliate program after a second boot, found ${DEFAULTS:-none}"
echo "still one default program"
stop_server

# ---------------------------------------------------------------------------
step "a wrong option stops boot with its name"
sed -i 's/options: { defaultProgram: { commissionValue: 12 } }/options: { defaultProgram: { commissionValue: 12, holdDays: -1 } }/' "$APP/medusa-config.ts"
grep -q 'holdDays: -1' "$APP/medusa-config.ts" || fail "could not write the wrong option into medusa-config.ts"
if PORT="$PORT" timeout 90 "$MEDUSA" start >"$WORK/bad-option.log" 2>&1; then
  fail "medusa start succeeded with an invalid plugin option"
fi
grep -q 'defaultProgram.holdDays' "$WORK/bad-option.log" || {
  tail -n 40 "$WORK/bad-option.log" >&2
  fail "boot failed, but the message does not name defaultProgram.holdDays"
}
grep -m1 'defaultProgram.holdDays' "$WORK/bad-option.log"
