#!/usr/bin/env bash
# Fetches and unpacks Debian trixie's pgvector source package through this machine's own apt, verified
# as apt verifies everything: the suite's InRelease against the Debian archive keyring, every file
# against the signed indexes. Nothing is built or installed, and the system's apt sources and lists
# are left alone (a private apt state in a temporary directory). apt's configuration applies as
# always, so proxies (Acquire::http::Proxy, http_proxy) keep working.
#   scripts/pgvector-source.sh DIR        unpack the source into DIR (as root: apt downloads as _apt)
#   scripts/pgvector-source.sh --mirrors  print the Debian mirrors it tries, in order
# Mirrors tried: CRM_DEBIAN_MIRROR if set, then the machine's configured Debian archives, then Debian's
# own redirector deb.debian.org (for machines with no Debian mirror configured, e.g. Ubuntu).
set -euo pipefail

VERSION=${PGVECTOR_VERSION:-0.8.0}
SUITE=trixie
KEYRING=${CRM_DEBIAN_KEYRING:-/usr/share/keyrings/debian-archive-keyring.gpg}

say() { printf 'pgvector-source: %s\n' "$*" >&2; }

# The configured Debian archives: known as such by their Release file when apt has read it, otherwise
# by a Debian suite name on a .../debian/ path. Security and update suites carry no pgvector.
mirrors() {
  {
    [ -z "${CRM_DEBIAN_MIRROR:-}" ] || echo "$CRM_DEBIAN_MIRROR"
    apt-get indextargets --format '$(REPO_URI)' 'Created-By: Packages' 'Origin: Debian' 'Label: Debian' 2>/dev/null || true
    apt-get indextargets --no-release-info --format '$(REPO_URI) $(RELEASE)' 'Created-By: Packages' 2>/dev/null \
      | awk '$2 ~ /^(sid|unstable|testing|stable|oldstable|oldoldstable|forky|trixie|bookworm|bullseye|buster)$/ \
             && $1 ~ /\/debian\/?$/ {print $1}' || true
    echo http://deb.debian.org/debian
  } | sed -e 's#/*$#/#' | awk 'NF && !seen[$0]++'
}

# Downloads through one mirror into $1; fails when the mirror does not answer, is not signed by the
# Debian archive key, or has no pgvector.
fetch_from() {
  local mirror=$1 target=$2 state
  state=$(mktemp -d)
  trap 'rm -rf "$state"' RETURN
  mkdir -p "$state/lists/partial" "$state/cache/archives/partial" "$state/sources.list.d"
  echo "deb-src [signed-by=$KEYRING] $mirror $SUITE main" > "$state/sources.list"
  chmod -R a+rX "$state"
  # apt drops privileges to _apt for downloads; what it writes must be writable by it.
  chown -R _apt "$state/lists/partial" "$state/cache/archives/partial" "$target" 2>/dev/null || true
  local apt=(apt-get -q -o "Dir::Etc::SourceList=$state/sources.list" -o "Dir::Etc::SourceParts=$state/sources.list.d"
             -o "Dir::State::Lists=$state/lists" -o "Dir::Cache=$state/cache"
             -o "Acquire::AllowInsecureRepositories=false" -o "APT::Get::AllowUnauthenticated=false")
  "${apt[@]}" update >/dev/null 2>"$state/errors" && ! grep -q '^[EW]:' "$state/errors" || {
    say "$mirror: $(grep -m1 '^[EW]:' "$state/errors" || echo 'no answer')"
    return 1
  }
  (cd "$target" && { "${apt[@]}" source "pgvector=$VERSION*" >/dev/null 2>&1 || "${apt[@]}" source pgvector >/dev/null; })
}

if [ "${1:-}" = "--mirrors" ]; then
  mirrors
  exit 0
fi
target=${1:?usage: scripts/pgvector-source.sh DIR | --mirrors}
mkdir -p "$target"
[ -f "$KEYRING" ] || { say "the Debian archive keyring $KEYRING is missing (package debian-archive-keyring)"; exit 1; }
while read -r mirror; do
  if fetch_from "$mirror" "$target"; then
    say "fetched $(basename "$(ls -d "$target"/pgvector-*/)") from $mirror $SUITE (signature verified by apt)"
    exit 0
  fi
done < <(mirrors)
say "no Debian mirror gave a verified pgvector source package; set CRM_DEBIAN_MIRROR to a Debian mirror (and"
say "apt's proxy, Acquire::http::Proxy, if this machine needs one)"
exit 1
