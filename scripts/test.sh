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
PARALLEL=(--numprocesses auto --dist load)

echo "== browser for the end-to-end tests"
scripts/chromium.sh

echo "== ruff"
$BIN/ruff check .
$BIN/ruff format --check .

echo "== migrations are up to date"
DJANGO_DEBUG=1 $BIN/python manage.py makemigrations --check --dry-run

echo "== production settings pass check --deploy"
DJANGO_DEBUG=0 DJANGO_SECRET_KEY="$($BIN/python -c 'import secrets; print(secrets.token_urlsafe(50))')" \
  DJANGO_ALLOWED_HOSTS=directory.example.kr \
  $BIN/python manage.py check --deploy --fail-level WARNING

# The browser tests run once, on PostgreSQL, the database the site runs on in
# production; every other test runs on both databases.
echo "== tests on SQLite (all but the browser tests)"
env -u DATABASE_URL $BIN/pytest "${PARALLEL[@]}" --ignore=tests/e2e "$@"

echo "== tests on PostgreSQL, with the browser tests"
if url=$(scripts/postgres.sh); then
  DATABASE_URL="$url" $BIN/pytest "${PARALLEL[@]}" "$@"
elif [ "${CI:-}" = "true" ]; then
  echo "PostgreSQL is required in CI and could not be started." >&2
  exit 1
else
  echo "PostgreSQL is not available here: skipped (CI runs it)." >&2
fi

echo "== fault tests: Redis, the PostgreSQL primary and its standby break under load"
if faults=$(scripts/fault-services.sh); then
  (eval "$(sed 's/^/export /' <<<"$faults")" && FAULT_TESTS=1 $BIN/pytest -m fault -s tests/fault)
elif [ "${CI:-}" = "true" ]; then
  echo "The fault-test servers are required in CI and could not be started." >&2
  exit 1
else
  echo "The fault-test servers are not available here: skipped (CI runs them)." >&2
fi
