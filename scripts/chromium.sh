#!/usr/bin/env bash
# The end-to-end tests drive Debian's Chromium (never a browser downloaded by
# the test tool) and need Korean fonts to render pages as people see them.
set -euo pipefail
missing=()
[ -x /usr/bin/chromium ] || missing+=(chromium)
fc-list 2>/dev/null | grep -qi "Noto Sans CJK" || missing+=(fonts-noto-cjk)
# Thai, Khmer, Lao and Devanagari (Nepali) for the thirteen languages' pages.
for script in Thai Khmer Lao Devanagari; do
  fc-list 2>/dev/null | grep -qi "Noto Sans $script" && continue
  missing+=(fonts-noto-core)
  break
done
[ ${#missing[@]} -eq 0 ] && exit 0
if [ "$(id -u)" != 0 ]; then
  echo "Missing ${missing[*]}: install them to run the browser tests (skipped otherwise)." >&2
  [ "${CI:-}" = "true" ] && exit 1
  exit 0
fi
export DEBIAN_FRONTEND=noninteractive
apt-get update -qq
apt-get install -y -qq "${missing[@]}" >/dev/null
