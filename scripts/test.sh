#!/usr/bin/env bash
# The whole test suite: lint, migrations, then every test on SQLite and again
# on a real PostgreSQL. In CI (CI=true) a missing PostgreSQL is an error.
set -euo pipefail
cd "$(dirname "$0")/.."
BIN=.venv/bin
# Compiled modules are kept (in the git-ignored __pycache__ folders) even
# where the environment says not to write them: the suite starts dozens of
# Python processes, each of which would compile the project and its tests
# (pytest's rewritten assertions) again.
unset PYTHONDONTWRITEBYTECODE
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

# The fault tests and the edge tests run on servers of their own, in the
# background while the SQLite and PostgreSQL tests run: they spend most of
# their time waiting (for a fault to take effect, for the edge's copy of a
# page to expire). Their output follows the PostgreSQL run's.
background_names=()
background_pids=()
background_logs=()
in_background() { # NAME COMMAND...
  local log
  log=$(mktemp)
  "${@:2}" >"$log" 2>&1 &
  background_names+=("$1")
  background_pids+=($!)
  background_logs+=("$log")
}
background_results() {
  local status=0 i
  for i in "${!background_pids[@]}"; do
    wait "${background_pids[$i]}" || status=1
    echo "== ${background_names[$i]} (their output)"
    cat "${background_logs[$i]}"
    rm -f "${background_logs[$i]}"
  done
  return $status
}

# Their servers are started in the background too.
fault_tests() {
  local faults
  if ! faults=$(scripts/fault-services.sh); then
    if [ "${CI:-}" = "true" ]; then
      echo "The fault-test servers are required in CI and could not be started."
      return 1
    fi
    echo "The fault-test servers are not available here: skipped (CI runs them)."
    return 0
  fi
  eval "$(sed 's/^/export /' <<<"$faults")"
  FAULT_TESTS=1 $BIN/pytest -m fault -s tests/fault
}
echo "== fault tests: Redis, the PostgreSQL primary and its standby break under load (in the background)"
in_background "fault tests" fault_tests

# One deployment (tests/edge/servers.py) for all of them, on a SQLite
# database of its own; skipped where nginx or redis-server is missing.
echo "== edge tests: the site's nginx in front of gunicorn (in the background)"
in_background "edge tests" env -u DATABASE_URL $BIN/pytest tests/edge

# Each test runs on the database where it tells something. The SQLite pass
# takes the tests that touch no database, and of the others those of the
# code whose SQL differs by database (--database-specific-only,
# DATABASE_SPECIFIC in tests/conftest.py): search, bulk loads, the report
# quota, migrations. The PostgreSQL pass, the database the site runs on in
# production, takes every test that uses the database (--database-tests-only),
# the browser tests included. A test that touches no database would only
# repeat itself there.
echo "== tests on SQLite (no database, or code whose SQL differs by database)"
if ! env -u DATABASE_URL $BIN/pytest "${PARALLEL[@]}" --ignore=tests/e2e --ignore=tests/edge \
  --ignore=tests/fault --database-specific-only "$@"; then
  background_results || true
  exit 1
fi

echo "== tests on PostgreSQL: those that use the database, with the browser tests"
postgres_status=0
if url=$(scripts/postgres.sh); then
  DATABASE_URL="$url" $BIN/pytest "${PARALLEL[@]}" --database-tests-only "$@" || postgres_status=$?
elif [ "${CI:-}" = "true" ]; then
  echo "PostgreSQL is required in CI and could not be started." >&2
  postgres_status=1
else
  echo "PostgreSQL is not available here: skipped (CI runs it)." >&2
fi

background_status=0
background_results || background_status=$?
[ "$postgres_status" = 0 ] && [ "$background_status" = 0 ]
