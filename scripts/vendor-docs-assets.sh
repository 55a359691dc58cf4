#!/usr/bin/env bash
# Copy ReDoc's standalone bundle from its npm package into provenance/api/static/, so that
# /schema/redoc works offline (no CDN). Idempotent; installs npm from Debian when missing.
# usage: scripts/vendor-docs-assets.sh
set -euo pipefail

REDOC_VERSION=2.5.4
target="$(cd "$(dirname "$0")/.." && pwd)/provenance/api/static/redoc.standalone.js"
stamp="$target.version"
if [ -s "$target" ] && [ "$(cat "$stamp" 2>/dev/null)" = "$REDOC_VERSION" ]; then
  exit 0
fi

if ! command -v npm >/dev/null; then
  if command -v apt-get >/dev/null && [ "$(id -u)" = 0 ]; then
    echo "installing npm from Debian's packages..." >&2
    apt-get update -qq >/dev/null && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq npm >/dev/null
  else
    echo "npm is not installed and cannot be installed here (needs root and apt-get)" >&2
    exit 1
  fi
fi

work=$(mktemp -d /tmp/provenance-redoc.XXXXXX)
trap 'rm -rf "$work"' EXIT
(cd "$work" && npm pack --silent "redoc@$REDOC_VERSION" >/dev/null)
tar -xzf "$work/redoc-$REDOC_VERSION.tgz" -C "$work" package/bundles/redoc.standalone.js
cp "$work/package/bundles/redoc.standalone.js" "$target"
echo "$REDOC_VERSION" > "$stamp"
