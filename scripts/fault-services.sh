#!/usr/bin/env bash
# The servers the fault tests break on purpose, apart from the cluster the
# other tests use: a PostgreSQL primary and a real streaming standby on their
# own ports, and Debian's redis-server. Installs what is missing (as root),
# creates the clusters once, starts them, and prints the environment the
# fault tests read:
#
#   FAULT_PRIMARY_URL='postgres:///directory?host=/var/run/postgresql&port=5441'
#   FAULT_REPLICA_URL='postgres:///directory?host=/var/run/postgresql&port=5442'
#   FAULT_PG_VERSION=15 FAULT_PRIMARY_CLUSTER=fault_primary ...
#   FAULT_REDIS_SERVER=/usr/bin/redis-server
#
# The tests start and stop these servers themselves (pg_ctlcluster, their own
# redis-server processes on free ports), so nothing here is left half-broken
# for the next run.
set -euo pipefail
log() { echo "$@" >&2; }

PRIMARY=fault_primary
STANDBY=fault_standby
PRIMARY_PORT=${FAULT_PRIMARY_PORT:-5441}
STANDBY_PORT=${FAULT_STANDBY_PORT:-5442}
SOCKET=/var/run/postgresql

need=()
command -v pg_lsclusters >/dev/null 2>&1 || need+=(postgresql)
command -v redis-server >/dev/null 2>&1 || need+=(redis-server)
if [ ${#need[@]} -gt 0 ]; then
  [ "$(id -u)" = 0 ] || { log "Missing ${need[*]}; install them as root."; exit 1; }
  export DEBIAN_FRONTEND=noninteractive
  apt-get update -qq >&2
  apt-get install -y -qq "${need[@]}" >&2
  # Debian starts the packaged Redis on port 6379; the tests run their own.
fi

version=$(pg_lsclusters --no-header | awk 'NR==1 {print $1}')
version=${version:-$(ls /usr/lib/postgresql | sort -n | tail -n 1)}

cluster_status() { pg_lsclusters --no-header | awk -v n="$1" '$2 == n {print $4}'; }

as_postgres() { su postgres -c "$*"; }

if [ -z "$(cluster_status "$PRIMARY")" ]; then
  log "Creating the fault-test primary on port $PRIMARY_PORT..."
  pg_createcluster "$version" "$PRIMARY" --port "$PRIMARY_PORT" >&2
  conf=/etc/postgresql/$version/$PRIMARY
  cat >>"$conf/postgresql.conf" <<EOF
wal_level = replica
max_wal_senders = 5
hot_standby = on
listen_addresses = ''
EOF
fi
[ "$(cluster_status "$PRIMARY")" = online ] || pg_ctlcluster "$version" "$PRIMARY" start >&2
user=$(id -un)
as_postgres "psql -p $PRIMARY_PORT -tAc \"SELECT 1 FROM pg_roles WHERE rolname='$user'\"" | grep -q 1 \
  || as_postgres "createuser -p $PRIMARY_PORT --superuser $user" >&2

if [ -z "$(cluster_status "$STANDBY")" ]; then
  log "Creating the streaming standby on port $STANDBY_PORT..."
  pg_createcluster "$version" "$STANDBY" --port "$STANDBY_PORT" >&2
  data=/var/lib/postgresql/$version/$STANDBY
  rm -rf "$data"
  as_postgres "pg_basebackup -h $SOCKET -p $PRIMARY_PORT -D $data -R -X stream" >&2
fi
# A running standby shows as "online,recovery".
[[ "$(cluster_status "$STANDBY")" == online* ]] || pg_ctlcluster "$version" "$STANDBY" start >&2

echo "FAULT_PG_VERSION=$version"
echo "FAULT_PRIMARY_CLUSTER=$PRIMARY"
echo "FAULT_STANDBY_CLUSTER=$STANDBY"
echo "FAULT_PRIMARY_URL='postgres:///directory?host=$SOCKET&port=$PRIMARY_PORT'"
echo "FAULT_REPLICA_URL='postgres:///directory?host=$SOCKET&port=$STANDBY_PORT'"
echo "FAULT_REDIS_SERVER=$(command -v redis-server)"
