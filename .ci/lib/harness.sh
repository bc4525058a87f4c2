# Shared by .ci/pack-test.sh and .ci/browser-test.sh (sourced, not run): steps and failures,
# SQL without psql, process groups, PostgreSQL (the running server or an embedded one), the
# packed plugin in a scratch Medusa app, free ports and /health. The caller sets REPO, WORK,
# PG_HOST, PG_PORT and DB_NAME, and calls harness_cleanup from its EXIT trap.

HARNESS_NAME="${HARNESS_NAME:-test}"
START=$SECONDS
SERVER_PID=""
PG_HELPER_PID=""
DB_CREATED=0
export PG_HOST PG_PORT

step() { printf '\n---- [%s %3ss] %s\n' "$HARNESS_NAME" "$((SECONDS - START))" "$*"; }
fail() {
  echo >&2
  echo "${HARNESS_NAME^^} FAILED: $*" >&2
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

# stop_group PID: TERM, then KILL, a process group started with setsid. Safe under `set -e`
# (the group's exit status is not ours).
stop_group() {
  local pid="$1"
  [ -n "$pid" ] || return 0
  kill -0 "$pid" 2>/dev/null || return 0
  kill -TERM -- "-$pid" 2>/dev/null || true
  for _ in $(seq 1 50); do kill -0 "$pid" 2>/dev/null || break; sleep 0.2; done
  kill -KILL -- "-$pid" 2>/dev/null || true
  wait "$pid" 2>/dev/null || true
}

# Drops the scratch database and stops an embedded PostgreSQL; for the caller's EXIT trap.
harness_cleanup() {
  stop_group "$SERVER_PID"
  if [ "$DB_CREATED" = 1 ]; then
    sql postgres "DROP DATABASE IF EXISTS \"$DB_NAME\" WITH (FORCE)" >/dev/null ||
      echo "warning: could not drop database $DB_NAME" >&2
  fi
  if [ -n "$PG_HELPER_PID" ]; then
    kill -TERM "$PG_HELPER_PID" 2>/dev/null
    wait "$PG_HELPER_PID" 2>/dev/null
  fi
  rm -rf "$WORK"
}

# The PostgreSQL on PG_HOST:PG_PORT, or an embedded one started there for this run.
ensure_postgres() {
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
}

create_database() {
  sql postgres "CREATE DATABASE \"$DB_NAME\"" || fail "could not create database $DB_NAME"
  DB_CREATED=1
}

# pack_plugin: `npm pack` of the built plugin into WORK; sets TARBALL.
pack_plugin() {
  step "npm pack"
  [ -d "$REPO/.medusa/server/src/modules" ] || fail "$REPO/.medusa/server is missing: run \`npm run build\` first"
  (cd "$REPO" && npm pack --pack-destination "$WORK" --silent >"$WORK/pack.out") || fail "npm pack failed"
  TARBALL="$WORK/$(tail -n 1 "$WORK/pack.out")"
  [ -f "$TARBALL" ] || fail "npm pack did not produce a tarball (got: $(cat "$WORK/pack.out"))"
  tar tzf "$TARBALL" >"$WORK/pack.files"
  echo "$(basename "$TARBALL"): $(du -h "$TARBALL" | cut -f1), $(wc -l <"$WORK/pack.files") files"
}

# scratch_app APP NAME: a Medusa app folder whose packages are the repo's (symlinked: offline,
# fast) but whose plugin is exactly what `npm pack` ships; writes its package.json.
scratch_app() {
  local app="$1" name="$2"
  mkdir -p "$app/node_modules"
  for entry in "$REPO"/node_modules/* "$REPO"/node_modules/.bin; do
    [ "$(basename "$entry")" = "medusa-affiliates" ] && continue
    ln -s "$entry" "$app/node_modules/$(basename "$entry")"
  done
  mkdir "$app/node_modules/medusa-affiliates"
  tar xzf "$TARBALL" -C "$app/node_modules/medusa-affiliates" --strip-components=1
  cat >"$app/package.json" <<JSON
{
  "name": "$name",
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
}

free_port() {
  node -e 'const s = require("net").createServer(); s.listen(0, "127.0.0.1", () => { console.log(s.address().port); s.close() })'
}

# wait_healthy URL SECONDS LOG: waits until URL/health answers while SERVER_PID lives.
wait_healthy() {
  local url="$1" seconds="$2" log="$3"
  for _ in $(seq 1 $((seconds * 2))); do
    curl -fsS -o /dev/null --max-time 2 "$url/health" 2>/dev/null && return 0
    kill -0 "$SERVER_PID" 2>/dev/null || break
    sleep 0.5
  done
  tail -n 60 "$log" >&2
  kill -0 "$SERVER_PID" 2>/dev/null && fail "server did not answer /health within $seconds s"
  fail "server exited before answering /health"
}
