#!/usr/bin/env bash
# The whole test suite: lint, migrations, then every test on SQLite and again
# on a real PostgreSQL. In CI (CI=true) a missing PostgreSQL is an error.
set -euo pipefail
cd "$(dirname "$0")/.."
BIN=.venv/bin
# One test process per CPU (pytest-xdist), each with its own test database
# (pytest-django adds the worker's name to it) and its own live server on a
# free port. Tests go to whichever process is free: the end-to-end tests, the
# slowest, are spread over all of them. Pass -n 0 to run in one process.
PARALLEL=(--numprocesses auto --dist worksteal)

echo "== browser for the end-to-end tests"
scripts/chromium.sh

# The edge tests (tests/edge) run the site's nginx through scripts/edge.sh
# in front of a live app server with a Redis of its own.
echo "== nginx and redis-server for the edge tests"
edge_missing=()
[ -x /usr/sbin/nginx ] || edge_missing+=(nginx)
[ -f /usr/lib/nginx/modules/ngx_http_brotli_filter_module.so ] || edge_missing+=(libnginx-mod-http-brotli-filter)
[ -x /usr/bin/redis-server ] || edge_missing+=(redis-server)
if [ ${#edge_missing[@]} -gt 0 ]; then
  if [ "$(id -u)" = 0 ]; then
    DEBIAN_FRONTEND=noninteractive apt-get update -qq
    DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "${edge_missing[@]}" >/dev/null
  elif [ "${CI:-}" = "true" ]; then
    echo "Missing ${edge_missing[*]}: required in CI for the edge tests." >&2
    exit 1
  else
    echo "Missing ${edge_missing[*]}: the edge tests are skipped." >&2
  fi
fi

echo "== ruff"
$BIN/ruff check .
$BIN/ruff format --check .

echo "== migrations are up to date"
DJANGO_DEBUG=1 $BIN/python manage.py makemigrations --check --dry-run

echo "== production settings pass check --deploy"
DJANGO_DEBUG=0 DJANGO_SECRET_KEY="$($BIN/python -c 'import secrets; print(secrets.token_urlsafe(50))')" \
  DJANGO_ALLOWED_HOSTS=directory.example.kr \
  $BIN/python manage.py check --deploy --fail-level WARNING

# The fault tests run on servers of their own while the SQLite tests run:
# they spend most of their time waiting for a fault to take effect.
echo "== fault tests: Redis, the PostgreSQL primary and its standby break under load (in the background)"
fault_log=$(mktemp)
fault_pid=""
if faults=$(scripts/fault-services.sh); then
  (eval "$(sed 's/^/export /' <<<"$faults")" && FAULT_TESTS=1 $BIN/pytest -m fault -s tests/fault) \
    >"$fault_log" 2>&1 &
  fault_pid=$!
elif [ "${CI:-}" = "true" ]; then
  echo "The fault-test servers are required in CI and could not be started." >&2
  exit 1
else
  echo "The fault-test servers are not available here: skipped (CI runs them)." >&2
fi

# The browser tests run once, on PostgreSQL, the database the site runs on in
# production; every other test runs on both databases.
echo "== tests on SQLite (all but the browser tests)"
sqlite_status=0
env -u DATABASE_URL $BIN/pytest "${PARALLEL[@]}" --ignore=tests/e2e "$@" || sqlite_status=$?

fault_status=0
if [ -n "$fault_pid" ]; then
  wait "$fault_pid" || fault_status=$?
  echo "== fault tests (their output)"
  cat "$fault_log"
fi
rm -f "$fault_log"
[ "$sqlite_status" = 0 ] && [ "$fault_status" = 0 ] || exit 1

echo "== tests on PostgreSQL, with the browser tests"
if url=$(scripts/postgres.sh); then
  DATABASE_URL="$url" $BIN/pytest "${PARALLEL[@]}" "$@"
elif [ "${CI:-}" = "true" ]; then
  echo "PostgreSQL is required in CI and could not be started." >&2
  exit 1
else
  echo "PostgreSQL is not available here: skipped (CI runs it)." >&2
fi
