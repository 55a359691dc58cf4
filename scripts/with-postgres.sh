#!/usr/bin/env bash
# Run a command with a throwaway PostgreSQL server on 127.0.0.1, its URL in
# PROVENANCE_TEST_POSTGRES_URL. Installs the server from Debian's packages if it is missing.
# usage: scripts/with-postgres.sh COMMAND [ARG...]
set -euo pipefail

find_bin() {
  local found
  found=$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -n 1 || true)
  [ -n "$found" ] && [ -x "$found/initdb" ] && echo "$found"
}

bin=$(find_bin || true)
if [ -z "$bin" ]; then
  if command -v apt-get >/dev/null && [ "$(id -u)" = 0 ]; then
    echo "installing PostgreSQL from Debian's packages..." >&2
    apt-get update -qq >/dev/null && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq postgresql >/dev/null
    bin=$(find_bin)
  else
    echo "PostgreSQL is not installed and cannot be installed here (needs root and apt-get)" >&2
    exit 1
  fi
fi

run_as=()
owner=$(id -un)
if [ "$(id -u)" = 0 ]; then  # the server refuses to run as root
  owner=postgres
  id postgres >/dev/null 2>&1 || useradd --system --home /var/lib/postgresql postgres
  run_as=(runuser -u postgres --)
fi

dir=$(mktemp -d /tmp/provenance-pg.XXXXXX)
chown "$owner" "$dir"
port=$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])')
cleanup() {
  "${run_as[@]}" "$bin/pg_ctl" -D "$dir/data" -m immediate stop >/dev/null 2>&1 || true
  rm -rf "$dir"
}
trap cleanup EXIT

"${run_as[@]}" "$bin/initdb" -D "$dir/data" -U provenance --auth=trust -E UTF8 >/dev/null
"${run_as[@]}" "$bin/pg_ctl" -D "$dir/data" -l "$dir/log" -w \
  -o "-h 127.0.0.1 -p $port -k $dir -c fsync=off -c full_page_writes=off" start >/dev/null

export PROVENANCE_TEST_POSTGRES_URL="postgresql://provenance@127.0.0.1:$port/postgres"
"$@"
