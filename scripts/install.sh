#!/usr/bin/env bash
# Installs what Intelligence CRM needs and is missing, and nothing else. Idempotent:
# a second run only checks and finishes in seconds.
#   scripts/install.sh           what the product needs to run
#   scripts/install.sh --tests   also what the tests need: Debian's Chromium for browser tests, and the npm
#                                tools of test-tools/ (MCP client, OpenAPI linter and client generator) from
#                                their lockfile, with the machine's Node.js (20.19 or newer)
set -euo pipefail

PG_VERSION=15
PG_BIN=/usr/lib/postgresql/$PG_VERSION/bin
PG_SHARE=/usr/share/postgresql/$PG_VERSION
PGVECTOR_VERSION=0.8.0
want_tests=false
[ "${1:-}" = "--tests" ] && want_tests=true

say() { printf 'install: %s\n' "$*" >&2; }

# The test tools come from test-tools/package-lock.json, exactly; nothing is fetched again at test time.
install_test_tools() {
  $want_tests || return 0
  local tools
  tools="$(cd "$(dirname "$0")/.." && pwd)/test-tools"
  if ! node -e 'const [a, b] = process.versions.node.split(".").map(Number); process.exit(a > 20 || (a === 20 && b >= 19) ? 0 : 1)' 2>/dev/null; then
    say "the tests need Node.js 20.19 or newer with npm (found: $(node --version 2>/dev/null || echo none)); install it, then run this again"
    exit 1
  fi
  if [ ! -f "$tools/node_modules/.package-lock.json" ] || [ "$tools/package-lock.json" -nt "$tools/node_modules/.package-lock.json" ]; then
    say "installing the npm test tools from test-tools/package-lock.json"
    (cd "$tools" && npm ci --no-audit --no-fund --ignore-scripts --loglevel=error >/dev/null)
  fi
}

packages=()
[ -x "$PG_BIN/postgres" ] || packages+=("postgresql-$PG_VERSION" "postgresql-contrib")
command -v mvn >/dev/null || packages+=(maven)
if $want_tests; then
  [ -x /usr/bin/chromium ] || packages+=(chromium)
  [ -x /usr/bin/chromedriver ] || packages+=(chromium-driver)
  command -v node >/dev/null && command -v npm >/dev/null || packages+=(nodejs npm)
fi
vector_missing=false
if [ ! -f "$PG_SHARE/extension/vector.control" ] || [ ! -f "/usr/lib/postgresql/$PG_VERSION/lib/vector.so" ]; then
  vector_missing=true
  [ -f "/usr/include/postgresql/$PG_VERSION/server/postgres.h" ] || packages+=("postgresql-server-dev-$PG_VERSION")
  command -v make >/dev/null && command -v gcc >/dev/null || packages+=(build-essential)
  command -v dpkg-source >/dev/null || packages+=(dpkg-dev)
  [ -f /usr/share/keyrings/debian-archive-keyring.gpg ] || packages+=(debian-archive-keyring)
fi

if [ ${#packages[@]} -eq 0 ] && ! $vector_missing; then
  install_test_tools
  exit 0
fi

if [ "$(id -u)" -ne 0 ]; then
  say "missing: ${packages[*]:-} $($vector_missing && echo "pgvector $PGVECTOR_VERSION")"
  say "run these as root, then run the command again:"
  [ ${#packages[@]} -eq 0 ] || printf '  sudo apt-get update && sudo apt-get install -y %s\n' "${packages[*]}" >&2
  if $vector_missing; then
    printf '  sudo %s   # builds pgvector %s from Debian'"'"'s source package, fetched through your apt sources\n' \
      "$0" "$PGVECTOR_VERSION" >&2
  fi
  exit 1
fi

export DEBIAN_FRONTEND=noninteractive
if [ ${#packages[@]} -gt 0 ]; then
  say "installing ${packages[*]}"
  apt-get update -qq
  apt-get install -y -qq --no-install-recommends "${packages[@]}" >/dev/null
fi

if $vector_missing; then
  say "building pgvector $PGVECTOR_VERSION from Debian's source package (about 30 s)"
  work=$(mktemp -d)
  # Through this machine's own apt (its mirror, its proxy) with apt's signature checks; see the script.
  PGVECTOR_VERSION=$PGVECTOR_VERSION "$(dirname "$0")/pgvector-source.sh" "$work"
  (cd "$work"/pgvector-*/ && make -s PG_CONFIG="$PG_BIN/pg_config" >/dev/null && make -s install PG_CONFIG="$PG_BIN/pg_config" >/dev/null)
  rm -rf "$work"
  say "pgvector installed"
fi

install_test_tools
