#!/usr/bin/env bash
# Debian's Chromium for the browser tests (tests/web/test_browser.py), driven by Playwright.
# Idempotent: does nothing when /usr/bin/chromium is already there. Playwright never downloads
# a browser of its own (`playwright install` is not used anywhere).
set -euo pipefail
if [ -x /usr/bin/chromium ]; then
  exit 0
fi
SUDO=""
if [ "$(id -u)" -ne 0 ]; then
  SUDO="sudo"
fi
export DEBIAN_FRONTEND=noninteractive
$SUDO apt-get update
$SUDO apt-get install -y --no-install-recommends chromium
test -x /usr/bin/chromium
/usr/bin/chromium --version || true
