#!/usr/bin/env bash
# Start (or stop) a private PostgreSQL server on 127.0.0.1 for the test suite's second backend.
#   scripts/pg_test_server.sh start   -> prints the server URL on stdout (exit 1 if no PostgreSQL is installed)
#   scripts/pg_test_server.sh stop
# The cluster lives in a temporary folder and trusts local connections only; nothing listens
# beyond loopback. As root it runs the server as an unprivileged user, as PostgreSQL requires.
set -euo pipefail
PORT="${RASID_PG_PORT:-54329}"
DIR="${RASID_PG_DIR:-/tmp/rasid-pg-$PORT}"
BIN=""
for candidate in "$(dirname "$(command -v initdb 2>/dev/null || echo /nonexistent/x)")" /usr/lib/postgresql/*/bin; do
  if [ -x "$candidate/initdb" ] && [ -x "$candidate/pg_ctl" ]; then BIN="$candidate"; break; fi
done
if [ -z "$BIN" ]; then echo "no PostgreSQL server binaries found" >&2; exit 1; fi
RUN=()
if [ "$(id -u)" = 0 ]; then
  id rasidpg >/dev/null 2>&1 || useradd --system --no-create-home --shell /usr/sbin/nologin rasidpg
  RUN=(runuser -u rasidpg --)
fi
case "${1:-start}" in
  start)
    if [ ! -f "$DIR/PG_VERSION" ]; then
      mkdir -p "$DIR"
      [ "$(id -u)" = 0 ] && chown rasidpg "$DIR"
      "${RUN[@]}" "$BIN/initdb" -D "$DIR" -U postgres --auth=trust -E UTF8 --locale=C.UTF-8 >/dev/null 2>&1 \
        || "${RUN[@]}" "$BIN/initdb" -D "$DIR" -U postgres --auth=trust -E UTF8 >/dev/null
    fi
    if ! "${RUN[@]}" "$BIN/pg_ctl" -D "$DIR" status >/dev/null 2>&1; then
      "${RUN[@]}" "$BIN/pg_ctl" -D "$DIR" -w -l "$DIR/server.log" \
        -o "-c listen_addresses=127.0.0.1 -p $PORT -k $DIR -c fsync=off -c max_connections=200" start >/dev/null
    fi
    echo "postgresql://postgres@127.0.0.1:$PORT/postgres"
    ;;
  stop)
    "${RUN[@]}" "$BIN/pg_ctl" -D "$DIR" -m fast stop >/dev/null 2>&1 || true
    ;;
esac
