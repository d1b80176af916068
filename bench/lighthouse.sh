#!/usr/bin/env bash
# Lighthouse scores of each page type, in the system's Chromium, against the
# production settings (DEBUG off, hashed static files) on loopback.
# Usage: bench/lighthouse.sh   (writes the table into docs/benchmarks.md)
set -euo pipefail
cd "$(dirname "$0")/.."
BIN=.venv/bin
PORT=${PORT:-$(python3 -c "import socket; s=socket.socket(); s.bind(('127.0.0.1', 0)); print(s.getsockname()[1])")}
WORK=$(mktemp -d)
trap 'kill $SERVER 2>/dev/null || true; rm -rf "$WORK"' EXIT

(cd bench && npm install --no-audit --no-fund --silent)
export DJANGO_SECRET_KEY=lighthouse-only-$(date +%s)-0123456789abcdefghijklmnopqrstuvwxyz
export DJANGO_ALLOWED_HOSTS=127.0.0.1 DJANGO_SSL_REDIRECT=0
export DATABASE_URL="sqlite:///$WORK/db.sqlite3" DJANGO_STATIC_ROOT="$WORK/static"
$BIN/python manage.py migrate -v0
$BIN/python manage.py seed_directory -v0 >/dev/null
$BIN/python manage.py collectstatic --noinput -v0
$BIN/gunicorn -c gunicorn.conf.py --bind 127.0.0.1:$PORT --workers 2 --access-logfile /dev/null &
SERVER=$!
for _ in $(seq 50); do curl -sf "http://127.0.0.1:$PORT/healthz" >/dev/null && break; sleep 0.2; done

export CHROME_PATH=${CHROME_PATH:-/usr/bin/chromium}
flags="--headless=new --no-sandbox --disable-gpu --disable-quic --no-first-run --disable-background-networking --disable-component-update --disable-sync"
rows=""
for page in "home /" "service /services/12/" "division /divisions/5/" "area /areas/2/" \
            "standard /standards/1/" "index /services/" "search /search/?q=%EA%B3%A0%EB%A0%A4%EC%9D%B8" \
            "service-en /en/services/12/" "not-found /no-such-page/"; do
  set -- $page
  # Three runs each; the row is the run with the median performance score.
  for run in 1 2 3; do
    bench/node_modules/.bin/lighthouse "http://127.0.0.1:$PORT$2" --quiet \
      --chrome-flags="$flags" --only-categories=performance,accessibility,best-practices,seo \
      --output=json --output-path="$WORK/$1-$run.json" --form-factor=mobile >/dev/null 2>&1 || true
  done
  row=$($BIN/python - "$1" "$WORK/$1-1.json" "$WORK/$1-2.json" "$WORK/$1-3.json" <<'PY'
import json, sys
runs = []
for name in sys.argv[2:]:
    try:
        runs.append(json.load(open(name)))
    except (OSError, ValueError):
        runs.append(None)
def performance(report):
    return report["categories"]["performance"]["score"]
# A run Lighthouse could not finish (it says why in runtimeError) has no scores.
reports = [r for r in runs if r and not r.get("runtimeError") and performance(r) is not None]
if not reports:
    print(f"| {sys.argv[1]} | – | – | – | – | – |")
    raise SystemExit
report = sorted(reports, key=performance)[len(reports) // 2]
c = report["categories"]
score = lambda k: round(c[k]["score"] * 100) if c[k]["score"] is not None else "–"
weight = report["audits"]["total-byte-weight"].get("numericValue")
weight = f"{weight / 1024:.1f} KB" if weight is not None else "–"
runs = ", ".join(
    str(round(performance(r) * 100)) if r in reports else "failed" for r in runs
)
print(f"| {sys.argv[1]} | {score('performance')} ({runs}) | {score('accessibility')} | "
      f"{score('best-practices')} | {score('seo')} | {weight} |")
PY
)
  echo "$row"
  rows+="$row"$'\n'
done

$BIN/python - "$rows" <<'PY'
import os, re, sys
from datetime import date
from pathlib import Path
path = Path("docs/benchmarks.md")
text = path.read_text(encoding="utf-8") if path.exists() else "# Benchmarks\n"
section = (
    "## Lighthouse\n\n"
    f"`bench/lighthouse.sh`, mobile form factor, Debian Chromium, gunicorn on loopback, "
    f"{date.today()}, load average {os.getloadavg()[0]:.1f} on {os.cpu_count()} cores. "
    "Each page is measured three times; the row is the run with the median "
    "performance score (the three in brackets; \"failed\" is a run Lighthouse "
    "could not finish). Lighthouse refuses to report on a page answered with "
    "404.\n\n"
    "| page | performance (runs) | accessibility | best practices | SEO | transferred |\n"
    "| --- | --- | --- | --- | --- | --- |\n" + sys.argv[1]
)
if "## Lighthouse" in text:
    text = re.sub(r"## Lighthouse\n.*?(?=\n## |\Z)", section, text, flags=re.S)
else:
    text = text.rstrip() + "\n\n" + section
path.write_text(text, encoding="utf-8")
PY
