#!/usr/bin/env bash
# The whole test suite: lint, migrations, then every test on SQLite and again
# on a real PostgreSQL. In CI (CI=true) a missing PostgreSQL is an error.
set -euo pipefail
cd "$(dirname "$0")/.."
BIN=.venv/bin

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

echo "== tests on SQLite"
env -u DATABASE_URL $BIN/pytest "$@"

echo "== tests on PostgreSQL"
if url=$(scripts/postgres.sh); then
  DATABASE_URL="$url" $BIN/pytest "$@"
elif [ "${CI:-}" = "true" ]; then
  echo "PostgreSQL is required in CI and could not be started." >&2
  exit 1
else
  echo "PostgreSQL is not available here: skipped (CI runs it)." >&2
fi
