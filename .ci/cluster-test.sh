#!/usr/bin/env bash
# The production topology under chaos (`npm run test:cluster`):
#   npm run build -> npm pack -> a Medusa app in a temp dir with the packed plugin and
#   Medusa's Redis modules (.ci/cluster/app) -> scratch database, db:migrate, seed, admin
#   user -> medusa build -> .ci/cluster/chaos.mjs starts two servers and two workers from
#   the build and runs the scenarios (see that file) -> clean up.
#
# Needs PostgreSQL on localhost:5432 (an embedded one is started when nothing listens) and
# Redis: the one on 127.0.0.1:6379 when it answers (the test uses and flushes database 11
# of it), else Debian's `redis-server` started on a free port for the run
# (`apt-get install -y redis-server`; .ci/run installs it when missing).
# Logs of every instance land in test-results/cluster/.
#
# Environment:
#   CLUSTER_TEST_SKIP_BUILD=1  use the existing .medusa/server instead of `npm run build`
set -euo pipefail

REPO="$(cd "$(dirname "$0")/.." && pwd)"
export MEDUSA_DISABLE_TELEMETRY=true
PG_HOST=localhost
PG_PORT=5432
DB_NAME="medusa_affiliates_cluster_$(date +%s)_$$"
DATABASE_URL="postgres://postgres@${PG_HOST}:${PG_PORT}/${DB_NAME}"
WORK="$(mktemp -d /tmp/medusa-affiliates-cluster-XXXXXX)"
APP="$WORK/app"
ARTIFACTS="$REPO/test-results/cluster"
ADMIN_EMAIL="admin@cluster.test"
ADMIN_PASSWORD="cluster-admin-secret"
REDIS_PID=""
REDIS_URL=""
BUILD_PID=""
HARNESS_NAME="cluster test"
source "$REPO/.ci/lib/harness.sh"

# redis_cmd URL COMMAND...: one Redis command through the repo's ioredis; prints the reply.
redis_cmd() {
  node -e '
    const Redis = require(process.argv[1])
    const [, , url, ...command] = process.argv
    const r = new Redis(url, { lazyConnect: true, maxRetriesPerRequest: 0, retryStrategy: () => null, connectTimeout: 1000 })
    r.connect().then(() => r.call(...command)).then((reply) => { console.log(reply); return r.quit() }, (e) => { console.error(e.message); process.exit(1) })
  ' "$REPO/node_modules/ioredis" "$@"
}

