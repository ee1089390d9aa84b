#!/usr/bin/env bash
# Installs what the browser tests of horn-runs need: Debian's Chromium and playwright-core
# (which drives it; it never downloads a browser of its own). Safe to run again: it installs
# only what is missing. The tests skip themselves, saying why, when this has not been run.
set -euo pipefail
cd "$(dirname "$0")"

if ! command -v chromium >/dev/null 2>&1; then
  if [ "$(id -u)" = 0 ] && command -v apt-get >/dev/null 2>&1; then
    echo "setup: installing Debian's chromium ..." >&2
    timeout 300 apt-get update -qq >&2
    DEBIAN_FRONTEND=noninteractive timeout 600 apt-get install -y -qq chromium >&2
  else
    echo "setup: chromium is missing and cannot be installed here (needs root and apt-get)" >&2
    exit 1
  fi
fi

if [ ! -d node_modules/playwright-core ]; then
  command -v npm >/dev/null 2>&1 || { echo "setup: npm is missing" >&2; exit 1; }
  echo "setup: installing playwright-core ..." >&2
  PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD=1 timeout 300 npm ci --no-audit --no-fund >&2
fi
echo "setup: browser tests ready ($(command -v chromium))" >&2
