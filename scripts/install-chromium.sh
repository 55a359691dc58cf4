#!/usr/bin/env bash
# Make sure headless Chromium is there for the browser tests (tests/browser/): installs
# Debian's `chromium` package when it is missing. Idempotent. When it cannot install
# (no root, no apt-get, no network) it says so and succeeds: the browser tests then skip
# with that reason, and everything else still runs.
set -uo pipefail

if command -v chromium >/dev/null || command -v chromium-browser >/dev/null; then
  exit 0
fi
if command -v apt-get >/dev/null && [ "$(id -u)" = 0 ]; then
  echo "installing chromium from Debian's packages..." >&2
  if apt-get update -qq >/dev/null &&
    DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends chromium >/dev/null; then
    exit 0
  fi
fi
echo "chromium is not installed and cannot be installed here: the browser tests will skip" >&2
exit 0
