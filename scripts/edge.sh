#!/usr/bin/env bash
# The site's nginx (deploy/nginx/) in the foreground, in plain HTTP on
# 127.0.0.1:PORT, in front of the app at UPSTREAM (host:port): for the tests
# (tests/edge/) and the page benchmark. Its cache, logs and configuration go
# to a temporary folder, removed when it stops. Debian's nginx; installed
# first if missing (as root).
#
#   scripts/edge.sh 8080 127.0.0.1:8000
#
# DJANGO_STATIC_ROOT: collectstatic's folder (default: staticfiles/).
# EDGE_WORKERS: nginx worker processes (default: auto, one per core).
set -euo pipefail
if [ $# -ne 2 ]; then
  echo "usage: $0 PORT UPSTREAM" >&2
  exit 2
fi
port=$1
upstream=$2
root=$(cd "$(dirname "$0")/.." && pwd)
static_root=${DJANGO_STATIC_ROOT:-$root/staticfiles}

nginx=$(command -v nginx || echo /usr/sbin/nginx)
if [ ! -x "$nginx" ]; then
  if [ "$(id -u)" != 0 ]; then
    echo "nginx is missing: install Debian's nginx package." >&2
    exit 1
  fi
  export DEBIAN_FRONTEND=noninteractive
  apt-get update -qq
  apt-get install -y -qq nginx libnginx-mod-http-brotli-filter >/dev/null
  nginx=/usr/sbin/nginx
fi

dir=$(mktemp -d -t directory-edge.XXXXXX)
trap 'rm -rf "$dir"' EXIT
mkdir -p "$dir/cache" "$dir/temp"
# Includes are relative to this folder, as under /etc/nginx in production.
ln -s "$root/deploy/nginx" "$dir/directory"

modules=""
compression=""
# Loaded only where the module is installed (libnginx-mod-http-brotli-filter).
brotli=/usr/lib/nginx/modules/ngx_http_brotli_filter_module.so
if [ -f "$brotli" ]; then
  modules="load_module $brotli;"
  compression="include directory/brotli.conf;"
fi
# As root, the workers would otherwise run as nobody, who cannot read here.
user=""
[ "$(id -u)" = 0 ] && user="user root;"

cat >"$dir/nginx.conf" <<CONF
$user
$modules
daemon off;
worker_processes ${EDGE_WORKERS:-auto};
pid $dir/nginx.pid;
error_log $dir/error.log warn;
events { worker_connections 4096; }
http {
    include /etc/nginx/mime.types;
    default_type application/octet-stream;
    sendfile on;
    keepalive_timeout 65;
    keepalive_requests 100000;
    client_body_temp_path $dir/temp/body;
    proxy_temp_path $dir/temp/proxy;
    fastcgi_temp_path $dir/temp/fastcgi;
    uwsgi_temp_path $dir/temp/uwsgi;
    scgi_temp_path $dir/temp/scgi;
    proxy_cache_path $dir/cache levels=1:2 keys_zone=directory_pages:16m
                     max_size=1g inactive=1d use_temp_path=off;
    upstream directory_app {
        server $upstream;
        keepalive 32;
    }
    include directory/http.conf;
    $compression
    access_log $dir/access.log directory_edge;
    server {
        listen 127.0.0.1:$port;
        server_name _;
        set \$static_root $static_root;
        set \$maintenance_root $root/deploy/nginx;
        include directory/locations.conf;
    }
}
CONF

"$nginx" -p "$dir" -c "$dir/nginx.conf" -t -q
"$nginx" -p "$dir" -c "$dir/nginx.conf" &
pid=$!
stop() {
  kill -TERM "$pid" 2>/dev/null || true
  wait "$pid" 2>/dev/null || true
  rm -rf "$dir"
}
trap stop EXIT
trap 'exit 0' TERM INT
echo "nginx on http://127.0.0.1:$port in front of $upstream (cache, logs: $dir)" >&2
wait "$pid"
