#!/usr/bin/env bash
# Make sure a local PostgreSQL accepts this user over its Unix socket, then
# print a DATABASE_URL for it. Installs and starts Debian's cluster when run as
# root on a machine that has none (a fresh CI machine).
set -euo pipefail
log() { echo "$@" >&2; }

if [ -n "${TEST_DATABASE_URL:-}" ]; then
  echo "$TEST_DATABASE_URL"
  exit 0
fi

if ! command -v pg_lsclusters >/dev/null 2>&1; then
  [ "$(id -u)" = 0 ] || { log "PostgreSQL is not installed."; exit 1; }
  log "Installing PostgreSQL..."
  export DEBIAN_FRONTEND=noninteractive
  apt-get update -qq >&2
  apt-get install -y -qq postgresql >&2
fi

# The first cluster that is not one of the fault tests' (scripts/fault-services.sh).
cluster=$(pg_lsclusters --no-header | awk '$2 !~ /^fault_/' | head -n 1)
[ -n "$cluster" ] || { log "No PostgreSQL cluster found."; exit 1; }
read -r version name _port status _ <<<"$cluster"
if [ "$status" != "online" ]; then
  if [ "$(id -u)" = 0 ]; then
    pg_ctlcluster "$version" "$name" start >&2
  else
    log "PostgreSQL cluster $version/$name is not running."; exit 1
  fi
fi

user=$(id -un)
if [ "$(id -u)" = 0 ]; then
  su postgres -c "psql -tAc \"SELECT 1 FROM pg_roles WHERE rolname='$user'\"" | grep -q 1 \
    || su postgres -c "createuser --superuser $user" >&2
fi
port=$(pg_lsclusters --no-header | awk -v n="$name" '$2 == n {print $3}')
echo "postgres:///directory?host=/var/run/postgresql&port=$port"