cleanup() {
  local rc=$?
  set +e
  stop_group "$BUILD_PID"
  mkdir -p "$ARTIFACTS"
  cp "$WORK"/*.log "$ARTIFACTS"/ 2>/dev/null
  if [ -n "$REDIS_URL" ] && [ -z "$REDIS_PID" ]; then
    redis_cmd "$REDIS_URL" FLUSHDB >/dev/null 2>&1
  fi
  stop_group "$REDIS_PID"
  harness_cleanup
  if [ "$rc" = 0 ]; then
    echo "cluster test passed in $((SECONDS - START)) s"
  else
    echo "cluster test failed (exit $rc) after $((SECONDS - START)) s; logs in $ARTIFACTS" >&2
  fi
  exit "$rc"
}
trap cleanup EXIT
trap 'exit 130' INT
trap 'exit 143' TERM

rm -rf "$ARTIFACTS"

# ---------------------------------------------------------------------------
ensure_postgres

step "Redis"
if redis_cmd "redis://127.0.0.1:6379" PING >/dev/null 2>&1; then
  REDIS_URL="redis://127.0.0.1:6379/11"
  redis_cmd "$REDIS_URL" FLUSHDB >/dev/null
  echo "using the Redis on 127.0.0.1:6379 (database 11, flushed)"
else
  command -v redis-server >/dev/null 2>&1 ||
    fail "no Redis answers on 127.0.0.1:6379 and redis-server is not installed (apt-get install -y redis-server)"
  REDIS_PORT="$(free_port)"
  setsid redis-server --port "$REDIS_PORT" --bind 127.0.0.1 --save "" --appendonly no --dir "$WORK" >"$WORK/redis.log" 2>&1 &
  REDIS_PID=$!
  REDIS_URL="redis://127.0.0.1:$REDIS_PORT/0"
  for _ in $(seq 1 50); do redis_cmd "$REDIS_URL" PING >/dev/null 2>&1 && break; sleep 0.2; done
  redis_cmd "$REDIS_URL" PING >/dev/null 2>&1 || { cat "$WORK/redis.log" >&2; fail "redis-server did not start"; }
  echo "started $(redis-server --version | cut -d' ' -f1-3) on port $REDIS_PORT"
fi

# ---------------------------------------------------------------------------
if [ "${CLUSTER_TEST_SKIP_BUILD:-}" = 1 ]; then
  step "npm run build skipped (CLUSTER_TEST_SKIP_BUILD=1)"
else
  step "npm run build"
  (cd "$REPO" && npm run build >"$WORK/plugin-build.log" 2>&1) || {
    tail -n 60 "$WORK/plugin-build.log" >&2
    fail "npm run build failed"
  }
fi
pack_plugin

# ---------------------------------------------------------------------------
step "Medusa app with the Redis modules in $APP"
scratch_app "$APP" cluster-test-app
cp -r "$REPO/.ci/cluster/app/." "$APP/"
# The chaos routes and the seed drive Medusa with the HTTP tests' own store fixtures.
mkdir -p "$APP/src/chaos"
cp "$REPO/integration-tests/fixtures/store.ts" "$APP/src/chaos/store.ts"
cd "$APP"
MEDUSA="$APP/node_modules/.bin/medusa"
export DATABASE_URL REDIS_URL

step "medusa build (in the background)"
setsid "$MEDUSA" build >"$WORK/app-build.log" 2>&1 &
BUILD_PID=$!

step "create database $DB_NAME, medusa db:migrate, seed, admin user"
create_database
MEDUSA_WORKER_MODE=shared "$MEDUSA" db:migrate --execute-safe-links >"$WORK/migrate.log" 2>&1 || {
  tail -n 60 "$WORK/migrate.log" >&2
  fail "medusa db:migrate failed"
}
export CLUSTER_SEED_OUT="$WORK/seed.json"
MEDUSA_WORKER_MODE=shared "$MEDUSA" exec ./seed.ts >"$WORK/seed.log" 2>&1 || {
  tail -n 60 "$WORK/seed.log" >&2
  fail "the cluster seed failed"
}
grep '^cluster seed:' "$WORK/seed.log"
MEDUSA_WORKER_MODE=shared "$MEDUSA" user -e "$ADMIN_EMAIL" -p "$ADMIN_PASSWORD" >"$WORK/user.log" 2>&1 || {
  tail -n 20 "$WORK/user.log" >&2
  fail "could not create the admin user"
}

step "waiting for medusa build"
BUILD_RC=0
wait "$BUILD_PID" || BUILD_RC=$?
BUILD_PID=""
[ "$BUILD_RC" = 0 ] || { tail -n 60 "$WORK/app-build.log" >&2; fail "medusa build failed (exit $BUILD_RC)"; }
ln -s ../../node_modules "$APP/.medusa/server/node_modules"
# The seed's Redis jobs (its events) are of no instance: start the cluster on an empty bus.
redis_cmd "$REDIS_URL" FLUSHDB >/dev/null

# ---------------------------------------------------------------------------
step "the cluster and its scenarios (.ci/cluster/chaos.mjs)"
PORTS="$(free_port),$(free_port),$(free_port),$(free_port)"
cd "$REPO"
CLUSTER_WORK="$WORK" CLUSTER_SERVER_DIR="$APP/.medusa/server" CLUSTER_PORTS="$PORTS" \
  CLUSTER_ADMIN_EMAIL="$ADMIN_EMAIL" CLUSTER_ADMIN_PASSWORD="$ADMIN_PASSWORD" \
  node .ci/cluster/chaos.mjs || fail "a scenario failed (instance logs in $ARTIFACTS)"
