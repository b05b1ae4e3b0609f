#!/usr/bin/env bash
# The test suite's second pass: every store on a private PostgreSQL server on 127.0.0.1.
# Usage: scripts/test_postgres.sh PYTHON [pytest args...]
# Skips (exit 0, with a note) where no PostgreSQL server binaries are installed.
set -uo pipefail
PY="$1"; shift
cd "$(dirname "$0")/.."
if ! URL="$(bash scripts/pg_test_server.sh start)"; then
  echo "note: PostgreSQL is not installed here; the PostgreSQL pass of the test suite is skipped"
  exit 0
fi
echo "PostgreSQL pass against $URL"
RASID_TEST_BACKEND=postgresql RASID_TEST_POSTGRES_URL="$URL" "$PY" -m pytest --deselect tests/e2e "$@"
rc=$?
bash scripts/pg_test_server.sh stop
exit $rc
