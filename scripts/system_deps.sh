#!/usr/bin/env bash
# Install the system packages that some tests use:
#   chromium (+ Arabic fonts)  the end-to-end browser test (tests/e2e)
#   postgresql                 the second database backend (tests run against it when a server is up)
# Needs root and apt-get (CI, a fresh Debian machine). Elsewhere it prints what is missing and the
# tests that need those packages skip with a message.
set -u
need=()
command -v chromium >/dev/null 2>&1 || need+=(chromium fonts-noto-core)
if ! command -v initdb >/dev/null 2>&1 && ! ls /usr/lib/postgresql/*/bin/initdb >/dev/null 2>&1; then
  need+=(postgresql)
fi
if [ ${#need[@]} -eq 0 ]; then
  exit 0
fi
if [ "$(id -u)" = 0 ] && command -v apt-get >/dev/null 2>&1; then
  echo "installing system packages: ${need[*]}"
  apt-get update -qq >/dev/null && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends "${need[@]}" >/dev/null \
    || echo "warning: could not install ${need[*]}; the tests that need them will skip"
else
  echo "note: not installing ${need[*]} (needs root and apt-get); the tests that need them will skip"
fi
exit 0
