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
SERVER_PID=""
PG_HELPER_PID=""
DB_CREATED=0
START=$SECONDS

step() { printf '\n---- [pack-test %3ss] %s\n' "$((SECONDS - START))" "$*"; }
fail() {
  echo >&2
  echo "PACK TEST FAILED: $*" >&2
  exit 1
}

# sql DB QUERY: runs QUERY on database DB, prints the first column of each row.
# Uses the repo's `pg` driver, so no PostgreSQL client tools are needed.
sql() {
  node -e '
    const { Client } = require(process.argv[1])
    const [, , database, query] = process.argv
    const c = new Client({ host: process.env.PG_HOST, port: +process.env.PG_PORT, user: "postgres", password: "", database })
    c.connect()
      .then(() => c.query(query))
      .then((r) => { for (const row of r.rows || []) console.log(Object.values(row)[0]) })
      .then(() => c.end(), (e) => { console.error(e.message); process.exit(1) })
  ' "$REPO/node_modules/pg" "$1" "$2"
}
export PG_HOST PG_PORT

cleanup() {
  local rc=$?
  set +e
  if [ -n "$SERVER_PID" ] && kill -0 "$SERVER_PID" 2>/dev/null; then
    # The server runs in its own process group (setsid): stop the whole group.
    kill -TERM -- "-$SERVER_PID" 2>/dev/null
    for _ in $(seq 1 50); do kill -0 "$SERVER_PID" 2>/dev/null || break; sleep 0.2; done
    kill -KILL -- "-$SERVER_PID" 2>/dev/null
  fi
  if [ "$DB_CREATED" = 1 ]; then
    sql postgres "DROP DATABASE IF EXISTS \"$DB_NAME\" WITH (FORCE)" >/dev/null ||
      echo "warning: could not drop database $DB_NAME" >&2
  fi
  if [ -n "$PG_HELPER_PID" ]; then
    kill -TERM "$PG_HELPER_PID" 2>/dev/null
    wait "$PG_HELPER_PID" 2>/dev/null
  fi
  rm -rf "$WORK"
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
step "PostgreSQL on $PG_HOST:$PG_PORT"
node "$REPO/scripts/ensure-postgres.js" --host "$PG_HOST" --port "$PG_PORT" >"$WORK/pg.log" 2>&1 &
PG_HELPER_PID=$!
for _ in $(seq 1 300); do
  grep -q '^ready:' "$WORK/pg.log" && break
  kill -0 "$PG_HELPER_PID" 2>/dev/null || break
  sleep 0.1
done
grep -q '^ready:' "$WORK/pg.log" || { cat "$WORK/pg.log" >&2; fail "no PostgreSQL on $PG_HOST:$PG_PORT and embedded PostgreSQL did not start"; }
if grep -q 'started=false' "$WORK/pg.log"; then
  wait "$PG_HELPER_PID" 2>/dev/null || true
  PG_HELPER_PID=""
  echo "using the PostgreSQL server already running"
else
  grep '^ensurePostgres' "$WORK/pg.log" || true
fi

# ---------------------------------------------------------------------------
step "npm pack"
[ -f "$REPO/.medusa/server/package.json" ] || [ -d "$REPO/.medusa/server/src" ] ||
  fail "$REPO/.medusa/server is missing: run \`npm run build\` first"
(cd "$REPO" && npm pack --pack-destination "$WORK" --silent >"$WORK/pack.out") || fail "npm pack failed"
TARBALL="$WORK/$(tail -n 1 "$WORK/pack.out")"
[ -f "$TARBALL" ] || fail "npm pack did not produce a tarball (got: $(cat "$WORK/pack.out"))"
tar tzf "$TARBALL" >"$WORK/pack.files"
echo "$(basename "$TARBALL"): $(du -h "$TARBALL" | cut -f1), $(wc -l <"$WORK/pack.files") files"
# (no `tar | grep -q`: with pipefail, grep -q closing early makes tar fail)
grep -q '^package/.medusa/server/src/modules/' "$WORK/pack.files" ||
  fail "the tarball holds no .medusa/server/src/modules/: was the plugin built?"

# ---------------------------------------------------------------------------
step "minimal Medusa app in $APP"
mkdir -p "$APP/node_modules"
# Reuse the repo's installed packages (offline, fast) ...
for entry in "$REPO"/node_modules/* "$REPO"/node_modules/.bin; do
  name="$(basename "$entry")"
  [ "$name" = "medusa-affiliates" ] && continue
  ln -s "$entry" "$APP/node_modules/$name"
done
# ... but the plugin itself is exactly what `npm pack` ships.
mkdir "$APP/node_modules/medusa-affiliates"
tar xzf "$TARBALL" -C "$APP/node_modules/medusa-affiliates" --strip-components=1

cat >"$APP/package.json" <<JSON
{
  "name": "pack-test-app",
  "version": "0.0.0",
  "private": true,
  "dependencies": {
    "@medusajs/cli": "2.21.2",
    "@medusajs/framework": "2.21.2",
    "@medusajs/medusa": "2.21.2",
    "medusa-affiliates": "file:$TARBALL"
  }
}
JSON

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
sql postgres "CREATE DATABASE \"$DB_NAME\"" || fail "could not create database $DB_NAME"
DB_CREATED=1

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
PORT="$(node -e 'const s = require("net").createServer(); s.listen(0, "127.0.0.1", () => { console.log(s.address().port); s.close() })')"

# start_server: `medusa start` in its own process group, waits for /health.
start_server() {
  PORT="$PORT" setsid "$MEDUSA" start >"$WORK/server.log" 2>&1 &
  SERVER_PID=$!
  local healthy=0
  for _ in $(seq 1 120); do
    if curl -fsS -o /dev/null --max-time 2 "http://localhost:$PORT/health" 2>/dev/null; then
      healthy=1
      break
    fi
    kill -0 "$SERVER_PID" 2>/dev/null || break
    sleep 0.5
  done
  if [ "$healthy" != 1 ]; then
    tail -n 60 "$WORK/server.log" >&2
    if kill -0 "$SERVER_PID" 2>/dev/null; then
      fail "server did not answer /health within 60 s"
    fi
    fail "server exited before answering /health"
  fi
  echo "GET /health -> OK after $((SECONDS - START)) s"
}

stop_server() {
  kill -TERM -- "-$SERVER_PID"
  for _ in $(seq 1 50); do kill -0 "$SERVER_PID" 2>/dev/null || break; sleep 0.2; done
  if kill -0 "$SERVER_PID" 2>/dev/null; then
    kill -KILL -- "-$SERVER_PID" 2>/dev/null || true
  fi
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
